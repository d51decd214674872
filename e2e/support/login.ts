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
