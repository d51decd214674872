import type { LoadBalancerProbe, LoadBalancerRule, LoadBalancerSpec } from "@/lib/azure";
import type { FieldErrors } from "@/lib/errors";

/**
 * Pure checks of a load balancer change against the model it applies to, mirroring what Azure refuses (AZURE-FACTS §6),
 * so the service can answer beside the field before any ARM call and the job can re-check against a fresh read.
 */
export type LbModel = Pick<LoadBalancerSpec, "sku" | "probes" | "rules"> & {
  frontends: { name: string; publicIpId?: string }[];
  backendPools: { name: string }[];
};

export type PublicIpChoice =
  | { mode: "new"; name: string; allocation: "Static" | "Dynamic"; sku: string }
  | { mode: "existing"; id: string; name: string; sku: string; region: string; attachedTo?: string | null };

export type FrontendAddition = {
  frontendName: string;
  publicIp: PublicIpChoice;
  /** A new probe, or null when the rule uses an existing one (named in rule.probeName). */
  probe: LoadBalancerProbe | null;
  rule: LoadBalancerRule;
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const has = (list: { name: string }[], name: string) => list.some((x) => same(x.name, name));
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;

/** Azure's rule for load balancer, child and public IP names: 1–80 characters, letters, digits, _ . -, no trailing . or -. */
export function nameProblem(name: string, what: string): string | null {
  return NAME.test(name)
    ? null
    : `The ${what} name has 1–80 letters, digits, underscores, periods or hyphens, starts with a letter or digit and ends with a letter, digit or underscore.`;
}

/**
 * Azure documents a probe's minimum interval (5 s, SPECS NET loadBalancer.json) and no maximum; the upper bounds here
 * are the portal's own, so a typo such as 2147483647 seconds or a 5,000-character path never reaches Azure (issue 16).
 */
export const probeLimits = {
  interval: { min: 5, max: 3600 },
  count: { min: 1, max: 100 },
  pathLength: 1024,
} as const;

export function probeErrors(probe: LoadBalancerProbe): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string | null) => message && (errors[field] ??= []).push(message);
  add("probeName", nameProblem(probe.name, "probe"));
  if (!Number.isInteger(probe.port) || probe.port < 1 || probe.port > 65535)
    add("probePort", "The probe port is 1–65535.");
  const { interval, count, pathLength } = probeLimits;
  if (probe.intervalSeconds < interval.min) add("probeInterval", "Azure probes at most every 5 seconds.");
  else if (!Number.isInteger(probe.intervalSeconds) || probe.intervalSeconds > interval.max)
    add("probeInterval", `The probe interval is ${interval.min}–${interval.max} whole seconds.`);
  if (probe.probeCount < count.min) add("probeCount", "Count at least one probe.");
  else if (!Number.isInteger(probe.probeCount) || probe.probeCount > count.max)
    add("probeCount", `The probe count is ${count.min}–${count.max}.`);
  if (probe.protocol === "Tcp" && probe.requestPath) add("probePath", "A TCP probe has no request path.");
  if (probe.protocol !== "Tcp") {
    if (!probe.requestPath)
      add("probePath", `An ${probe.protocol.toUpperCase()} probe needs a request path, such as /.`);
    else if (!probe.requestPath.startsWith("/")) add("probePath", "The request path starts with /.");
    else if (probe.requestPath.length > pathLength)
      add("probePath", `The request path can be at most ${pathLength.toLocaleString("en-US")} characters.`);
    else if (!/^[\x21-\x7e]+$/.test(probe.requestPath))
      add("probePath", "Use a URL path without spaces or non-ASCII characters (percent-encode them), such as /health.");
  }
  return errors;
}

/**
 * A rule against the other rules of the load balancer (`rules` without the one being checked): names, references,
 * port ranges, one rule per frontend + protocol + frontend port, and RulesUseSameBackendPortProtocolAndPool.
 */
