import { expect, test, type Page } from "@playwright/test";
import { createTenant, createUser } from "../support/db";
import { e2eStack } from "../support/stack";

// WebAuthn refuses 127.0.0.1 as a relying party ID; localhost is a valid one and reaches the same server.
const base = e2eStack.baseUrl.replace("127.0.0.1", "localhost");

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a passkey from Chromium's virtual authenticator is added, signs in as the second factor, and is removed", async ({
  page,
}) => {
  await addVirtualAuthenticator(page);
  const tenant = await createTenant();
  const owner = await createUser({ tenantId: tenant.id, role: "owner" });
  const home = new RegExp(`localhost:\\d+/tenant/${tenant.slug}$`);
  await signInWithPassword(page, owner.email, owner.password);
  await expect(page).toHaveURL(home);

  await page.goto(`${base}/account/security`);
  await page.getByLabel("Passkey name").fill("Virtual key");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  // The first factor comes with recovery codes.
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByRole("list", { name: "Passkeys" })).toContainText("Virtual key");
  await page.context().clearCookies();

  await signInWithPassword(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/mfa$/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(home);

  await page.goto(`${base}/account/security`);
  await page.getByRole("button", { name: "Remove Virtual key" }).click();
  await expect(page.getByRole("list", { name: "Passkeys" })).toHaveCount(0);
  await page.context().clearCookies();
  await signInWithPassword(page, owner.email, owner.password);
  await expect(page).toHaveURL(home);
});
