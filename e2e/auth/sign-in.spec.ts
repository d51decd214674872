import { expect, test } from "@playwright/test";
import { createTenant, createUser, e2ePassword, loginAddresses } from "../support/db";
import { formAlert, signIn, signInAndLand } from "../support/login";

test("each persona lands in its own area", async ({ page }) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await expect(page.getByRole("heading", { name: "Provider dashboard" })).toBeVisible();
  await page.context().clearCookies();

  const helpdesk = await createUser({ staffRole: "helpdesk" });
  await signInAndLand(page, helpdesk.email, helpdesk.password, /\/helpdesk\/operations$/);
  await expect(page.getByRole("heading", { name: "Operations", exact: true })).toBeVisible();
  await page.context().clearCookies();

  const tenant = await createTenant();
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await expect(page.getByRole("heading", { name: tenant.name })).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  const user = await createUser({ staffRole: "helpdesk" });
  await signIn(page, user.email, "not-the-password");
  await expect(formAlert(page)).toContainText("The email or password is incorrect.");
  await page.goto("/helpdesk/operations");
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields are reported next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("five wrong passwords from someone else do not lock the real user out", async ({ page }) => {
  const user = await createUser({ staffRole: "helpdesk" });
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, `wrong-${i}`);
    await expect(formAlert(page)).toContainText("incorrect");
  }
  await signInAndLand(page, user.email, e2ePassword, /\/helpdesk\/operations$/);
});

test("after more failures the account waits before the next attempt, even for the right password", async ({ page }) => {
  const user = await createUser({ staffRole: "helpdesk" });
  for (let i = 0; i < 6; i++) {
    await signIn(page, user.email, `wrong-${i}`);
    await expect(formAlert(page)).toContainText("incorrect");
  }
  await signIn(page, user.email, e2ePassword);
  await expect(formAlert(page)).toContainText(/Too many failed sign-in attempts\. Try again in \d+ seconds?\./);
  await expect(page).toHaveURL(/\/login/);
});

test("a spoofed X-Forwarded-For is not the address audit records", async ({ page }) => {
  const user = await createUser({ staffRole: "helpdesk" });
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.66" });
  await signIn(page, user.email, "not-the-password");
  await expect(formAlert(page)).toContainText("incorrect");
  await signInAndLand(page, user.email, e2ePassword, /\/helpdesk\/operations$/);
  expect(await loginAddresses(user.email)).toEqual(["127.0.0.1", "127.0.0.1"]);
});

test("signing out ends the session", async ({ page }) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});