export function ruleErrors(
  model: LbModel,
  rule: LoadBalancerRule,
  others: LoadBalancerRule[] = model.rules,
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string | null) => message && (errors[field] ??= []).push(message);
  add("ruleName", nameProblem(rule.name, "rule"));
  if (has(others, rule.name)) add("ruleName", `${rule.name} already exists on this load balancer.`);
  if (!has(model.frontends, rule.frontendName)) add("frontendName", `Frontend ${rule.frontendName} does not exist.`);
  if (!has(model.backendPools, rule.backendPoolName))
    add("backendPool", `Backend pool ${rule.backendPoolName} does not exist.`);
  if (rule.probeName && !has(model.probes, rule.probeName))
    add("probeChoice", `Health probe ${rule.probeName} does not exist.`);
  // Port 0 (HA ports) is for internal Standard load balancers only; every load balancer here is public.
  if (rule.frontendPort < 1 || rule.frontendPort > 65534)
    add("frontendPort", "The frontend port is 1–65534 (port 0, HA ports, is for internal load balancers only).");
  if (rule.backendPort < 1 || rule.backendPort > 65535) add("backendPort", "The backend port is 1–65535.");
  if (rule.idleTimeoutMinutes < 4 || rule.idleTimeoutMinutes > 30)
    add("idleTimeout", "The idle timeout is 4–30 minutes.");
  if (rule.tcpReset && model.sku !== "Standard") add("tcpReset", "TCP reset needs a Standard load balancer.");
  const overlaps = (a: string, b: string) => a === b || a === "All" || b === "All";
  const sameFront = others.find(
    (o) =>
      same(o.frontendName, rule.frontendName) &&
      o.frontendPort === rule.frontendPort &&
      overlaps(o.protocol, rule.protocol),
  );
  if (sameFront)
    add(
      "frontendPort",
      `Rule ${sameFront.name} already uses ${sameFront.protocol} port ${sameFront.frontendPort} on ${sameFront.frontendName}; a frontend, protocol and port take one rule.`,
    );
  const sameBack = others.find(
    (o) =>
      !o.floatingIp &&
      !rule.floatingIp &&
      o.protocol === rule.protocol &&
      o.backendPort === rule.backendPort &&
      same(o.backendPoolName, rule.backendPoolName),
  );
  if (sameBack) {
    add(
      "backendPort",
      `Rule ${sameBack.name} already sends ${sameBack.protocol} to port ${sameBack.backendPort} on pool ${sameBack.backendPoolName}; choose another backend port, or enable floating IP on both rules.`,
    );
  }
  return errors;
}

/** The public IP against the load balancer: Azure wants the same SKU, Static for Standard, and no retired Basic IPs. */
export function publicIpErrors(lb: { sku: string; region: string }, ip: PublicIpChoice): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const field = ip.mode === "new" ? "publicIpSku" : "existingPublicIpId";
  if (ip.sku !== lb.sku)
    add(field, `A ${lb.sku} load balancer takes ${lb.sku} public IP addresses only; ${ip.name} is ${ip.sku}.`);
  if (ip.mode === "new") {
    const problem = nameProblem(ip.name, "public IP");
    if (problem) add("publicIpName", problem);
    if (ip.sku === "Standard" && ip.allocation !== "Static")
      add("publicIpAllocation", "Standard public IP addresses are always Static.");
    if (ip.sku === "Basic")
      add(
        "publicIpSku",
        "Basic public IP addresses were retired on 30 September 2025 and can no longer be created; use Standard.",
      );
  } else {
    if (ip.attachedTo) add("existingPublicIpId", `${ip.name} is in use by ${ip.attachedTo}.`);
    if (ip.region !== lb.region)
      add("existingPublicIpId", `${ip.name} is in ${ip.region}; the load balancer is in ${lb.region}.`);
  }
  return errors;
}

export function merge(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of all)
    for (const [k, v] of Object.entries(e))
      if (v?.length) (out[k] ??= []).push(...v.filter((m) => !out[k]!.includes(m)));
  return out;
}

export const hasErrors = (e: FieldErrors) => Object.values(e).some((v) => v?.length);

/** Everything Azure would refuse about adding this frontend, probe and rule to `model`. */
export function frontendAdditionErrors(model: LbModel & { region: string }, a: FrontendAddition): FieldErrors {
  const frontend: FieldErrors = {};
  const problem = nameProblem(a.frontendName, "frontend");
  if (problem) frontend.frontendName = [problem];
  else if (has(model.frontends, a.frontendName))
    frontend.frontendName = [`${a.frontendName} already exists on this load balancer.`];
  const probe: FieldErrors = a.probe ? probeErrors(a.probe) : {};
  if (a.probe && has(model.probes, a.probe.name))
    (probe.probeName ??= []).push(`${a.probe.name} already exists on this load balancer.`);
  const after = withAddition(model, a);
  const rule = ruleErrors(after, a.rule, model.rules);
  delete rule.frontendName;
  return merge(frontend, publicIpErrors(model, a.publicIp), probe, rule);
}

