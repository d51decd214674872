import { expect, test } from "@playwright/test";
import { createTenant, createUser, unique } from "../support/db";
import { emulatorControl } from "../support/emulator";
import { signInAndLand } from "../support/login";

test("an owner subscribes on the Plans page and watches the subscription go from Provisioning to Ready without a reload", async ({
  page,
}) => {
  const tenant = await createTenant(unique("Wingtip"));
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  // Azure takes its time creating this tenant's resource group, so "Provisioning" is on screen long enough to be seen.
  await emulatorControl().addFault({
    method: "PUT",
    path: `/resourcegroups/portal-${tenant.slug}-`,
    latencyMs: 4_000,
    times: 1,
  });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await page.goto(`/tenant/${tenant.slug}/plans`);
  await expect(page.getByRole("table", { name: "Your subscriptions" })).toHaveCount(0);

  await page.getByRole("button", { name: "Subscribe to Provider Shared" }).click();
  await page.getByRole("dialog").getByLabel("Subscription name").fill("Web farm");
  await page.getByRole("dialog").getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const row = page.getByRole("table", { name: "Your subscriptions" }).getByRole("row").filter({ hasText: "Web farm" });
  await expect(row).toContainText("Provider Shared");
  await expect(row).toContainText("Provisioning");
  await expect(row).toContainText("Ready", { timeout: 30_000 });
  await expect(row).not.toContainText("Provisioning");
  await expect(row.getByRole("link")).toHaveAttribute("href", new RegExp(`^/tenant/${tenant.slug}/operations/\\w+$`));
});
