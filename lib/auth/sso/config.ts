import type { OIDCConfig } from "next-auth/providers";

export const ssoProviderId = "sso";

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim holding the user's groups or roles (Entra ID: "groups" or "roles"). */
  roleClaim: string;
  scope: string;
  /** Shown on the login button: "Sign in with <name>". */
  name: string;
};

/** Single sign-on for provider staff is on when the issuer, client id and secret are set (PORTAL_SSO_*). */
export function ssoConfig(env: Record<string, string | undefined> = process.env): SsoConfig | null {
  const issuer = env.PORTAL_SSO_ISSUER;
  const clientId = env.PORTAL_SSO_CLIENT_ID;
  const clientSecret = env.PORTAL_SSO_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    roleClaim: env.PORTAL_SSO_ROLE_CLAIM || "groups",
    scope: env.PORTAL_SSO_SCOPE || "openid email profile",
    name: env.PORTAL_SSO_NAME || "single sign-on",
  };
}

/**
 * The Auth.js OIDC provider, or none. `idToken: false` makes Auth.js read the userinfo endpoint, where issuers put
 * email and group claims that an ID token may leave out.
 */
export function ssoProviders(config = ssoConfig()): OIDCConfig<Record<string, unknown>>[] {
  if (!config) return [];
  return [
    {
      id: ssoProviderId,
      name: config.name,
      type: "oidc",
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      checks: ["pkce", "state", "nonce"],
      idToken: false,
      authorization: { params: { scope: config.scope } },
      profile: (profile) => ({ id: String(profile.sub), email: profile.email as string | undefined }),
    },
  ];
}
