import pg from "pg";
import { generate } from "otplib";
import { expect, type Page } from "@playwright/test";
import { e2eStack } from "./stack";

let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 }));

export async function setTenantRequiresMfa(tenantId: string, required: boolean) {
  await db().query(`update "Tenant" set "requireMfa" = $2, "updatedAt" = now() where id = $1`, [tenantId, required]);
}

/** A code of a later 30-second step than any used so far (the server accepts one step of clock drift). */
export const nextTotpCode = (secret: string, stepsAhead = 1) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });

/** Sets up the authenticator app from /account/security; returns its key and the recovery codes shown once. */
export async function enrolTotp(page: Page) {
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = (await page.getByTestId("totp-key").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = await list.getByRole("listitem").allTextContents();
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByTestId("totp-status")).toContainText("10 of 10 recovery codes left");
  return { secret, recoveryCodes };
}
