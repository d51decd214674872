import type { RequestContext } from "../../core/plugin.js";
import { collectUsage, TYPES } from "./back-references.js";
import { asArray, assertName, type Json, newResourceGuid, refOf, requireLocation } from "./common.js";
import { duplicateResourceName, invalidValue } from "./errors.js";
import {
  invalidProperty,
  modeChangeNotAllowed,
  noFrontendButChildren,
  outboundRulesShareFrontendAndProtocol,
  ruleMustDisableSnat,
  sameBackendPortProtocolAndPool,
  sameFrontendPortProtocolAndIp,
  tooManyFrontends,
  tooManyRules,
} from "./lb-errors.js";
import { buildFrontend, type LbDraft } from "./lb-frontends.js";
import {
  buildNatPool,
  buildNatRule,
  buildOutboundRule,
  buildPool,
  buildProbe,
  buildRule,
  type SiblingNames,
} from "./lb-rules.js";

const COLLECTIONS = [
  "frontendIPConfigurations",
  "backendAddressPools",
  "loadBalancingRules",
  "probes",
  "inboundNatRules",
  "inboundNatPools",
  "outboundRules",
] as const;
const MAX_FRONTENDS = 600;
/** The api-version that adds a load balancer's `mode` and a frontend's `enableConnectionTracking` (Network spec). */
export const LB_MODE_API_VERSION = "2026-03-01";
const MAX_RULES = 1500;

/** Names are validated and unique per collection; returns lowercased name → name. */
function namesOf(lbId: string, items: Json[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of items) {
    const name = assertName(item.name);
    if (names.has(name.toLowerCase())) throw duplicateResourceName(lbId, name);
    names.set(name.toLowerCase(), name);
  }
  return names;
}

const overlapProtocols = (a: string, b: string) => a === b || a === "All" || b === "All";
const refsTo = (items: Json[], pick: (p: Json) => unknown[], target: string) =>
  items
    .filter((i) => pick(i.properties).some((r) => refOf(r)?.toLowerCase() === target.toLowerCase()))
    .map((i) => ({ id: i.id }));

/** The frontend ports a rule takes: its one port, or a NAT rule's range. */
const portsOf = (p: Json): [number, number] =>
  p.frontendPortRangeStart !== undefined
    ? [p.frontendPortRangeStart, p.frontendPortRangeEnd]
    : [p.frontendPort, p.frontendPort];

function checkConflicts(rules: Json[], natRules: Json[]): void {
  const fronted = [...rules, ...natRules];
  fronted.forEach((a, i) =>
    fronted.slice(i + 1).forEach((b) => {
      const pa = a.properties,
        pb = b.properties;
      const [aFrom, aTo] = portsOf(pa);
      const [bFrom, bTo] = portsOf(pb);
      if (
        refOf(pa.frontendIPConfiguration)?.toLowerCase() === refOf(pb.frontendIPConfiguration)?.toLowerCase() &&
        overlapProtocols(pa.protocol, pb.protocol) &&
        aFrom <= bTo &&
        bFrom <= aTo
      ) {
        throw sameFrontendPortProtocolAndIp(
          a.id,
          b.id,
          pa.protocol,
          Math.max(aFrom, bFrom),
          refOf(pa.frontendIPConfiguration)!,
        );
      }
    }),
  );
  rules.forEach((a, i) =>
    rules.slice(i + 1).forEach((b) => {
      const pa = a.properties,
        pb = b.properties;
      if (
        pa.enableFloatingIP ||
        pb.enableFloatingIP ||
        pa.protocol !== pb.protocol ||
        pa.backendPort !== pb.backendPort
      )
        return;
      const shared = asArray(pa.backendAddressPools)
        .map(refOf)
        .find((x) => asArray(pb.backendAddressPools).some((y) => refOf(y)?.toLowerCase() === x?.toLowerCase()));
      if (shared) throw sameBackendPortProtocolAndPool(a.id, b.id, pa.protocol, pa.backendPort, shared);
    }),
  );
}

