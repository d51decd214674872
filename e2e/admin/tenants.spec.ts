import { expect, test, type Page } from "@playwright/test";
import { createPlan, createTenant, createUser, unique } from "../support/db";
import { choosePassword, signIn, signInAndLand } from "../support/login";
import { setPlanState } from "../support/tenancy";

const oneTimePassword = (page: Page) => page.getByTestId("one-time-password").getByLabel("One-time password");
const fieldError = (page: Page, field: string) => page.locator(`#field-${field}-error`);

test("an admin creates a tenant with a new owner, who signs in with the one-time password and sees the suspension", async ({
  page,
  browser,
}) => {
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

  // The owner, in a browser of their own, first chooses a password (the one-time one opens nothing else).
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInAndLand(ownerPage, ownerEmail, password, /\/account\/password$/);
  await choosePassword(ownerPage, password, "Woodgrove owner passphrase");
  await expect(ownerPage).toHaveURL(/\/account\?changed=1$/);
  await ownerPage.goto(`/tenant/${slug}`);
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

  // Suspension ends the members' sessions; signed in again, the owner sees why changes are refused.
  await ownerPage.reload();
  await expect(ownerPage).toHaveURL(/\/login/);
  await signInAndLand(ownerPage, ownerEmail, "Woodgrove owner passphrase", new RegExp(`/tenant/${slug}$`));
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
  // A one-time password opens only the change-password page (issue 16).
  await signInAndLand(readerPage, email, second, /\/account\/password$/);
  await choosePassword(readerPage, second, "Litware reader passphrase 1");
  await expect(readerPage).toHaveURL(/\/account\?changed=1$/);
  await readerPage.goto(`/tenant/${tenant.slug}`);
  await readerPage.getByRole("link", { name: "Plans" }).first().click();
  await expect(readerPage.getByText("Only owners can subscribe")).toBeVisible();
  await readerContext.close();
});

test("an admin subscribes a tenant to a private plan and cancels the subscription", async ({ page }) => {
  const tenant = await createTenant(unique("Adatum"));
  await createUser({ tenantId: tenant.id, role: "owner" });
  const privatePlan = await createPlan({ name: unique("Private") });

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/admin/tenants?q=${encodeURIComponent(tenant.name)}`);
  await page.getByRole("link", { name: tenant.name }).click();
  await page.getByRole("tab", { name: /Subscriptions/ }).click();
  await expect(page.getByText("No subscriptions yet")).toBeVisible();

  await page.getByRole("button", { name: "Subscribe to a plan" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Subscribe" }).click();
  await expect(dialog.locator("#field-planId-error")).toContainText("Choose a plan");
  await dialog.getByLabel("Plan").selectOption({ label: `${privatePlan.name} (private)` });
  await dialog.getByLabel("Subscription name").fill("Staging");
  await dialog.getByRole("button", { name: "Subscribe" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row").filter({ hasText: "Staging" });
  await expect(row).toContainText(privatePlan.name);
  await expect(row.getByRole("link", { name: /Provisioning/ })).toHaveAttribute("href", /^\/admin\/operations\/\w+$/);

  await row.getByRole("button", { name: "Cancel" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("everything in it");
  await expect(confirm.getByRole("button", { name: "Cancel subscription" })).toBeDisabled();
  await confirm.getByRole("textbox").fill("Staging");
  await confirm.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByRole("link", { name: /Deletion/ })).toHaveAttribute("href", /^\/admin\/operations\/\w+$/);
});

test("an owner subscribes to a public plan from the Plans page and never sees private plans", async ({ page }) => {
  const tenant = await createTenant(unique("Proseware"));
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  const privatePlan = await createPlan({ name: unique("Private") });
  const publicPlan = await createPlan({ name: unique("Public") });
  await setPlanState(publicPlan.id, "public");

  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await page.getByRole("link", { name: "Browse plans" }).click();
  await expect(page.getByRole("heading", { name: publicPlan.name })).toBeVisible();
  await expect(page.getByText(privatePlan.name)).toHaveCount(0);
  await page.getByRole("button", { name: `Subscribe to ${publicPlan.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("heading", { name: publicPlan.name })).toContainText("Subscribed");
  await page.getByRole("link", { name: "Overview" }).first().click();
  await expect(page.getByText(publicPlan.name).first()).toBeVisible();
  await expect(page.getByText("No subscriptions yet")).toHaveCount(0);
});

test("provider staff cannot be added to a tenant: the email field says why", async ({ page }) => {
  const tenant = await createTenant(unique("Fabrikam"));
  await createUser({ tenantId: tenant.id, role: "owner" });
  const helpdesk = await createUser({ staffRole: "helpdesk" });
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/admin/tenants/${tenant.id}`);
  await page.getByRole("tab", { name: /Members/ }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(helpdesk.email);
  await dialog.getByLabel("Role").selectOption("operator");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog.locator("#field-email-error")).toContainText("is provider staff (helpdesk)");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row").filter({ hasText: helpdesk.email })).toHaveCount(0);
});
