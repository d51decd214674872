import type { Runtime } from "./core/runtime.js";
import { createSeedContext } from "./core/seed-context.js";
import { addDirectory, addPrincipal, addSubscription, assignRole } from "./core/directory.js";

/** Fixed ids of the demo seed. Secrets are not here: they are generated per state and served by GET /_emulator/seed-info. */
export const PROVIDER_TENANT_ID = "7f3c1a52-8d4e-4b6a-9c21-0e5f6a7b8c90";
export const CONTOSO_TENANT_ID = "c0a1b2c3-d4e5-4f60-8172-93a4b5c6d7e8";
export const ACME_TENANT_ID = "a5c3e7f1-2b4d-4c6e-8f10-1a2b3c4d5e6f";

export const PROVIDER_SUBSCRIPTION_ID = "11111111-2222-4333-8444-555555555555";
export const CONTOSO_SUBSCRIPTION_ID = "22222222-3333-4444-8555-666666666666";
export const ACME_SUBSCRIPTION_ID = "33333333-4444-4555-8666-777777777777";
/** In the provider directory; Microsoft.Compute is NotRegistered there. */
export const UNREGISTERED_SUBSCRIPTION_ID = "44444444-5555-4666-8777-888888888888";

export const PROVIDER_APP_ID = "0b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
export const CONTOSO_APP_ID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
export const ACME_APP_ID = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";
/** In the provider directory, with no role assignment at all. */
export const NO_ROLE_APP_ID = "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b";

export const SEED = {
  tenants: { provider: PROVIDER_TENANT_ID, contoso: CONTOSO_TENANT_ID, acme: ACME_TENANT_ID },
  subscriptions: {
    provider: PROVIDER_SUBSCRIPTION_ID,
    contoso: CONTOSO_SUBSCRIPTION_ID,
    acme: ACME_SUBSCRIPTION_ID,
    unregistered: UNREGISTERED_SUBSCRIPTION_ID,
  },
  apps: { provider: PROVIDER_APP_ID, contoso: CONTOSO_APP_ID, acme: ACME_APP_ID, noRole: NO_ROLE_APP_ID },
} as const;

const objectIdOf = (appId: string) => `${appId.slice(0, 8)}-0000-4000-8000-${appId.slice(-12)}`;

/** Creates the demo directories, principals and subscriptions (skipping what exists), then each plugin's seed. */
export function applyDemoSeed(rt: Runtime): void {
  const store = rt.store;
  const s = store.state;
  const directories: [string, string, string][] = [
    [PROVIDER_TENANT_ID, "Provider", "provider.onmicrosoft.com"],
    [CONTOSO_TENANT_ID, "Contoso", "contoso.onmicrosoft.com"],
    [ACME_TENANT_ID, "AcmeCorp", "acmecorp.onmicrosoft.com"],
  ];
  for (const [tenantId, displayName, domain] of directories) {
    if (!s.directories[tenantId]) addDirectory(store, { tenantId, displayName, domain });
  }
  const subs: [string, string, string, Record<string, "NotRegistered">?][] = [
    [PROVIDER_SUBSCRIPTION_ID, PROVIDER_TENANT_ID, "Provider"],
    [CONTOSO_SUBSCRIPTION_ID, CONTOSO_TENANT_ID, "Contoso"],
    [ACME_SUBSCRIPTION_ID, ACME_TENANT_ID, "AcmeCorp"],
    [
      UNREGISTERED_SUBSCRIPTION_ID,
      PROVIDER_TENANT_ID,
      "Provider (Compute not registered)",
      { "Microsoft.Compute": "NotRegistered" },
    ],
  ];
  for (const [subscriptionId, tenantId, displayName, providers] of subs) {
    if (!s.subscriptions[subscriptionId]) addSubscription(store, { subscriptionId, tenantId, displayName, providers });
  }
  const apps: [string, string, string, string[]][] = [
    [
      PROVIDER_APP_ID,
      PROVIDER_TENANT_ID,
      "provider-automation",
      [PROVIDER_SUBSCRIPTION_ID, UNREGISTERED_SUBSCRIPTION_ID],
    ],
    [CONTOSO_APP_ID, CONTOSO_TENANT_ID, "contoso-csp-automation", [CONTOSO_SUBSCRIPTION_ID]],
    [ACME_APP_ID, ACME_TENANT_ID, "acmecorp-csp-automation", [ACME_SUBSCRIPTION_ID]],
    [NO_ROLE_APP_ID, PROVIDER_TENANT_ID, "provider-no-role", []],
  ];
  for (const [appId, tenantId, displayName, owns] of apps) {
    if (s.principals[appId]) continue;
    const p = addPrincipal(store, { appId, objectId: objectIdOf(appId), tenantId, displayName });
    for (const sub of owns)
      assignRole(store, { principalObjectId: p.objectId, scope: `/subscriptions/${sub}`, role: "Owner" });
  }
  const ctx = createSeedContext(store, rt.clock, {
    tenants: { ...SEED.tenants },
    subscriptions: { ...SEED.subscriptions },
  });
  for (const plugin of rt.plugins) plugin.seed?.(ctx);
}
