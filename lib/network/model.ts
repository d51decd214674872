import type { LoadBalancerInfo, LoadBalancerProbe, LoadBalancerRule } from "@/lib/azure";
import type { Tx } from "@/lib/db/client";
import { withAddition, withRule, type FrontendAddition, type LbModel, type RuleAddition } from "./lb-rules";

/** The cached copy of a load balancer's children, as stored in the LoadBalancer row's JSON columns. */
export type CachedFrontend = { name: string; publicIpId?: string; publicIpAddress?: string; publicIpName?: string };
export type CachedPool = { name: string; id?: string; memberNicIpConfigIds: string[] };

type LbRow = { sku: string; region: string; frontends: unknown; backendPools: unknown; probes: unknown; rules: unknown };

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
    frontends: info.frontends.map((f) => ({ name: f.name, publicIpId: f.publicIpId, publicIpAddress: f.publicIpAddress, publicIpName: f.publicIpId?.split("/").at(-1) })),
    backendPools: info.backendPools.map((p) => ({ name: p.name, id: p.id, memberNicIpConfigIds: p.memberNicIpConfigIds })),
    probes: info.probes,
    rules: info.rules,
  };
}

export const ADD_FRONTEND = "lb.addFrontend";
export const ADD_RULE = "lb.addRule";
export const REMOVE_RULE = "lb.removeRule";

export type PendingAdditions = { frontends: FrontendAddition[]; rules: RuleAddition[] };

/**
 * Additions accepted but not yet in Azure (queued or running lb.addFrontend and lb.addRule operations): the service
 * checks a new request against them too, so two concurrent requests cannot both claim the same name or port.
 */
export async function pendingAdditions(tx: Tx, loadBalancerId: string): Promise<PendingAdditions> {
  const ops = await tx.operation.findMany({
    where: { kind: { in: [ADD_FRONTEND, ADD_RULE] }, state: { in: ["queued", "running"] }, targetId: { startsWith: `${loadBalancerId}/` } },
    select: { kind: true, input: true },
    orderBy: { createdAt: "asc" },
  });
  const additions = <T>(kind: string) =>
    ops.filter((o) => o.kind === kind).flatMap((o) => {
      const addition = (o.input as { addition?: T }).addition;
      return addition ? [addition] : [];
    });
  return { frontends: additions<FrontendAddition>(ADD_FRONTEND), rules: additions<RuleAddition>(ADD_RULE) };
}

/** The model as it will be once the pending additions land. */
export function withPending<M extends LbModel>(model: M, pending: PendingAdditions): M {
  const frontends = pending.frontends.reduce((m, a) => withAddition(m, a), model);
  return pending.rules.reduce((m, a) => withRule(m, a), frontends);
}

/** Operation targets: one per child, so concurrent changes to different frontends are separate operations. */
export const frontendTarget = (lbId: string, frontend: string) => `${lbId}/frontends/${frontend.toLowerCase()}`;
export const childTarget = (lbId: string, collection: "probes" | "rules", name: string) => `${lbId}/${collection}/${name.toLowerCase()}`;

export const publicIpArmId = (subscriptionId: string, resourceGroup: string, name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/publicIPAddresses/${name}`;
