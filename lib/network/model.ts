import type { LoadBalancerInfo, LoadBalancerProbe, LoadBalancerRule } from "@/lib/azure";
import type { Tx } from "@/lib/db/client";
import {
  replaceRule,
  withAddition,
  withoutRule,
  withRule,
  type FrontendAddition,
  type LbModel,
  type RuleAddition,
} from "./lb-rules";
import { kinds } from "@/lib/operations/kinds";

/** The cached copy of a load balancer's children, as stored in the LoadBalancer row's JSON columns. */
export type CachedFrontend = { name: string; publicIpId?: string; publicIpAddress?: string; publicIpName?: string };
export type CachedPool = { name: string; id?: string; memberNicIpConfigIds: string[] };

type LbRow = {
  sku: string;
  region: string;
  frontends: unknown;
  backendPools: unknown;
  probes: unknown;
  rules: unknown;
};

const list = <T>(json: unknown): T[] => (Array.isArray(json) ? (json as T[]) : []);

export function modelOf(lb: LbRow): LbModel & { region: string } {
  return {
    sku: lb.sku,
    region: lb.region,
    frontends: list<CachedFrontend>(lb.frontends),
    backendPools: list<CachedPool>(lb.backendPools),
    probes: list<LoadBalancerProbe>(lb.probes),
    rules: list<LoadBalancerRule>(lb.rules),
  };
}

/** What Azure returned, in the row's columns: refreshed after every operation and by lb.refresh. */
export function cacheOf(info: LoadBalancerInfo) {
  return {
    sku: info.sku,
    region: info.location,
    etag: info.etag || null,
    azureResourceId: info.id,
    frontends: info.frontends.map((f) => ({
      name: f.name,
      publicIpId: f.publicIpId,
      publicIpAddress: f.publicIpAddress,
      publicIpName: f.publicIpId?.split("/").at(-1),
    })),
    backendPools: info.backendPools.map((p) => ({
      name: p.name,
      id: p.id,
      memberNicIpConfigIds: p.memberNicIpConfigIds,
    })),
    probes: info.probes,
    rules: info.rules,
  };
}

export const ADD_FRONTEND = kinds.lb.addFrontend;
export const ADD_RULE = kinds.lb.addRule;
export const REMOVE_RULE = kinds.lb.removeRule;
export const UPDATE = kinds.lb.update;

export type PendingChanges = {
  frontends: FrontendAddition[];
  rules: RuleAddition[];
  /** Rules as queued lb.update operations will leave them (Edit rule can move a rule to another frontend or port). */
  ruleUpdates: LoadBalancerRule[];
  /** Rules queued lb.removeRule operations will remove, with the probes only they use. */
  removedRules: string[];
};

/**
 * Changes accepted but not yet in Azure (queued or running additions, rule edits and rule removals): the service checks
 * a new request against them too, so two concurrent requests cannot both claim the same name or port, and a probe a
 * queued removal will delete cannot be taken by a new rule (nor one a queued rule needs be deleted).
 */
export async function pendingChanges(tx: Tx, loadBalancerId: string): Promise<PendingChanges> {
  const ops = await tx.operation.findMany({
    where: {
      kind: { in: [ADD_FRONTEND, ADD_RULE, UPDATE, REMOVE_RULE] },
      state: { in: ["queued", "running"] },
      targetId: { startsWith: `${loadBalancerId}/` },
    },
    select: { kind: true, input: true },
    orderBy: { createdAt: "asc" },
  });
  const inputs = <T>(kind: string, pick: (input: Record<string, unknown>) => T | undefined) =>
    ops
      .filter((o) => o.kind === kind)
      .flatMap((o) => {
        const value = pick((o.input ?? {}) as Record<string, unknown>);
        return value ? [value] : [];
      });
  return {
    frontends: inputs(ADD_FRONTEND, (i) => i.addition as FrontendAddition | undefined),
    rules: inputs(ADD_RULE, (i) => i.addition as RuleAddition | undefined),
    ruleUpdates: inputs(UPDATE, (i) => (i.change as { rule?: LoadBalancerRule } | undefined)?.rule),
    removedRules: inputs(REMOVE_RULE, (i) => i.ruleName as string | undefined),
  };
}

/** The model as it will be once the pending additions and rule edits land (removals are checked on their own). */
export function withPending<M extends LbModel>(model: M, pending: PendingChanges): M {
  const frontends = pending.frontends.reduce((m, a) => withAddition(m, a), model);
  const rules = pending.rules.reduce((m, a) => withRule(m, a), frontends);
  return pending.ruleUpdates.reduce((m, r) => replaceRule(m, r), rules);
}

/** Probe names that pending additions and rule edits will use. */
export const probesNeeded = (pending: PendingChanges) =>
  [...pending.frontends, ...pending.rules]
    .map((a) => a.rule.probeName)
    .concat(pending.ruleUpdates.map((r) => r.probeName))
    .filter((p): p is string => !!p);

/** Probes that pending rule removals will delete along with their rules (as the job computes it, on `model`). */
export const probesGoing = (model: LbModel, pending: PendingChanges) =>
  pending.removedRules.flatMap((r) => withoutRule(model, r).removedProbes);

/** Operation targets: one per child, so concurrent changes to different frontends are separate operations. */
export const frontendTarget = (lbId: string, frontend: string) => `${lbId}/frontends/${frontend.toLowerCase()}`;
export const childTarget = (lbId: string, collection: "probes" | "rules", name: string) =>
  `${lbId}/${collection}/${name.toLowerCase()}`;

export const publicIpArmId = (subscriptionId: string, resourceGroup: string, name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/publicIPAddresses/${name}`;
