import { expect, test } from "@playwright/test";
import { createUser } from "../support/db";
import { signInAndLand } from "../support/login";

const scriptSrc = (policy: string | null) => policy?.split("; ").find((d) => d.startsWith("script-src ")) ?? "";

test("pages carry a per-request script nonce, no 'unsafe-inline', and run with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const first = await page.goto("/login");
  const second = await page.request.get("/login");
  const [a, b] = [first!.headers()["content-security-policy"], second.headers()["content-security-policy"]];
  expect(scriptSrc(a)).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(scriptSrc(a)).not.toContain("unsafe-inline");
  expect(scriptSrc(a)).not.toBe(scriptSrc(b));

  // The user menu is a client component: it opens only if the page hydrated under the policy.
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("button", { name: /^Account:/ }).click();
  await expect(page.getByRole("menuitem", { name: "Your account" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the API reference runs its one inline script by hash", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/api/docs");
  const policy = res!.headers()["content-security-policy"];
  expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/=]+'$/);
  // Scalar renders the document's title only if its scripts ran.
  await expect(page.getByText("Azure service-provider portal API").first()).toBeVisible();
  expect(violations).toEqual([]);
});