/**
 * Two outbound rules may not share a frontend and protocol (All overlaps both), and a load-balancing rule on a
 * frontend an outbound rule uses must disable outbound SNAT (AZURE-FACTS §6).
 */
function checkOutboundConflicts(rules: Json[], outboundRules: Json[]): void {
  const frontendsOf = (r: Json) => asArray(r.properties.frontendIPConfigurations).map((f) => refOf(f)!.toLowerCase());
  outboundRules.forEach((a, i) =>
    outboundRules.slice(i + 1).forEach((b) => {
      if (!overlapProtocols(a.properties.protocol, b.properties.protocol)) return;
      const shared = frontendsOf(a).find((f) => frontendsOf(b).includes(f));
      if (shared) throw outboundRulesShareFrontendAndProtocol(a.id, b.id, shared, a.properties.protocol);
    }),
  );
  const outboundFrontends = new Set(outboundRules.flatMap(frontendsOf));
  for (const r of rules) {
    const frontend = refOf(r.properties.frontendIPConfiguration)!;
    if (!r.properties.disableOutboundSnat && outboundFrontends.has(frontend.toLowerCase()))
      throw ruleMustDisableSnat(r.id, frontend);
  }
}

/**
 * Validates a whole load balancer as Azure does and returns the body to store, or throws before anything is
 * written (so a refused PUT leaves the load balancer as it was).
 */
