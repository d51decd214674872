import { expect, test, type Page } from "@playwright/test";
import { createTenant, createUser, unique } from "../support/db";
import { signIn, signInAndLand } from "../support/login";

const oneTimePassword = (page: Page) => page.getByTestId("one-time-password").getByLabel("One-time password");
const fieldError = (page: Page, field: string) => page.locator(`#field-${field}-error`);

test("an admin creates a tenant with a new owner, who signs in with the one-time password and sees the suspension", async ({ page, browser }) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "Tenants" }).first().click();
  await expect(page.getByRole("heading", { name: "Tenants", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Create tenant" }).first().click();

  const name = unique("Woodgrove Bank");
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const ownerEmail = `${unique("owner")}@woodgrove.example`;
  await page.locator("#field-name").fill(name);
  await expect(page.getByTestId("slug-preview")).toHaveText(`/tenant/${slug}`);
  await expect(page.getByLabel("Address")).toHaveValue(slug);
  await page.getByLabel("Email").fill(ownerEmail);
  await page.locator("#field-ownerName").fill("Wanda Owner");
  await page.getByRole("button", { name: "Create tenant" }).click();

  await expect(page.getByText(`${name} is ready`)).toBeVisible();
  await expect(page.getByTestId("one-time-password")).toContainText("will not be shown again");
  const password = (await oneTimePassword(page).textContent())!.trim();
  expect(password).toMatch(/^\S{16}$/);

  // The owner, in a browser of their own, lands straight in the new tenant.
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInAndLand(ownerPage, ownerEmail, password, new RegExp(`/tenant/${slug}$`));
  await expect(ownerPage.getByRole("heading", { name })).toBeVisible();
  await expect(ownerPage.getByRole("link", { name: "Browse plans" })).toBeVisible();

  // The admin suspends it; the owner sees why changes are refused.
  await page.getByRole("link", { name: `Open ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("keep read access");
  await dialog.getByRole("button", { name: "Suspend tenant" }).click();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();

  await ownerPage.reload();
  await expect(ownerPage.getByText(`${name} is suspended`)).toBeVisible();
  await expect(ownerPage.getByText("changes are disabled")).toBeVisible();

  // The members tab lists the owner; the last owner cannot be removed.
  await page.getByRole("tab", { name: /Members/ }).click();
  const ownerRow = page.getByRole("row").filter({ hasText: ownerEmail });
  await expect(ownerRow).toContainText("Wanda Owner");
  await expect(ownerRow.getByRole("button", { name: "Remove" })).toBeDisabled();
  await ownerContext.close();
});

test("the create form shows bad input beside its fields", async ({ page }) => {
  const taken = await createTenant(unique("Taken"));
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto("/admin/tenants/new");

  await page.locator("#field-name").fill("Another company");
  await page.getByLabel("Address").fill(taken.slug);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(fieldError(page, "ownerEmail")).toHaveText("Enter a valid email address.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill("");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(fieldError(page, "slug")).toContainText("Another tenant already uses this address");
  await expect(fieldError(page, "ownerEmail")).toHaveCount(0);

  await page.getByLabel("Address").fill("admin");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(fieldError(page, "slug")).toContainText("reserved");

  // Nothing was created along the way: the new name is nowhere in the list.
  await page.goto("/admin/tenants?q=Another%20company");
  await expect(page.getByRole("row").filter({ hasText: "Another company" })).toHaveCount(0);
});

test("an admin adds a member with a one-time password and resets it", async ({ page, browser }) => {
  const tenant = await createTenant(unique("Litware"));
  await createUser({ tenantId: tenant.id, role: "owner" });
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto("/admin/tenants?q=" + encodeURIComponent(tenant.name));
  await page.getByRole("link", { name: tenant.name }).click();
  await page.getByRole("tab", { name: /Members/ }).click();

  const email = `${unique("reader")}@litware.example`;
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog.locator("#field-name-error")).toContainText("enter a name");
  await dialog.getByLabel("Name").fill("Rita Reader");
  await dialog.getByLabel("Role").selectOption("reader");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
  const first = (await oneTimePassword(page).textContent())!.trim();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Rita Reader");

  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Reset password" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
  await expect(oneTimePassword(page)).not.toHaveText(first);
  const second = (await oneTimePassword(page).textContent())!.trim();

  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  await signIn(readerPage, email, first);
  await expect(readerPage.locator('[data-slot="alert"]')).toContainText("incorrect");
  await signInAndLand(readerPage, email, second, new RegExp(`/tenant/${tenant.slug}$`));
  await readerPage.getByRole("link", { name: "Plans" }).first().click();
  await expect(readerPage.getByText("Only owners can subscribe")).toBeVisible();
  await readerContext.close();
});
