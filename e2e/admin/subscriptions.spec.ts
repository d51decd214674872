import { expect, test, type Page } from "@playwright/test";
import { createActiveSubscription, createUser, unique } from "../support/db";
import { fillOnboarding, freshEmulatorSubscription } from "../support/emulator";
import { signInAndLand } from "../support/login";
import { isSamePage, markPage, onboardElsewhere, setAzureSubscriptionState } from "../support/states";

async function signInAsNewAdmin(page: Page) {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
}

// FormField links each error to its control as `field-<name>-error`.
const fieldError = (page: Page, name: string) => page.locator(`#field-${name}-error`);
const stateBadge = (page: Page, state: string) =>
  page.locator(`main [data-slot="badge"][data-state="${state}"]`).first();

test("an admin onboards an emulator subscription and sees it validated with what it discovered", async ({ page }) => {
  test.setTimeout(120_000);
  const sub = await freshEmulatorSubscription();
  await signInAsNewAdmin(page);
  await page.getByRole("link", { name: "Azure subscriptions" }).first().click();
  await expect(page.getByRole("heading", { name: "Azure subscriptions" })).toBeVisible();
  await page.getByRole("link", { name: "Onboard a subscription" }).first().click();

  await expect(page.getByText("Owner", { exact: true })).toBeVisible();
  await expect(page.getByText(/provider principal in the customer.s directory/)).toBeVisible();
  await fillOnboarding(page, sub);
  await page.getByRole("button", { name: "Onboard and validate" }).click();

  await expect(page).toHaveURL(/\/admin\/subscriptions\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: sub.displayName })).toBeVisible();
  // The page follows the validation operation by itself until the subscription is active.
  await expect(stateBadge(page, "active")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Every check passed")).toBeVisible();
  await expect(page.getByRole("list", { name: "Checks" }).getByRole("listitem")).toHaveCount(7);
  await expect(page.getByRole("list", { name: "Discovered regions" })).toContainText("West US");
  await page.getByLabel("Search VM sizes").fill("D2s_v5");
  await expect(page.getByRole("table", { name: "VM sizes" })).toContainText("Standard_D2s_v5");
  await expect(page.getByRole("list", { name: "Discovered images" })).toContainText("Ubuntu");
  await expect(page.getByText(sub.subscriptionId).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText(sub.clientSecret);

  await page.getByRole("link", { name: "Azure subscriptions" }).first().click();
  await page.getByPlaceholder("Search by name, subscription id, directory or plan").fill(sub.subscriptionId);
  const row = page.getByRole("row").filter({ hasText: sub.displayName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Active");
});

test("the subscriptions list follows a validating subscription until it is active, without a reload", async ({
  page,
}) => {
  const sub = await createActiveSubscription();
  await setAzureSubscriptionState(sub.id, "validating");
  await signInAsNewAdmin(page);
  await page.goto(`/admin/subscriptions?q=${sub.subscriptionId}`);
  const badge = page.getByRole("row").filter({ hasText: sub.displayName }).locator('[data-slot="badge"]');
  await expect(badge).toHaveAttribute("data-state", "validating");
  await markPage(page);
  await setAzureSubscriptionState(sub.id, "active");
  await expect(badge).toHaveAttribute("data-state", "active", { timeout: 15_000 });
  expect(await isSamePage(page)).toBe(true);
});

test("bad input shows errors beside the fields and onboards nothing", async ({ page }) => {
  await signInAsNewAdmin(page);
  await page.goto("/admin/subscriptions/new");
  const name = unique("Bad input");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Cloud").selectOption("Custom");
  await page.getByLabel("Directory (tenant) id").fill("contoso.onmicrosoft.com");
  await page.getByLabel("Subscription id").fill("1234");
  await page.getByLabel("Application (client) id").fill("0b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
  await page.getByRole("button", { name: "Onboard and validate" }).click();

  await expect(fieldError(page, "directoryId")).toContainText("must be a GUID");
  await expect(fieldError(page, "subscriptionId")).toContainText("must be a GUID");
  await expect(fieldError(page, "armEndpoint")).toContainText("full URL");
  await expect(fieldError(page, "authorityHost")).toContainText("full URL");
  await expect(fieldError(page, "clientSecret")).toContainText("client secret value");
  await expect(fieldError(page, "clientId")).toHaveCount(0);
  await expect(page.getByLabel("Display name")).toHaveValue(name);
  // The choices survive the refused post too (issue 12): the form shows what the next submit posts.
  await expect(page.getByLabel("Cloud")).toHaveValue("Custom");
  await expect(page.getByLabel("Directory (tenant) id")).toHaveValue("contoso.onmicrosoft.com");
  await expect(page.getByLabel("Application (client) id")).toHaveValue("0b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
  await expect(page).toHaveURL(/\/admin\/subscriptions\/new$/);

  await page.goto(`/admin/subscriptions?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No subscriptions match")).toBeVisible();
});

test("a wrong secret fails validation with Entra's AADSTS7000215 on the subscription page", async ({ page }) => {
  test.setTimeout(120_000);
  const sub = await freshEmulatorSubscription();
  await signInAsNewAdmin(page);
  await page.goto("/admin/subscriptions/new");
  await fillOnboarding(page, { ...sub, clientSecret: "not-the-secret" });
  await page.getByRole("button", { name: "Onboard and validate" }).click();

  await expect(page.getByRole("heading", { name: sub.displayName })).toBeVisible();
  await expect(stateBadge(page, "error")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Checks" })).toContainText("AADSTS7000215");
  await expect(page.locator("body")).not.toContainText("not-the-secret");
});

test("an admin allows a discovered region from the keyboard and it stays allowed", async ({ page }) => {
  await signInAsNewAdmin(page);
  await page.getByRole("link", { name: "Regions" }).first().click();
  await expect(page.getByRole("heading", { name: "Regions" })).toBeVisible();
  await page.getByLabel("Search regions").fill("japan");
  const japan = page.getByRole("checkbox", { name: /Japan East/ });
  const wasAllowed = (await japan.getAttribute("aria-checked")) === "true";
  await japan.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save allowed regions" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Allowed regions saved")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Japan East/ })).toHaveAttribute("aria-checked", String(!wasAllowed));
});

test("in demo mode an admin onboards with the built-in Azure emulator: endpoints, CA and credentials are filled and validation succeeds", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sub = await freshEmulatorSubscription();
  await signInAsNewAdmin(page);
  await page.goto("/admin/subscriptions/new");
  await page.getByRole("button", { name: "Use the built-in Azure emulator" }).click();

  await expect(page.getByLabel("Cloud")).toHaveValue("Custom");
  await expect(page.getByLabel("ARM endpoint")).toHaveValue(sub.armEndpoint);
  await expect(page.getByLabel("Authority host")).toHaveValue(sub.authorityHost);
  await expect(page.getByLabel("CA certificate")).toHaveValue(sub.caCertificate.trim());
  const choice = page.getByLabel("Service principal and subscription");
  // The demo seed onboarded the emulator's own subscriptions already: offered, but not twice.
  await expect(choice.locator("option", { hasText: "already onboarded" }).first()).toBeDisabled();
  await choice.selectOption(`${sub.clientId}/${sub.subscriptionId}`);
  await expect(page.getByRole("definition").filter({ hasText: sub.subscriptionId })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue(`${sub.displayName} (emulator)`);
  await expect(page.getByLabel("Client secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(sub.clientSecret);
  await page.getByRole("button", { name: "Onboard and validate" }).click();

  await expect(page).toHaveURL(/\/admin\/subscriptions\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: `${sub.displayName} (emulator)` })).toBeVisible();
  await expect(stateBadge(page, "active")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Every check passed")).toBeVisible();
  await expect(page.getByText(sub.subscriptionId).first()).toBeVisible();
  await expect(page.locator("body")).not.toContainText(sub.clientSecret);
});

test("with the built-in emulator, a subscription onboarded meanwhile by someone else is refused on the choice field", async ({
  page,
}) => {
  const sub = await freshEmulatorSubscription();
  await signInAsNewAdmin(page);
  await page.goto("/admin/subscriptions/new");
  await page.getByRole("button", { name: "Use the built-in Azure emulator" }).click();
  await page.getByLabel("Service principal and subscription").selectOption(`${sub.clientId}/${sub.subscriptionId}`);
  await onboardElsewhere(sub.subscriptionId);
  await page.getByRole("button", { name: "Onboard and validate" }).click();

  await expect(fieldError(page, "emulatorChoice")).toContainText("already onboarded");
  await expect(page.getByLabel("Service principal and subscription")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/subscriptions\/new$/);
});
