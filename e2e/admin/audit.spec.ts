import { expect, test } from "@playwright/test";
import { createOperation, createTenant, createUser, unique } from "../support/db";
import { formAlert, signIn, signInAndLand } from "../support/login";
import { createLoadBalancerRow } from "../support/network";
import { createVmRow, subscribeTenant } from "../support/vms";

test("admins see sign-ins and failed sign-ins in the audit log and can filter them", async ({ page }) => {
  const victim = await createUser({ staffRole: "helpdesk" });
  await signIn(page, victim.email, "wrong-password");
  await expect(formAlert(page)).toContainText("incorrect");

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByPlaceholder("Search by user, target or IP").fill(victim.email);
  await expect(page).toHaveURL(/q=/);
  const rows = page.getByRole("row").filter({ hasText: victim.email });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("failed to sign in");

  await page.getByPlaceholder("Search by user, target or IP").fill(admin.email);
  await expect(page.getByRole("row").filter({ hasText: admin.email }).first()).toContainText("signed in");
});

test("a refused attempt on another tenant's VM is in the audit log as denied, with who, what and which VM", async ({
  page,
  browser,
}) => {
  const contoso = await createTenant(unique("Contoso"));
  const acme = await createTenant(unique("AcmeCorp"));
  const acmeVm = await createVmRow({
    tenantId: acme.id,
    tenantSubscriptionId: (await subscribeTenant(acme)).id,
    name: unique("acme-vm"),
  });
  await subscribeTenant(contoso);
  const intruder = await createUser({ tenantId: contoso.id, role: "owner" });
  const intruderContext = await browser.newContext();
  const intruderPage = await intruderContext.newPage();
  await signInAndLand(intruderPage, intruder.email, intruder.password, new RegExp(`/tenant/${contoso.slug}$`));
  expect((await intruderPage.goto(`/tenant/${contoso.slug}/vms/${acmeVm.id}`))?.status()).toBe(404);
  // AcmeCorp's own URL: its layout and its page both refuse, and the log has one entry for the one attempt.
  expect((await intruderPage.goto(`/tenant/${acme.slug}/vms`))?.status()).toBe(404);
  await intruderContext.close();

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/admin/audit?q=${encodeURIComponent(intruder.email)}`);
  await page.getByRole("combobox", { name: "Outcome" }).selectOption("denied");
  await expect(page).toHaveURL(/outcome=denied/);
  const rows = page.getByRole("row").filter({ hasText: intruder.email });
  await expect(rows).toHaveCount(2);
  const vmRow = rows.filter({ hasText: "was refused another tenant's" });
  await expect(vmRow).toContainText(`VirtualMachine ${acmeVm.id}`);
  await expect(vmRow.locator('[data-slot="badge"][data-state="denied"]')).toHaveText("denied");
  await expect(rows.filter({ hasText: "was refused access to tenant" })).toContainText(acme.name);
});

test("another tenant's load balancer and operation viewed by URL are 404s, each in the audit log as denied", async ({
  page,
  browser,
}) => {
  const contoso = await createTenant(unique("Contoso"));
  const acme = await createTenant(unique("AcmeCorp"));
  const acmeLb = await createLoadBalancerRow({
    tenantId: acme.id,
    tenantSubscriptionId: (await subscribeTenant(acme)).id,
    name: unique("acmelb"),
  });
  const acmeOp = await createOperation({
    tenantId: acme.id,
    kind: "vm.start",
    state: "succeeded",
    targetName: unique("acme-vm"),
  });
  await subscribeTenant(contoso);
  const intruder = await createUser({ tenantId: contoso.id, role: "owner" });
  const intruderContext = await browser.newContext();
  const intruderPage = await intruderContext.newPage();
  await signInAndLand(intruderPage, intruder.email, intruder.password, new RegExp(`/tenant/${contoso.slug}$`));
  expect((await intruderPage.goto(`/tenant/${contoso.slug}/network/${acmeLb.id}`))?.status()).toBe(404);
  expect((await intruderPage.goto(`/tenant/${contoso.slug}/operations/${acmeOp.id}`))?.status()).toBe(404);
  // A missing id is a typo, not a refusal: the same 404 and nothing in the log.
  expect((await intruderPage.goto(`/tenant/${contoso.slug}/operations/no-such-operation`))?.status()).toBe(404);
  await intruderContext.close();

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/admin/audit?q=${encodeURIComponent(intruder.email)}&outcome=denied`);
  const rows = page.getByRole("row").filter({ hasText: intruder.email });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `LoadBalancer ${acmeLb.id}` })).toContainText("was refused another tenant's");
  await expect(rows.filter({ hasText: `Operation ${acmeOp.id}` })).toContainText("was refused another tenant's");
});
