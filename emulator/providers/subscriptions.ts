import { defineProvider, type RequestContext } from "../core/plugin.js";
import { ArmError } from "../core/errors.js";
import { visibleSubscriptions, KNOWN_NAMESPACES } from "../core/directory.js";
import { registrationState } from "../core/registration.js";
import { REGIONS, locationBody } from "../core/locations.js";
import { providerCatalog } from "../core/catalog.js";
import type { Subscription } from "../core/state.js";
import { apiVersionsFor } from "../specs/api-versions.js";

/** Microsoft.Resources: subscriptions, locations and resource provider registration. */
export const SUBSCRIPTION_API_VERSIONS = apiVersionsFor("subscriptions");
export const RESOURCES_API_VERSIONS = apiVersionsFor("resources");
/** Modelled time a provider (un)registration takes. */
const REGISTRATION_SECONDS = 30;

function subscriptionBody(s: Subscription) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: "Public_2014-09-01", quotaId: "CSP_2015-05-01", spendingLimit: "Off" },
  };
}

function providerBody(ctx: RequestContext, namespace: string) {
  const sub = ctx.subscription!;
  return {
    id: `/subscriptions/${sub.subscriptionId}/providers/${namespace}`,
    namespace,
    registrationState: registrationState(sub, namespace, ctx.clock.now()),
    registrationPolicy: "RegistrationRequired",
    resourceTypes: providerCatalog.get(namespace.toLowerCase())?.resourceTypes ?? [],
  };
}

function allNamespaces(sub: Subscription): string[] {
  const names = new Map<string, string>();
  const catalog = [...providerCatalog.values()].map((c) => c.namespace);
  for (const n of [...KNOWN_NAMESPACES, ...catalog, ...Object.keys(sub.providers)]) names.set(n.toLowerCase(), n);
  return [...names.values()];
}

function canonicalNamespace(sub: Subscription, ns: string): string {
  const found = allNamespaces(sub).find((n) => n.toLowerCase() === ns.toLowerCase());
  if (!found) {
    throw new ArmError(404, "InvalidResourceNamespace", `The resource namespace '${ns}' is invalid.`);
  }
  return found;
}

function setRegistration(ctx: RequestContext, register: boolean) {
  const sub = ctx.subscription!;
  const ns = canonicalNamespace(sub, ctx.params.resourceProviderNamespace);
  const current = registrationState(sub, ns, ctx.clock.now());
  const target = register ? "Registered" : "NotRegistered";
  // Azure answers a repeated POST while the change is under way with the same state and keeps its schedule: restarting
  // the settle time on every POST kept a client that re-POSTed every 3 s Registering forever (issue 12).
  const underWay = register ? "Registering" : "Unregistering";
  if (current !== target && current !== underWay) {
    sub.providers[ns] = {
      state: register ? "Registering" : "Unregistering",
      settlesAtMs: ctx.clock.now() + ctx.clock.scaledMs(REGISTRATION_SECONDS),
    };
    ctx.store.markDirty();
  }
  return { status: 200, body: providerBody(ctx, ns) };
}

const base = { apiVersions: RESOURCES_API_VERSIONS, requiresRegistration: false } as const;

export default defineProvider({
  name: "subscriptions",
  routes: [
    {
      method: "GET",
      path: "/subscriptions",
      apiVersions: SUBSCRIPTION_API_VERSIONS,
      operation: "read",
      resourceType: "Microsoft.Resources/subscriptions",
      handler: (ctx) => ({
        status: 200,
        body: ctx.page(visibleSubscriptions(ctx.store, ctx.principal.objectId).map(subscriptionBody)),
      }),
    },
    {
      method: "GET",
      path: "/subscriptions/{subscriptionId}",
      apiVersions: SUBSCRIPTION_API_VERSIONS,
      operation: "read",
      resourceType: "Microsoft.Resources/subscriptions",
      handler: (ctx) => ({ status: 200, body: subscriptionBody(ctx.subscription!) }),
    },
    {
      method: "GET",
      path: "/subscriptions/{subscriptionId}/locations",
      apiVersions: SUBSCRIPTION_API_VERSIONS,
      operation: "read",
      resourceType: "Microsoft.Resources/subscriptions/locations",
      handler: (ctx) => ({
        status: 200,
        body: { value: REGIONS.map((r) => locationBody(ctx.subscription!.subscriptionId, r)) },
      }),
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/providers",
      operation: "read",
      resourceType: "Microsoft.Resources/subscriptions/providers",
      handler: (ctx) => ({
        status: 200,
        body: ctx.page(allNamespaces(ctx.subscription!).map((ns) => providerBody(ctx, ns))),
      }),
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}",
      operation: "read",
      resourceType: "Microsoft.Resources/subscriptions/providers",
      handler: (ctx) => ({
        status: 200,
        body: providerBody(ctx, canonicalNamespace(ctx.subscription!, ctx.params.resourceProviderNamespace)),
      }),
    },
    {
      ...base,
      method: "POST",
      path: "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register",
      operation: "action",
      action: "Microsoft.Resources/subscriptions/providers/register/action",
      handler: (ctx) => setRegistration(ctx, true),
    },
    {
      ...base,
      method: "POST",
      path: "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/unregister",
      operation: "action",
      action: "Microsoft.Resources/subscriptions/providers/unregister/action",
      handler: (ctx) => setRegistration(ctx, false),
    },
  ],
});
