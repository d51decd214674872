import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.E2E_PORT ?? 3210);
const pgPort = Number(process.env.E2E_PGPORT ?? 54339);
const ssoPort = Number(process.env.E2E_SSO_PORT ?? port + 1000);

/** The isolated stack Playwright starts: its own data directory, ports and a fast emulator clock. */
export const e2eStack = {
  baseUrl: `http://127.0.0.1:${port}`,
  ssoPort,
  databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/portal`,
  env: {
    PORT: String(port),
    PGPORT: String(pgPort),
    PORTAL_DATA_DIR: path.join(root, `.data/e2e-${port}`),
    EMULATOR_PORT: String(Number(process.env.E2E_EMULATOR_PORT ?? 8444)),
    EMU_TIME_SCALE: "0.02",
    // Every emulator reply is checked against the vendored spec of its api-version; one outside it answers 500 (issue 17).
    EMU_VALIDATE_RESPONSES: "1",
    PORTAL_DEMO: "1",
    // Production's hourly usage rollup (the demo's is 5 minutes): no rollup operation appears beside the tests' own.
    USAGE_ROLLUP_MINUTES: "60",
    // Single sign-on against the OIDC issuer e2e/auth/sso.spec.ts starts (nothing listens there otherwise).
    PORTAL_SSO_ISSUER: `http://127.0.0.1:${ssoPort}`,
    PORTAL_SSO_CLIENT_ID: "portal-e2e",
    PORTAL_SSO_CLIENT_SECRET: "portal-e2e-secret",
    PORTAL_SSO_SCOPE: "openid email profile groups",
    PORTAL_SSO_NAME: "Test IdP",
    NEXT_TELEMETRY_DISABLED: "1",
  } as Record<string, string>,
};
