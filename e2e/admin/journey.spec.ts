import { expect, test } from "@playwright/test";
import { createUser, unique } from "../support/db";
import { fillOnboarding, freshEmulatorSubscription } from "../support/emulator";
import { choosePassword, signInAndLand } from "../support/login";

/**
 * The provider's whole first day, as a new admin would do it: onboard a subscription from the emulator cloud, see it
 * validated, build a plan with two sizes and two images, create a tenant with an owner, subscribe it to the plan, and
 * sign in as that owner to find the plan there.
 */
test("onboard → validate → plan → tenant with owner → subscribe → the owner sees the plan", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const sub = await freshEmulatorSubscription();
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);

  // 1. Onboard and validate.
  await page.goto("/admin/subscriptions/new");
  await fillOnboarding(page, sub);
  await page.getByRole("button", { name: "Onboard and validate" }).click();
  await expect(page.locator('main [data-slot="badge"][data-state="active"]').first()).toBeVisible({ timeout: 90_000 });

  // 2. A plan on it with two sizes and two images.
  const planName = unique("Journey");
  await page.goto("/admin/plans/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(planName);
  await page
    .getByRole("combobox", { name: "Subscription", exact: true })
    .selectOption({ label: `${sub.displayName} (${sub.subscriptionId})` });
  await page.getByPlaceholder("Search sizes").fill("Standard_D2s_v5");
  await page.getByRole("checkbox", { name: /^Standard_D2s_v5\b/ }).check();
  await page.getByPlaceholder("Search sizes").fill("Standard_D4s_v5");
  await page.getByRole("checkbox", { name: /^Standard_D4s_v5\b/ }).check();
  await page.getByRole("checkbox", { name: /Ubuntu Server 24\.04 LTS/ }).check();
  await page
    .getByRole("checkbox", { name: /Windows Server 2022 Datacenter/ })
    .first()
    .check();
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/admin\/plans\/[^/]+\?saved=created$/);
  await expect(page.getByRole("table", { name: "Allowed VM sizes" }).getByRole("row")).toHaveCount(3);

  // 3. A tenant with a new owner (one-time password shown once).
  const tenantName = unique("Fabrikam");
  const ownerEmail = `${unique("owner")}@fabrikam.example`;
  await page.goto("/admin/tenants/new");
  await page.locator("#field-name").fill(tenantName);
  await page.getByLabel("Email").fill(ownerEmail);
  await page.locator("#field-ownerName").fill("Fiona Owner");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.getByText(`${tenantName} is ready`)).toBeVisible();
  const password = (await page.getByTestId("one-time-password").getByLabel("One-time password").textContent())!.trim();

  // 4. Subscribe the tenant to the plan.
  await page.getByRole("link", { name: `Open ${tenantName}` }).click();
  await page.getByRole("tab", { name: /Subscriptions/ }).click();
  await page.getByRole("button", { name: "Subscribe to a plan" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Plan").selectOption({ label: `${planName} (private)` });
  await dialog.getByRole("button", { name: "Subscribe" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: planName })).toBeVisible();

  // 5. The owner signs in and sees the plan.
  const ownerPage = await (await browser.newContext()).newPage();
  const slug = tenantName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  // A one-time password opens only the change-password page first (issue 16).
  await signInAndLand(ownerPage, ownerEmail, password, /\/account\/password$/);
  await choosePassword(ownerPage, password, "Fabrikam owner passphrase");
  await expect(ownerPage).toHaveURL(/\/account\?changed=1$/);
  await ownerPage.goto(`/tenant/${slug}`);
  await expect(ownerPage.getByText(planName).first()).toBeVisible();
});
