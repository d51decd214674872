import { type Json, refOf } from "./json.js";
import { invalidResourceReference } from "./errors.js";
import {
  invalidProperty,
  probeRequestPathNotAllowed,
  probeRequestPathRequired,
  ruleWithoutFrontend,
} from "./lb-errors.js";
import { childType, type LbDraft } from "./lb-frontends.js";

/** Probes, load-balancing rules and inbound NAT rules (SPECS NET loadBalancer.json ranges; AZURE-FACTS §6). */
function intIn(value: unknown, min: number, max: number, id: string, property: string, fallback?: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max)
    throw invalidProperty(id, property, v, `Allowed range is ${min}-${max}.`);
  return v as number;
}

function oneOf(value: unknown, allowed: string[], id: string, property: string, fallback?: string): string {
  const v = value ?? fallback;
  if (typeof v !== "string" || !allowed.includes(v))
    throw invalidProperty(id, property, v, `Allowed values are ${allowed.join(", ")}.`);
  return v;
}

/** Resolves a reference to a sibling child of the load balancer being written (by its new contents). */
export function resolveRef(
  d: LbDraft,
  ref: unknown,
  collection: string,
  names: Map<string, string>,
  referrer: string,
): string | undefined {
  const id = refOf(ref);
  if (!id) return undefined;
  const prefix = `${d.id}/${collection}/`.toLowerCase();
  const actual = id.toLowerCase().startsWith(prefix) ? names.get(id.slice(prefix.length).toLowerCase()) : undefined;
  if (!actual) throw invalidResourceReference(id, referrer);
  return `${d.id}/${collection}/${actual}`;
}

export function buildProbe(d: LbDraft, input: Json, id: string): Json {
  const p = (input.properties ?? {}) as Json;
  const protocol = oneOf(p.protocol, ["Http", "Https", "Tcp"], id, "protocol");
  const port = intIn(p.port, 1, 65535, id, "port");
  const intervalInSeconds = intIn(p.intervalInSeconds, 5, 2147483647, id, "intervalInSeconds", 15);
  const numberOfProbes = intIn(p.numberOfProbes, 1, 2147483647, id, "numberOfProbes", 2);
  const probeThreshold = intIn(p.probeThreshold, 1, 2147483647, id, "probeThreshold", 1);
  if (protocol === "Tcp" && p.requestPath !== undefined && p.requestPath !== null) throw probeRequestPathNotAllowed(id);
  if (protocol !== "Tcp" && (typeof p.requestPath !== "string" || !p.requestPath))
    throw probeRequestPathRequired(id, protocol);
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("probes"),
    properties: {
      provisioningState: "Updating",
      protocol,
      port,
      intervalInSeconds,
      numberOfProbes,
      probeThreshold,
      ...(protocol !== "Tcp" ? { requestPath: p.requestPath } : {}),
      noHealthyBackendsBehavior: oneOf(
        p.noHealthyBackendsBehavior,
        ["AllProbedDown", "AllProbedUp"],
        id,
        "noHealthyBackendsBehavior",
        "AllProbedDown",
      ),
    },
  };
}

export interface SiblingNames {
  /** Lowercased name → name, per collection, of the load balancer being written. */
  frontends: Map<string, string>;
  pools: Map<string, string>;
  probes: Map<string, string>;
}

