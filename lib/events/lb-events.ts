import type { Tx } from "@/lib/db/client";
import { publishEvent } from "./publish";

type LbChange = {
  /** Said outright (the load balancer is gone from Azure) rather than read from the ETag and the operation. */
  change?: string;
  loadBalancerId: string;
  /** The ETag the portal's copy had before this write, and the one it has now (Azure changes it on every save). */
  etagBefore: string | null;
  etagAfter: string | null;
  /** The operation whose refresh this is; none for lb.refresh or the page's button (a change made outside the portal). */
  operationId?: string | null;
};

/**
 * loadbalancer.changed, in the transaction that saves the portal's copy of the load balancer, when Azure's ETag moved:
 * so one event per saved change, whether an operation made it or a refresh found it, and none for a read that found
 * nothing new (a retried step, a refresh of an unchanged load balancer). `change` is the operation's kind
 * (lb.create, lb.addFrontend …), `discovered` for one found in Azure, `changed outside the portal` for drift, and
 * `missing in Azure` when a refresh no longer finds it.
 */
export async function publishLoadBalancerChanged(tx: Tx, change: LbChange) {
  if (!change.change && change.etagBefore === change.etagAfter) return;
  const lb = await tx.loadBalancer.findUniqueOrThrow({
    where: { id: change.loadBalancerId },
    select: { id: true, tenantId: true, name: true },
  });
  const operation = change.operationId
    ? await tx.operation.findUnique({ where: { id: change.operationId }, select: { kind: true } })
    : null;
  await publishEvent(tx, {
    type: "loadbalancer.changed",
    tenantId: lb.tenantId,
    resource: { type: "LoadBalancer", id: lb.id },
    data: {
      loadBalancerId: lb.id,
      name: lb.name,
      change:
        change.change ?? operation?.kind ?? (change.etagBefore === null ? "discovered" : "changed outside the portal"),
      operationId: operation ? change.operationId! : null,
    },
  });
}
