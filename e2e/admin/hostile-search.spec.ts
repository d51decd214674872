import { expect, test } from "@playwright/test";
import { createTenant, createUser } from "../support/db";
import { signInAndLand } from "../support/login";

// Issue 16: `?q=%00` was an HTTP 500 on every list page (PostgreSQL refuses NUL in text). Now the search is not run,
// the page answers, and the search box says why.
const message = /Search text cannot contain control characters/;

test("list pages answer a search with a NUL or a text-direction override, and say why beside the search box", async ({
  page,
}) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  for (const path of ["/admin/tenants", "/admin/plans", "/admin/subscriptions", "/admin/audit", "/admin/operations"]) {
    for (const q of ["%00", "web%E2%80%AE"]) {
      const response = await page.goto(`${path}?q=${q}`);
      expect(response?.status(), `${path}?q=${q}`).toBe(200);
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    }
  }

  const tenant = await createTenant();
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await page.context().clearCookies();
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}`));
  // A tenant without a subscription sees its empty states (no search box): the page still answers, not an error.
  for (const [path, heading] of [
    [`/tenant/${tenant.slug}/vms`, "Virtual machines"],
    [`/tenant/${tenant.slug}/operations`, "Operations"],
  ]) {
    const response = await page.goto(`${path}?q=%00`);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  }
});