export function buildRule(d: LbDraft, input: Json, id: string, names: SiblingNames): Json {
  const p = (input.properties ?? {}) as Json;
  const frontend = resolveRef(d, p.frontendIPConfiguration, "frontendIPConfigurations", names.frontends, id);
  if (!frontend) throw ruleWithoutFrontend(id);
  const protocol = oneOf(p.protocol, ["Tcp", "Udp", "All"], id, "protocol");
  const frontendPort = intIn(p.frontendPort, 0, 65534, id, "frontendPort");
  const backendPort = intIn(p.backendPort, 0, 65535, id, "backendPort", frontendPort);
  const pool = resolveRef(d, p.backendAddressPool, "backendAddressPools", names.pools, id);
  const pools = [
    ...new Set([
      ...(pool ? [pool] : []),
      ...((p.backendAddressPools ?? []) as Json[]).map((r) =>
        resolveRef(d, r, "backendAddressPools", names.pools, id)!,
      ),
    ]),
  ];
  const probe = resolveRef(d, p.probe, "probes", names.probes, id);
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("loadBalancingRules"),
    properties: {
      provisioningState: "Updating",
      frontendIPConfiguration: { id: frontend },
      ...(pools.length
        ? { backendAddressPool: { id: pools[0] }, backendAddressPools: pools.map((x) => ({ id: x })) }
        : {}),
      ...(probe ? { probe: { id: probe } } : {}),
      protocol,
      loadDistribution: oneOf(
        p.loadDistribution,
        ["Default", "SourceIP", "SourceIPProtocol"],
        id,
        "loadDistribution",
        "Default",
      ),
      frontendPort,
      backendPort,
      idleTimeoutInMinutes: intIn(p.idleTimeoutInMinutes, 4, 30, id, "idleTimeoutInMinutes", 4),
      enableFloatingIP: Boolean(p.enableFloatingIP ?? false),
      enableTcpReset: Boolean(p.enableTcpReset ?? false),
      disableOutboundSnat: Boolean(p.disableOutboundSnat ?? false),
      // UDP flow tracking per rule (SPECS NET, both vendored versions), kept when sent; a frontend's setting
      // (2026-03-01) takes precedence but does not change what the rule says.
      ...(p.enableConnectionTracking !== undefined && p.enableConnectionTracking !== null
        ? { enableConnectionTracking: Boolean(p.enableConnectionTracking) }
        : {}),
    },
  };
}

/**
 * An inbound NAT rule: one frontend port to one backend IP configuration, or (the newer form) a frontend port range
 * mapped onto a backend pool, one port per member (`frontendPortRangeStart`/`End` 1–65534 / 1–65535 and
 * `backendAddressPool`; Azure answers `frontendPort: 0` for it, as its LoadBalancerGetInboundNatRulePortMapping example).
 */
export function buildNatRule(d: LbDraft, input: Json, id: string, names: SiblingNames): Json {
  const p = (input.properties ?? {}) as Json;
  const frontend = resolveRef(d, p.frontendIPConfiguration, "frontendIPConfigurations", names.frontends, id);
  if (!frontend) throw ruleWithoutFrontend(id);
  const protocol = oneOf(p.protocol, ["Tcp", "Udp", "All"], id, "protocol");
  const ranged = p.frontendPortRangeStart !== undefined || p.frontendPortRangeEnd !== undefined;
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("inboundNatRules"),
    properties: {
      provisioningState: "Updating",
      frontendIPConfiguration: { id: frontend },
      protocol,
      ...(ranged ? natPortRange(d, p, id, names) : natSinglePort(p, id)),
      idleTimeoutInMinutes: intIn(p.idleTimeoutInMinutes, 4, 30, id, "idleTimeoutInMinutes", 4),
      enableFloatingIP: Boolean(p.enableFloatingIP ?? false),
      enableTcpReset: Boolean(p.enableTcpReset ?? false),
    },
  };
}

/** A NAT rule's or NAT pool's frontend port range: start 1–65534, end 1–65535 and not below the start. */
function frontendPortRange(p: Json, id: string): { start: number; end: number } {
  const start = intIn(p.frontendPortRangeStart, 1, 65534, id, "frontendPortRangeStart");
  const end = intIn(p.frontendPortRangeEnd, 1, 65535, id, "frontendPortRangeEnd");
  if (end < start)
    throw invalidProperty(
      id,
      "frontendPortRangeEnd",
      end,
      `It must not be less than frontendPortRangeStart (${start}).`,
    );
  return { start, end };
}

/** The newer form's ports: a frontend range onto a backend pool (Azure answers `frontendPort: 0`). */
function natPortRange(d: LbDraft, p: Json, id: string, names: SiblingNames): Json {
  const { start, end } = frontendPortRange(p, id);
  const pool = resolveRef(d, p.backendAddressPool, "backendAddressPools", names.pools, id);
  if (!pool)
    throw invalidProperty(
      id,
      "backendAddressPool",
      "",
      "A rule with a frontend port range needs a backend address pool.",
    );
  return {
    frontendPort: 0,
    frontendPortRangeStart: start,
    frontendPortRangeEnd: end,
    backendAddressPool: { id: pool },
    backendPort: intIn(p.backendPort, 1, 65535, id, "backendPort"),
  };
}

/** One frontend port to one backend IP configuration; the backend port defaults to the frontend's. */
function natSinglePort(p: Json, id: string): Json {
  const frontendPort = intIn(p.frontendPort, 1, 65534, id, "frontendPort");
  return { frontendPort, backendPort: intIn(p.backendPort, 1, 65535, id, "backendPort", frontendPort) };
}

