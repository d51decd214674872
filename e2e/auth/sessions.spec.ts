import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";
import { createTenant, createUser, e2ePassword } from "../support/db";
import { choosePassword, formAlert, signIn, signInAndLand } from "../support/login";

async function signOutFromMenu(page: Page) {
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

/** A fresh browser holding only the given cookies, as someone who copied them would. */
async function replay(browser: Browser, cookies: Cookie[], path: string) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  return { page, context };
}

test("a session cookie copied before sign-out is refused afterwards", async ({ page, browser }) => {
  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);

  const before = await replay(browser, cookies, "/admin");
  await expect(before.page).toHaveURL(/\/admin$/);
  await before.context.close();

  await signOutFromMenu(page);
  const after = await replay(browser, cookies, "/admin");
  await expect(after.page).toHaveURL(/\/login/);
  await after.context.close();
});

test("an admin's password reset ends the member's open session", async ({ page, browser }) => {
  const tenant = await createTenant();
  const member = await createUser({ tenantId: tenant.id, role: "operator" });
  await createUser({ tenantId: tenant.id, role: "owner" });
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signInAndLand(memberPage, member.email, member.password, new RegExp(`/tenant/${tenant.slug}$`));

  const admin = await createUser({ staffRole: "admin" });
  await signInAndLand(page, admin.email, admin.password, /\/admin$/);
  await page.goto(`/admin/tenants/${tenant.id}`);
  await page.getByRole("tab", { name: /Members/ }).click();
  const row = page.getByRole("row").filter({ hasText: member.email });
  await row.getByRole("button", { name: "Reset password" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText(/one-time password/i).first()).toBeVisible();

  await memberPage.goto(`/tenant/${tenant.slug}/vms`);
  await expect(memberPage).toHaveURL(/\/login/);
  await memberContext.close();
});

test("'Sign out everywhere' ends the sessions in other browsers", async ({ page, browser }) => {
  const user = await createUser({ staffRole: "helpdesk" });
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAndLand(otherPage, user.email, user.password, /\/helpdesk\/operations$/);

  await signInAndLand(page, user.email, user.password, /\/helpdesk\/operations$/);
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  await otherPage.goto("/helpdesk/operations");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});

test("a one-time password opens only the change-password page, then the new password works", async ({ page }) => {
  const tenant = await createTenant();
  const user = await createUser({ tenantId: tenant.id, role: "owner", oneTime: true });
  await signInAndLand(page, user.email, user.password, /\/account\/password$/);
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await page.goto(`/tenant/${tenant.slug}`);
  await expect(page).toHaveURL(/\/account\/password$/);

  await choosePassword(page, user.password, "password1234");
  await expect(page.locator("#field-newPassword-error")).toContainText("too common");

  await choosePassword(page, user.password, "orange kettles sing at dawn");
  await expect(page).toHaveURL(/\/account\?changed=1$/);
  await page.goto(`/tenant/${tenant.slug}`);
  await expect(page.getByRole("heading", { name: tenant.name })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, user.email, e2ePassword);
  await expect(formAlert(page)).toContainText("incorrect");
  await signInAndLand(page, user.email, "orange kettles sing at dawn", new RegExp(`/tenant/${tenant.slug}$`));
});
