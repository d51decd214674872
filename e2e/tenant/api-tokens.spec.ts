import { expect, test } from "@playwright/test";
import { createTenant, createUser, unique } from "../support/db";
import { signInAndLand } from "../support/login";

test("an owner creates an API token, sees it once, uses it, and revokes it", async ({ page, request }) => {
  const tenant = await createTenant(unique("Tokens"));
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByText("No API tokens yet")).toBeVisible();

  await page.getByLabel("Name").fill("ci");
  await page.getByLabel("Role").selectOption("operator");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("API token", { exact: true }).textContent())!.trim();
  expect(token).toMatch(/^azp_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: "ci" });
  await expect(row).toContainText("Operator");
  await expect(row).toContainText(token.slice(0, 16));
  await expect(row).toContainText("Active");

  const api = (path: string) =>
    request.get(`/api/v1/tenants/${tenant.slug}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect((await api("/vms")).status()).toBe(200);

  // Shown once: after a reload only the prefix is left.
  await page.reload();
  await expect(page.getByLabel("API token", { exact: true })).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const refused = await api("/vms");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).detail).toBe("This API token has been revoked.");
});

test("only owners see the API tokens page", async ({ page }) => {
  const tenant = await createTenant(unique("Tokens"));
  const operator = await createUser({ tenantId: tenant.id, role: "operator" });
  await signInAndLand(page, operator.email, operator.password, new RegExp(`/tenant/${tenant.slug}$`));
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
  const res = await page.goto(`/tenant/${tenant.slug}/api-tokens`);
  expect(res?.status()).toBe(404);
});

test("the API reference page renders the generated document with the portal's own Scalar script", async ({
  page,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const external: string[] = [];
  page.on("request", (r) => !r.url().startsWith(baseURL!) && external.push(r.url()));
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Azure service-provider portal API" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("link", { name: "Virtual machines", exact: true })).toBeVisible();
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  expect(external.filter((u) => !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
});
