import { generate } from "otplib";
import { expect, test } from "@playwright/test";
import { createUser } from "../support/db";
import { signIn } from "../support/login";
import { nextTotpCode } from "../support/mfa";

// The demo stack leaves PORTAL_REQUIRE_MFA_STAFF off (the README's demo sign-ins); run this spec against a stack
// started with it on: PORTAL_REQUIRE_MFA_STAFF=1 npx playwright test e2e/auth/staff-mfa.spec.ts (no server reused).
test.skip(process.env.PORTAL_REQUIRE_MFA_STAFF !== "1", "needs a stack with PORTAL_REQUIRE_MFA_STAFF=1");

test("staff without a second factor set one up at sign-in before the admin area opens", async ({ page }) => {
  const admin = await createUser({ staffRole: "admin" });
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/mfa$/);
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  // The password alone opened no session.
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, admin.email, admin.password);
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = (await page.getByTestId("totp-key").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.context().clearCookies();

  // From now on the code is asked like for anyone with a factor.
  await signIn(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await page.getByLabel("Code from your authenticator app").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
