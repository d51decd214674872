import { expect, test } from "@playwright/test";
import { createTenant, createUser } from "../support/db";
import { formAlert, signIn, signInAndLand } from "../support/login";
import { enrolTotp, nextTotpCode, setTenantRequiresMfa } from "../support/mfa";

test("a member sets up an authenticator app, then signs in with a code once and with a recovery code", async ({
  page,
}) => {
  const tenant = await createTenant();
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  const { secret, recoveryCodes } = await enrolTotp(page);
  await page.context().clearCookies();

  // The password alone is no longer a session: the tenant still sends to sign-in.
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/mfa$/);
  await page.goto(`/tenant/${tenant.slug}`);
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/mfa$/);
  const label = "Code from your authenticator app";
  await page.getByLabel(label).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right, or it was used already.")).toBeVisible();
  const code = await nextTotpCode(secret);
  await page.getByLabel(label).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant.slug}$`));
  await page.context().clearCookies();

  // The same code a second time is refused; a recovery code works, once.
  await signIn(page, owner.email, owner.password);
  await page.getByLabel(label).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right, or it was used already.")).toBeVisible();
  await page.getByRole("button", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant.slug}$`));
  await page.goto("/account/security");
  await expect(page.getByTestId("totp-status")).toContainText("9 of 10 recovery codes left");
});

test("a tenant that requires two-step sign-in sends a member without it to set it up", async ({ page }) => {
  const tenant = await createTenant();
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  const reader = await createUser({ tenantId: tenant.id, role: "reader" });

  // The owner cannot turn it on from a session without a second factor (and lock themselves out).
  await signInAndLand(page, owner.email, owner.password, new RegExp(`/tenant/${tenant.slug}$`));
  await page.goto(`/tenant/${tenant.slug}/security`);
  await page.getByLabel("Require two-step sign-in for every member").click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(formAlert(page)).toContainText("Sign in with two-step sign-in yourself first");
  await page.context().clearCookies();

  await setTenantRequiresMfa(tenant.id, true);
  await signIn(page, reader.email, reader.password);
  // Signed in, the member lands on the tenant, which sends them to set up a second factor.
  await expect(page).toHaveURL(/\/account\/security\?tenant=/);
  await expect(page.getByRole("status")).toContainText(`${tenant.name} requires two-step sign-in`);

  // Set up, sign in again with the code: the tenant opens.
  const { secret } = await enrolTotp(page);
  await page.context().clearCookies();
  await signIn(page, reader.email, reader.password);
  await page.getByLabel("Code from your authenticator app").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(new RegExp(`/tenant/${tenant.slug}$`));
  await expect(page.getByRole("heading", { name: tenant.name })).toBeVisible();
});
