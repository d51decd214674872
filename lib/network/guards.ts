import type { TenantContext } from "@/lib/auth/context";
import type { LoadBalancerProbe, LoadBalancerRule } from "@/lib/azure";
import type { Tx } from "@/lib/db/client";
import { Conflict, InvalidInput, notFoundInTenant, type FieldErrors } from "@/lib/errors";
import { hasErrors } from "./lb-rules";

export function throwIfErrors(errors: FieldErrors) {
  if (hasErrors(errors)) throw new InvalidInput(errors);
}

/** The load balancer for a change: tenant-scoped in the query, and only once Azure has it. */
export async function getLbForChange(tx: Tx, ctx: TenantContext, loadBalancerId: string) {
  const lb = await tx.loadBalancer.findFirst({
    where: { id: loadBalancerId, tenantId: ctx.tenantId },
    include: {
      tenantSubscription: {
        select: { id: true, state: true, resourceGroup: true, plan: { select: { azureSubscriptionId: true } } },
      },
    },
  });
  if (!lb) throw notFoundInTenant(ctx, "Load balancer", { type: "LoadBalancer", id: loadBalancerId });
  if (lb.tenantSubscription.state !== "active") throw new Conflict("This subscription is no longer active.");
  if (!lb.azureResourceId) {
    throw new Conflict(
      lb.provisioningState === "Failed"
        ? `${lb.name} was not created: ${lb.errorMessage ?? "see its operation"}.`
        : `Wait until ${lb.name} has been created.`,
    );
  }
  if (lb.provisioningState === "Deleting") throw new Conflict(`${lb.name} is being deleted.`);
  return lb;
}

type ProbeFields = {
  probeName: string;
  probeProtocol: LoadBalancerProbe["protocol"];
  probePort: number;
  probePath?: string;
  probeInterval: number;
  probeCount: number;
};
type RuleFields = {
  ruleName: string;
  ruleProtocol: LoadBalancerRule["protocol"];
  frontendPort: number;
  backendPort: number;
  backendPool: string;
  floatingIp: boolean;
  idleTimeout: number;
  tcpReset: boolean;
};

export const probeOf = (v: ProbeFields): LoadBalancerProbe => ({
  name: v.probeName,
  protocol: v.probeProtocol,
  port: v.probePort,
  ...(v.probePath ? { requestPath: v.probePath } : {}),
  intervalSeconds: v.probeInterval,
  probeCount: v.probeCount,
});

export const ruleOf = (v: RuleFields, frontendName: string, probeName?: string): LoadBalancerRule => ({
  name: v.ruleName,
  protocol: v.ruleProtocol,
  frontendName,
  frontendPort: v.frontendPort,
  backendPort: v.backendPort,
  backendPoolName: v.backendPool,
  ...(probeName ? { probeName } : {}),
  floatingIp: v.floatingIp,
  idleTimeoutMinutes: v.idleTimeout,
  tcpReset: v.tcpReset,
});

/** Public IP names are unique per resource group: the frontends' and kept ones here, the VMs' ("<vm>-ip") in the tenant's group. */
export async function publicIpNameTaken(
  tx: Tx,
  ts: { id: string; resourceGroup: string },
  resourceGroup: string,
  name: string,
) {
  const row = await tx.publicIpAddress.findFirst({
    where: {
      tenantSubscriptionId: ts.id,
      resourceGroup: { equals: resourceGroup, mode: "insensitive" },
      name: { equals: name, mode: "insensitive" },
    },
    select: { id: true },
  });
  if (row) return true;
  if (resourceGroup.toLowerCase() !== ts.resourceGroup.toLowerCase() || !name.toLowerCase().endsWith("-ip"))
    return false;
  return !!(await tx.virtualMachine.findFirst({
    where: { tenantSubscriptionId: ts.id, hasPublicIp: true, name: { equals: name.slice(0, -3), mode: "insensitive" } },
    select: { id: true },
  }));
}
