import { expect, test } from "@playwright/test";
import { createTenant, createUser } from "../support/db";
import { signInAndLand } from "../support/login";

test("a tenant user cannot open the admin area, the helpdesk or another tenant", async ({ page }) => {
  const mine = await createTenant();
  const theirs = await createTenant();
  const owner = await createUser({ tenantId: mine.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${mine.slug}$`));

  for (const path of [
    "/admin",
    "/admin/audit",
    "/helpdesk/operations",
    `/tenant/${theirs.slug}`,
    `/tenant/${theirs.slug}/operations`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(page.getByText(theirs.name)).toHaveCount(0);
  }

  // The owner still sees their own tenant.
  await page.goto(`/tenant/${mine.slug}`);
  await expect(page.getByRole("heading", { name: mine.name })).toBeVisible();
});

test("helpdesk cannot open the admin area", async ({ page }) => {
  const helpdesk = await createUser({ staffRole: "helpdesk" });
  await signInAndLand(page, helpdesk.email, helpdesk.password, /\/helpdesk/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
});