/**
 * An outbound rule (SPECS NET loadBalancer.json OutboundRulePropertiesFormat: frontendIPConfigurations,
 * backendAddressPool and protocol required). Idle timeout 4–120 minutes, default 4 (LEARN load-balancer/outbound-rules);
 * allocatedOutboundPorts 1024 when not sent, as Azure's LoadBalancerCreateWithOutboundRules example answers.
 */
export function buildOutboundRule(d: LbDraft, input: Json, id: string, names: SiblingNames): Json {
  const p = (input.properties ?? {}) as Json;
  const frontends = [
    ...new Set(
      ((p.frontendIPConfigurations ?? []) as Json[]).map((r) =>
        resolveRef(d, r, "frontendIPConfigurations", names.frontends, id)!,
      ),
    ),
  ];
  if (!frontends.length)
    throw invalidProperty(id, "frontendIPConfigurations", "[]", "At least one frontend IP configuration is required.");
  const pool = resolveRef(d, p.backendAddressPool, "backendAddressPools", names.pools, id);
  if (!pool) throw invalidProperty(id, "backendAddressPool", "", "A backend address pool is required.");
  const protocol = oneOf(p.protocol, ["Tcp", "Udp", "All"], id, "protocol");
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("outboundRules"),
    properties: {
      provisioningState: "Updating",
      frontendIPConfigurations: frontends.map((f) => ({ id: f })),
      backendAddressPool: { id: pool },
      protocol,
      allocatedOutboundPorts: intIn(p.allocatedOutboundPorts, 0, 64000, id, "allocatedOutboundPorts", 1024),
      idleTimeoutInMinutes: intIn(p.idleTimeoutInMinutes, 4, 120, id, "idleTimeoutInMinutes", 4),
      enableTcpReset: Boolean(p.enableTcpReset ?? false),
    },
  };
}

/**
 * A backend pool as sent: its addresses, and what Gateway and IP-based pools carry (tunnel interfaces, the virtual
 * network, sync mode, drain period; SPECS NET BackendAddressPoolPropertiesFormat). Members and users are added later.
 */
export function buildPool(d: LbDraft, input: Json, id: string): Json {
  const p = (input.properties ?? {}) as Json;
  const kept = ["tunnelInterfaces", "virtualNetwork", "syncMode", "drainPeriodInSeconds"].filter(
    (k) => p[k] !== undefined && p[k] !== null,
  );
  if (p.syncMode !== undefined && p.syncMode !== null) oneOf(p.syncMode, ["Automatic", "Manual"], id, "syncMode");
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("backendAddressPools"),
    properties: {
      provisioningState: "Updating",
      loadBalancerBackendAddresses: (p.loadBalancerBackendAddresses ?? []) as Json[],
      ...Object.fromEntries(kept.map((k) => [k, p[k]])),
    },
  };
}

/**
 * An inbound NAT pool (SPECS NET InboundNatPoolPropertiesFormat: protocol, frontend port range 1–65534 / 1–65535,
 * backend port 1–65535 required; idle 4–30, default 4). A range ending before it starts is refused (code (unconfirmed)).
 */
export function buildNatPool(d: LbDraft, input: Json, id: string, names: SiblingNames): Json {
  const p = (input.properties ?? {}) as Json;
  const frontend = resolveRef(d, p.frontendIPConfiguration, "frontendIPConfigurations", names.frontends, id);
  if (!frontend) throw ruleWithoutFrontend(id);
  const protocol = oneOf(p.protocol, ["Tcp", "Udp", "All"], id, "protocol");
  const { start, end } = frontendPortRange(p, id);
  return {
    name: input.name,
    id,
    etag: d.etag,
    type: childType("inboundNatPools"),
    properties: {
      provisioningState: "Updating",
      frontendIPConfiguration: { id: frontend },
      protocol,
      frontendPortRangeStart: start,
      frontendPortRangeEnd: end,
      backendPort: intIn(p.backendPort, 1, 65535, id, "backendPort"),
      idleTimeoutInMinutes: intIn(p.idleTimeoutInMinutes, 4, 30, id, "idleTimeoutInMinutes", 4),
      enableFloatingIP: Boolean(p.enableFloatingIP ?? false),
      enableTcpReset: Boolean(p.enableTcpReset ?? false),
    },
  };
}
