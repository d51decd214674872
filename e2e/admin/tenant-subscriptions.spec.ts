import { expect, test } from "@playwright/test";
import { createTenant, createUser, unique } from "../support/db";
import { emulatorControl } from "../support/emulator";
import { signInAndLand } from "../support/login";

test("an admin subscribes a tenant and the tenant page follows the provisioning to its end without a reload", async ({
  page,
}) => {
  const tenant = await createTenant(unique("Fourth Coffee"));
  await emulatorControl().addFault({
    method: "PUT",
    path: `/resourcegroups/portal-${tenant.slug}-`,
    latencyMs: 4_000,
    times: 1,
  });
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/admin/tenants?q=${encodeURIComponent(tenant.name)}`);
  await page.getByRole("link", { name: tenant.name }).click();
  await page.getByRole("tab", { name: /Subscriptions/ }).click();

  await page.getByRole("button", { name: "Subscribe to a plan" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Plan").selectOption({ label: "Provider Shared" });
  await dialog.getByLabel("Subscription name").fill("Production");
  await dialog.getByRole("button", { name: "Subscribe" }).click();
  await expect(dialog).toBeHidden();

  const provisioning = page
    .getByRole("row")
    .filter({ hasText: "Production" })
    .getByRole("link", { name: /Provisioning/ });
  await expect(provisioning).toContainText(/Queued|Running/);
  await expect(provisioning).toContainText("Succeeded", { timeout: 30_000 });
});
