import { expect, test } from "@playwright/test";
import { createUser, unique } from "../support/db";
import { emulatorControl } from "../support/emulator";
import { signInAndLand } from "../support/login";

// The emulator's demo partner (emulator/providers/partner-center/seed.ts).
const PARTNER_TENANT_ID = "5e1a9c3d-7b2f-4e8a-9d6c-1f0b2a3c4d5e";

test("an admin connects the emulator's partner, onboards a customer's subscription and offers it in a plan", async ({
  page,
}) => {
  test.setTimeout(150_000);
  // A customer of its own, so the run never finds its subscription onboarded by an earlier one.
  const companyName = unique("Litware");
  const friendlyName = unique("Litware production");
  const customer = await emulatorControl().call<{ tenantId: string; azurePlan: { entitlements: string[] } }>(
    "POST",
    "partner-center/customers",
    { partnerTenantId: PARTNER_TENANT_ID, companyName, azureSubscriptions: [{ displayName: friendlyName }] },
  );
  const subscriptionId = customer.azurePlan.entitlements[0];

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "CSP partners" }).first().click();
  await expect(page.getByRole("heading", { name: "CSP partners", level: 1 })).toBeVisible();

  // The demo seed may have connected the partner already: then the admin replaces the connection the same way.
  const connect = page.getByRole("button", { name: "Connect Partner Center" });
  if (!(await connect.isVisible())) await page.getByText("Connect a different app or partner").click();
  await page.getByLabel("Connection name").fill("Fabrikam CSP");
  await page.getByRole("checkbox", { name: /built-in emulator.s partner/ }).check();
  await page.getByRole("button", { name: /^(Connect Partner Center|Replace the connection)$/ }).click();

  // The customers come from Partner Center through a sync operation: look again until it has listed the new one.
  const search = page.getByPlaceholder("Search by company, domain or tenant id");
  await expect(async () => {
    await page.goto(`/admin/partners?q=${encodeURIComponent(companyName)}`);
    await expect(page.getByRole("row").filter({ hasText: companyName })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(search).toHaveValue(companyName);
  const row = page.getByRole("row").filter({ hasText: companyName });
  await row.getByRole("checkbox", { name: new RegExp(friendlyName) }).check();
  await page.getByRole("button", { name: "Onboard selected subscriptions" }).click();
  const started = page.getByRole("link", { name: `Operation for ${subscriptionId}` });
  await expect(started).toBeVisible();
  await started.click();

  // The operation page follows it: consent, service principal, role, onboarding and validation.
  await expect(page.getByText("Onboard a CSP customer's subscription").first()).toBeVisible();
  await expect(page.locator('main [data-slot="badge"][data-state="succeeded"]').first()).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByText("Assign the Contributor role")).toBeVisible();

  await page.goto(`/admin/partners?q=${encodeURIComponent(companyName)}`);
  const onboarded = page
    .getByRole("row")
    .filter({ hasText: companyName })
    .getByRole("link", { name: /Onboarded/ });
  await expect(onboarded).toContainText("Active");
  await expect(page.getByRole("row").filter({ hasText: companyName }).getByRole("checkbox")).toBeDisabled();

  await page.goto("/admin/plans/new");
  await page
    .getByRole("combobox", { name: "Subscription", exact: true })
    .selectOption({ label: `${companyName} · ${friendlyName} (${subscriptionId})` });
});
