import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndLand(page: Page, email: string, password: string, path: RegExp) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(path);
}

/** The form-level message (Next adds its own empty role=alert route announcer, so match ours by slot). */
export const formAlert = (page: Page) => page.locator('[data-slot="alert"]');

/** The change-password page (/account/password), as a user with a one-time password meets it at first sign-in. */
export async function choosePassword(page: Page, current: string, next: string) {
  await page.getByLabel(/^(One-time|Current) password$/).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}