/** The model with the addition applied (the new frontend's public IP id is filled in by the job once it exists). */
export function withAddition<M extends LbModel>(model: M, a: FrontendAddition, publicIpId?: string): M {
  return {
    ...model,
    frontends: [
      ...model.frontends,
      { name: a.frontendName, publicIpId: publicIpId ?? (a.publicIp.mode === "existing" ? a.publicIp.id : undefined) },
    ],
    probes: a.probe ? [...model.probes, a.probe] : model.probes,
    rules: [...model.rules, a.rule],
  };
}

/** A rule on an existing frontend, with a new probe or null when it uses an existing one (named in rule.probeName). */
export type RuleAddition = { probe: LoadBalancerProbe | null; rule: LoadBalancerRule };

/** Everything Azure would refuse about adding this rule (and its new probe) to `model`. */
export function ruleAdditionErrors(model: LbModel, a: RuleAddition): FieldErrors {
  const probe: FieldErrors = a.probe ? probeErrors(a.probe) : {};
  if (a.probe && has(model.probes, a.probe.name))
    (probe.probeName ??= []).push(`${a.probe.name} already exists on this load balancer.`);
  return merge(probe, ruleErrors(withRule(model, a), a.rule, model.rules));
}

export function withRule<M extends LbModel>(model: M, a: RuleAddition): M {
  return { ...model, probes: a.probe ? [...model.probes, a.probe] : model.probes, rules: [...model.rules, a.rule] };
}

/** Removes a rule and the probes only it used (as removing a frontend does); the frontend stays. */
export function withoutRule<M extends LbModel>(model: M, ruleName: string) {
  const rule = findByName(model.rules, ruleName);
  const kept = model.rules.filter((r) => r !== rule);
  const probes = model.probes.filter(
    (p) =>
      rule?.probeName && same(rule.probeName, p.name) && !kept.some((r) => r.probeName && same(r.probeName, p.name)),
  );
  const next: M = { ...model, rules: kept, probes: model.probes.filter((p) => !probes.includes(p)) };
  return { model: next, removedProbes: probes.map((p) => p.name) };
}

/** True when a retried save finds its own addition already in Azure (the earlier PUT landed before a crash). */
export function additionPresent(model: LbModel, a: FrontendAddition, publicIpId: string): boolean {
  const fe = model.frontends.find((f) => same(f.name, a.frontendName));
  return !!fe && same(fe.publicIpId ?? "", publicIpId) && has(model.rules, a.rule.name);
}

/**
 * Removes a frontend, its rules, and the probes only those rules used. Returns what went, for the confirmation text
 * and the timeline.
 */
export function withoutFrontend<M extends LbModel>(model: M, frontendName: string) {
  const rules = model.rules.filter((r) => same(r.frontendName, frontendName));
  const kept = model.rules.filter((r) => !same(r.frontendName, frontendName));
  const probes = model.probes.filter(
    (p) =>
      rules.some((r) => r.probeName && same(r.probeName, p.name)) &&
      !kept.some((r) => r.probeName && same(r.probeName, p.name)),
  );
  const next: M = {
    ...model,
    frontends: model.frontends.filter((f) => !same(f.name, frontendName)),
    rules: kept,
    probes: model.probes.filter((p) => !probes.includes(p)),
  };
  return { model: next, removedRules: rules.map((r) => r.name), removedProbes: probes.map((p) => p.name) };
}

export function replaceProbe<M extends LbModel>(model: M, probe: LoadBalancerProbe): M {
  return { ...model, probes: model.probes.map((p) => (same(p.name, probe.name) ? { ...probe, name: p.name } : p)) };
}

export function replaceRule<M extends LbModel>(model: M, rule: LoadBalancerRule): M {
  return { ...model, rules: model.rules.map((r) => (same(r.name, rule.name) ? { ...rule, name: r.name } : r)) };
}

export const findByName = <T extends { name: string }>(list: T[], name: string) => list.find((x) => same(x.name, name));
