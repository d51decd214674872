import { expect, test } from "@playwright/test";
import { createOperation, createTenant, createUser, unique } from "../support/db";
import { signInAndLand } from "../support/login";
import { finishOperation, isSamePage, markPage } from "../support/states";
import { subscribeTenant } from "../support/vms";

test("the tenant overview follows a running operation to its end without a reload", async ({ page }) => {
  const tenant = await createTenant(unique("Fabrikam"));
  await subscribeTenant(tenant);
  const vmName = unique("web");
  const op = await createOperation({ tenantId: tenant.id, kind: "vm.start", state: "running", targetName: vmName });
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));

  const row = page.getByRole("list", { name: "Recent operations" }).getByRole("listitem").filter({ hasText: vmName });
  await expect(row.locator('[data-slot="badge"]')).toHaveText("Running");
  await markPage(page);
  await finishOperation(op.id);
  await expect(row.locator('[data-slot="badge"]')).toHaveText("Succeeded", { timeout: 15_000 });
  expect(await isSamePage(page)).toBe(true);
});