export function buildLoadBalancer(
  ctx: RequestContext,
  opts: { id: string; name: string; input: Json; existing?: Json; etag: string },
): Json {
  const { id, input, existing, etag } = opts;
  const location = existing ? String(existing.location) : requireLocation(input.location);
  const sku = String(input.sku?.name ?? existing?.sku?.name ?? "Basic");
  if (sku !== "Basic" && sku !== "Standard" && sku !== "Gateway")
    throw invalidValue(
      "InvalidRequestFormat",
      `Load balancer SKU '${sku}' is not valid. Allowed values are Basic, Standard, Gateway.`,
    );
  const p = (input.properties ?? {}) as Json;
  // `mode` exists from 2026-03-01 (older versions do not read it) and is fixed at create.
  const knowsMode = ctx.apiVersion >= LB_MODE_API_VERSION;
  const mode = existing ? existing.properties?.mode : knowsMode ? p.mode : undefined;
  if (existing && knowsMode && p.mode !== undefined && p.mode !== existing.properties?.mode)
    throw modeChangeNotAllowed();
  // `scope` (Public | Private, SPECS NET LoadBalancerPropertiesFormat) is kept as sent, or as it was.
  const scope = p.scope ?? existing?.properties?.scope;
  if (scope !== undefined && scope !== null && scope !== "Public" && scope !== "Private")
    throw invalidProperty(id, "scope", scope, "Allowed values are Public, Private.");
  const items = Object.fromEntries(COLLECTIONS.map((c) => [c, asArray(p[c])])) as Record<
    (typeof COLLECTIONS)[number],
    Json[]
  >;
  const names = Object.fromEntries(COLLECTIONS.map((c) => [c, namesOf(id, items[c])])) as Record<
    (typeof COLLECTIONS)[number],
    Map<string, string>
  >;
  if (items.frontendIPConfigurations.length > MAX_FRONTENDS)
    throw tooManyFrontends(id, items.frontendIPConfigurations.length);
  const ruleCount = items.loadBalancingRules.length + items.inboundNatRules.length;
  if (ruleCount > MAX_RULES) throw tooManyRules(id, ruleCount);
  if (
    !items.frontendIPConfigurations.length &&
    COLLECTIONS.some((c) => c !== "frontendIPConfigurations" && items[c].length)
  )
    throw noFrontendButChildren(id);

  const draft: LbDraft = {
    ctx,
    id,
    location,
    sku,
    etag,
    previous: existing,
    usage: collectUsage(ctx.store, ctx.params.subscriptionId),
  };
  const childId = (c: string, n: unknown) => `${id}/${c}/${String(n)}`;
  const claimed = new Map<string, string>();
  const used = new Map<string, Set<string>>();
  const frontends = items.frontendIPConfigurations.map((f) =>
    buildFrontend(draft, f, childId("frontendIPConfigurations", f.name), claimed, used),
  );
  const pools = items.backendAddressPools.map((b) => buildPool(draft, b, childId("backendAddressPools", b.name)));
  const probes = items.probes.map((pr) => buildProbe(draft, pr, childId("probes", pr.name)));
  const siblings: SiblingNames = {
    frontends: names.frontendIPConfigurations,
    pools: names.backendAddressPools,
    probes: names.probes,
  };
  const rules = items.loadBalancingRules.map((r) =>
    buildRule(draft, r, childId("loadBalancingRules", r.name), siblings),
  );
  const natRules = items.inboundNatRules.map((r) =>
    buildNatRule(draft, r, childId("inboundNatRules", r.name), siblings),
  );
  checkConflicts(rules, natRules);
  const natPools = items.inboundNatPools.map((r) =>
    buildNatPool(draft, r, childId("inboundNatPools", r.name), siblings),
  );
  const outboundRules = items.outboundRules.map((r) =>
    buildOutboundRule(draft, r, childId("outboundRules", r.name), siblings),
  );
  checkOutboundConflicts(rules, outboundRules);

  // Read-only back-references inside the load balancer: who uses each frontend, pool and probe.
  for (const f of frontends) {
    const byRules = refsTo(rules, (x) => [x.frontendIPConfiguration], f.id);
    const byNat = refsTo(natRules, (x) => [x.frontendIPConfiguration], f.id);
    if (byRules.length) f.properties.loadBalancingRules = byRules;
    if (byNat.length) f.properties.inboundNatRules = byNat;
    const byNatPools = refsTo(natPools, (x) => [x.frontendIPConfiguration], f.id);
    if (byNatPools.length) f.properties.inboundNatPools = byNatPools;
    const byOutbound = refsTo(outboundRules, (x) => asArray(x.frontendIPConfigurations), f.id);
    if (byOutbound.length) f.properties.outboundRules = byOutbound;
  }
  for (const pool of pools) {
    const byRules = refsTo(rules, (x) => asArray(x.backendAddressPools), pool.id);
    if (byRules.length) Object.assign(pool.properties, { loadBalancingRules: byRules });
    const byNat = refsTo(natRules, (x) => [x.backendAddressPool], pool.id);
    if (byNat.length) Object.assign(pool.properties, { inboundNatRules: byNat });
    const byOutbound = refsTo(outboundRules, (x) => [x.backendAddressPool], pool.id);
    if (byOutbound.length) Object.assign(pool.properties, { outboundRules: byOutbound });
  }
  for (const probe of probes) {
    const byRules = refsTo(rules, (x) => [x.probe], probe.id);
    if (byRules.length) probe.properties.loadBalancingRules = byRules;
  }
  return {
    id,
    name: opts.name,
    type: TYPES.lb,
    location,
    tags: input.tags ?? existing?.tags ?? {},
    etag,
    sku: { name: sku, tier: String(input.sku?.tier ?? existing?.sku?.tier ?? "Regional") },
    properties: {
      provisioningState: "Updating",
      ...(scope !== undefined && scope !== null ? { scope } : {}),
      resourceGuid: existing?.properties?.resourceGuid ?? newResourceGuid(),
      frontendIPConfigurations: frontends,
      backendAddressPools: pools,
      loadBalancingRules: rules,
      probes,
      inboundNatRules: natRules,
      inboundNatPools: natPools,
      outboundRules,
      ...(mode !== undefined ? { mode } : {}),
    },
  };
}
