import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startOidcIssuer } from "../../test/oidc-issuer";
import { e2eStack } from "../support/stack";

// Auth.js builds the redirect URI from the sign-in request's Host and, at the callback, from the URL Next gives the
// route handler (localhost for a server bound to 127.0.0.1): reach the portal as localhost so both agree (production
// sets AUTH_URL to the public URL, see the README).
const base = e2eStack.baseUrl.replace("127.0.0.1", "localhost");
let issuer: Awaited<ReturnType<typeof startOidcIssuer>>;
const pool = new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 });

test.beforeAll(async () => {
  issuer = await startOidcIssuer(
    {
      clientId: e2eStack.env.PORTAL_SSO_CLIENT_ID,
      clientSecret: e2eStack.env.PORTAL_SSO_CLIENT_SECRET,
      redirectUri: `${base}/api/auth/callback/sso`,
    },
    e2eStack.ssoPort,
  );
});

test.afterAll(async () => {
  await issuer?.stop();
  await pool.end();
});

/** Through the issuer's own login and consent pages, as the staff member would. */
async function signInAtIssuer(page: import("@playwright/test").Page, sub: string) {
  await page.goto(`${base}/login`);
  await page.getByRole("button", { name: "Provider staff: continue with Test IdP" }).click();
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click(); // the issuer's consent page
}

test("provider staff sign in through the OIDC issuer with the role their group is mapped to", async ({ page }) => {
  const group = `portal-admins-${randomBytes(3).toString("hex")}`;
  await pool.query(
    `insert into "SsoRoleMapping" (id, "claimValue", "staffRole") values ($1, $2, 'admin') on conflict do nothing`,
    [`e2e${randomBytes(8).toString("hex")}`, group],
  );
  const sub = `staff-${randomBytes(3).toString("hex")}`;
  issuer.setAccount({ sub, email: `${sub}@idp.example`, name: "Staff", groups: [group] });
  await signInAtIssuer(page, sub);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Provider dashboard" })).toBeVisible();
});

test("an account whose groups are not mapped is refused with the reason", async ({ page }) => {
  const sub = `nobody-${randomBytes(3).toString("hex")}`;
  issuer.setAccount({ sub, email: `${sub}@idp.example`, groups: ["everyone"] });
  await signInAtIssuer(page, sub);
  await expect(page).toHaveURL(/\/login\?error=sso-no-role/);
  await expect(page.getByText("none of its groups or roles is mapped to a portal role")).toBeVisible();
});
