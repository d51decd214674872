import { randomBytes } from "node:crypto";
import { Auth, type AuthConfig } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { authorizeAtIssuer, startOidcIssuer } from "@/test/oidc-issuer";
import { db } from "@/lib/db/client";
import { admitSsoUser } from "./admit";
import { ssoProviders } from "./config";

setupTestDatabase();

const portal = "http://localhost:3000";
const callback = `${portal}/api/auth/callback/sso`;
let issuer: Awaited<ReturnType<typeof startOidcIssuer>>;
let config: AuthConfig;

beforeAll(async () => {
  issuer = await startOidcIssuer({ clientId: "portal", clientSecret: "portal-secret", redirectUri: callback });
  Object.assign(process.env, {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PORTAL_SSO_ISSUER: issuer.issuer,
    PORTAL_SSO_CLIENT_ID: "portal",
    PORTAL_SSO_CLIENT_SECRET: "portal-secret",
    PORTAL_SSO_SCOPE: "openid email profile groups",
  });
  // Auth.js core with the portal's OIDC provider and sign-in callback (lib/auth/auth.ts wires the same two into
  // next-auth, whose Next.js entry does not load outside Next).
  config = {
    secret: process.env.AUTH_SECRET,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt" },
    providers: ssoProviders(),
    callbacks: {
      signIn: ({ user, account, profile }) => (account ? admitSsoUser(user, account, profile) : false),
    },
  };
});

afterAll(() => issuer?.stop());

/** A browser signing in with the issuer: CSRF token, sign-in POST, the issuer's login and consent, the callback. */
async function signInWithSso(login: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const send = async (url: string, init: { method?: string; body?: URLSearchParams } = {}) => {
    const headers: Record<string, string> = { cookie: cookie() };
    if (init.body) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await Auth(new Request(url, { method: init.method ?? "GET", body: init.body, headers }), config);
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      if (pair.slice(i + 1)) jar.set(pair.slice(0, i), pair.slice(i + 1));
      else jar.delete(pair.slice(0, i));
    }
    return res;
  };
  const { csrfToken } = (await (await send(`${portal}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await send(`${portal}/api/auth/signin/sso`, {
    method: "POST",
    body: new URLSearchParams({ csrfToken, callbackUrl: `${portal}/admin` }),
  });
  const authorizeUrl = start.headers.get("location")!;
  expect(authorizeUrl.startsWith(issuer.issuer)).toBe(true);
  const back = await authorizeAtIssuer(authorizeUrl, login, callback);
  const done = await send(back);
  return { location: done.headers.get("location"), hasSession: jar.has("authjs.session-token") };
}

describe("OIDC single sign-on for provider staff", () => {
  it("refuses an account whose groups are not mapped, with the reason, and makes no session or user", async () => {
    issuer.setAccount({ sub: "u-1", email: "nomap@idp.test", groups: ["everyone"] });
    const result = await signInWithSso("u-1");
    expect(result.location).toBe(`${portal}/login?error=sso-no-role`);
    expect(result.hasSession).toBe(false);
    expect(await db.user.count({ where: { email: "nomap@idp.test" } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sso" } });
    expect(audit).toMatchObject({ outcome: "failure", actorEmail: "nomap@idp.test" });
  });

  it("signs a mapped account in with the mapped role, keyed by the issuer's subject", async () => {
    await db.ssoRoleMapping.createMany({
      data: [
        { claimValue: "portal-helpdesk", staffRole: "helpdesk" },
        { claimValue: "portal-admins", staffRole: "admin" },
      ],
    });
    issuer.setAccount({ sub: "u-2", email: "Ops@idp.test", name: "Ops", groups: ["portal-helpdesk"] });
    const first = await signInWithSso("u-2");
    expect(first).toEqual({ location: `${portal}/admin`, hasSession: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "ops@idp.test" }, include: { ssoAccounts: true } });
    expect(user.staffRole).toBe("helpdesk");
    expect(user.ssoAccounts).toEqual([expect.objectContaining({ issuer: issuer.issuer, subject: "u-2" })]);

    // The directory moves the account to the admins and renames its email: the same user, now admin.
    issuer.setAccount({ sub: "u-2", email: "ops.renamed@idp.test", groups: ["portal-helpdesk", "portal-admins"] });
    expect((await signInWithSso("u-2")).hasSession).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ staffRole: "admin" });
    expect(await db.user.count({ where: { email: "ops.renamed@idp.test" } })).toBe(0);
  });

  it("refuses a tenant member's email: single sign-on is for provider staff", async () => {
    const tenant = await db.tenant.create({ data: { slug: "sso-t", name: "SSO T" } });
    const member = await db.user.create({ data: { email: "member@idp.test", name: "M", passwordHash: "x" } });
    await db.membership.create({ data: { userId: member.id, tenantId: tenant.id, role: "owner" } });
    issuer.setAccount({ sub: "u-3", email: "member@idp.test", groups: ["portal-admins"] });
    const result = await signInWithSso("u-3");
    expect(result).toEqual({ location: `${portal}/login?error=sso-not-staff`, hasSession: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ staffRole: null });
  });
});
