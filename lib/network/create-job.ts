import {
  ensureNic,
  ensureResourceGroup,
  getLoadBalancer,
  getNic,
  PORTAL_EXTRA_TAG,
  putLoadBalancer,
  type LoadBalancerProbe,
  type LoadBalancerRule,
  type LoadBalancerSpec,
  type NicInfo,
  type PublicIpInfo,
  withMissingPortalTags,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define-job";
import { resume, type Progress } from "@/lib/jobs/wait-step";
import { nicName } from "@/lib/vms/job-support";
import { recordPublicIpUsage, stepEndedAt } from "@/lib/usage/record";
import { lbTags, loadLbForJob, refreshCache, settleState } from "./cache";
import { REFRESH } from "./save";
import { ensureFrontendPublicIp } from "./frontend-jobs";
import type { CachedFrontend, CachedPool } from "./model";
import { kinds } from "@/lib/operations/kinds";

type ReadyMember = {
  id: string;
  name: string;
  region: string;
  networkName: string;
  subnetName: string;
  tenantSubscriptionId: string;
};

/** Member VMs still being created hold the step back (pending: no worker waits); failed ones are left out. */
async function readyMembers(memberVmIds: string[], note: (s: string) => void): Promise<Progress<ReadyMember[]>> {
  const vms = await db.virtualMachine.findMany({
    where: { id: { in: memberVmIds } },
    select: {
      id: true,
      name: true,
      region: true,
      networkName: true,
      subnetName: true,
      provisioningState: true,
      tenantSubscriptionId: true,
    },
  });
  const busy = vms.filter((v) => ["Creating", "Updating"].includes(v.provisioningState));
  if (busy.length) return { done: false, reason: `Waiting for ${busy.map((v) => v.name).join(", ")} to be created` };
  const skipped = vms.filter((v) => v.provisioningState !== "Succeeded");
  if (skipped.length) note(`Left out (not running in Azure): ${skipped.map((v) => v.name).join(", ")}`);
  const ready: ReadyMember[] = vms.filter((v) => v.provisioningState === "Succeeded");
  note(ready.length ? `Members: ${ready.map((v) => v.name).join(", ")}` : "No member VMs");
  return { done: true, result: ready };
}

/**
 * lb.create: resource group, public IP, the whole load balancer in one PUT, then each member VM's NIC joins the pool.
 * Every step is a PUT of a deterministic name, so a retry converges; a load balancer of that name that the portal did
 * not create is never taken over.
 */
export const createLoadBalancerJob = defineJob({
  kind: kinds.lb.create,
  async run({ loadBalancerId, publicIpAddressId, memberVmIds }, op) {
    const { lb, ref, azureSubscriptionId } = await loadLbForJob(loadBalancerId);
    const ip = await db.publicIpAddress.findUniqueOrThrow({ where: { id: publicIpAddressId } });
    const pool = (lb.backendPools as CachedPool[])[0];
    const members = await db.virtualMachine.findMany({
      where: { id: { in: memberVmIds } },
      select: { name: true },
      orderBy: { name: "asc" },
    });
    const joinSteps = members.map((m) => `Add ${m.name} to ${pool.name}`);
    await op.plan([
      ...(memberVmIds.length ? ["Wait for the member VMs"] : []),
      "Ensure resource group",
      `Create public IP ${ip.name}`,
      "Create load balancer",
      "Wait for Azure to create it",
      ...joinSteps,
      REFRESH,
    ]);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    const ready = memberVmIds.length
      ? await op.wait("Wait for the member VMs", { begin: () => readyMembers(memberVmIds, op.note) })
      : [];

    await op.step("Ensure resource group", () =>
      ensureResourceGroup(access, lb.resourceGroup, lb.region, lbTags(lb, op.operationId, { group: true })),
    );
    const tags = lbTags(lb, op.operationId);
    const publicIp = await arm.lro<PublicIpInfo>(`Create public IP ${ip.name}`, () =>
      ensureFrontendPublicIp(access, ip, tags),
    );
    await db.$transaction(async (tx) => {
      await tx.publicIpAddress.update({
        where: { id: ip.id },
        data: { azureResourceId: publicIp.id, ipAddress: publicIp.ipAddress ?? null, provisioningState: "Succeeded" },
      });
      const at = await stepEndedAt(tx, op.operationId, `Create public IP ${ip.name}`);
      await recordPublicIpUsage(tx, ip.id, at, { source: "operation", operationId: op.operationId });
    });

    const frontend = (lb.frontends as CachedFrontend[])[0];
    const desired: LoadBalancerSpec = {
      location: lb.region,
      sku: lb.sku,
      tags,
      frontends: [{ name: frontend.name, publicIpId: publicIp.id }],
      backendPools: [{ name: pool.name }],
      probes: lb.probes as LoadBalancerProbe[],
      rules: lb.rules as LoadBalancerRule[],
    };
    const started = await op.step("Create load balancer", async () => {
      const existing = await getLoadBalancer(access, ref.resourceGroup, ref.name);
      if (existing && existing.tags[PORTAL_EXTRA_TAG.loadBalancer] !== lb.id)
        throw new Conflict(
          `A load balancer named ${lb.name} already exists in ${lb.resourceGroup}; refresh the list to add it to the portal, or choose another name.`,
        );
      // A retry keeps what the first attempt's PUT wrote, and any tag added since (the customer's own).
      const keep = existing ? { tags: withMissingPortalTags(existing.tags, tags) } : {};
      const progress = await putLoadBalancer(
        access,
        ref.resourceGroup,
        ref.name,
        { ...desired, ...keep },
        existing ? { ifMatch: existing.etag } : {},
      );
      return progress.done ? { id: progress.result.id } : { continuation: progress.continuation };
    });
    const created = await arm.wait<{ id: string }>(
      "Wait for Azure to create it",
      started.id ? { done: true, result: { id: started.id } } : resume(started.continuation!),
    );
    await db.loadBalancer.update({ where: { id: lb.id }, data: { azureResourceId: created.id } });

    const poolId = `${created.id}/backendAddressPools/${pool.name}`;
    for (const vm of ready) {
      await arm.lro<NicInfo | { id: string }>(`Add ${vm.name} to ${pool.name}`, async () => {
        const vmGroup = (
          await db.tenantSubscription.findUniqueOrThrow({
            where: { id: vm.tenantSubscriptionId },
            select: { resourceGroup: true },
          })
        ).resourceGroup;
        const nic = await getNic(access, vmGroup, nicName(vm.name));
        if (!nic) throw new Conflict(`${vm.name} has no network interface in Azure.`);
        if (nic.backendPoolIds.some((id) => id.toLowerCase() === poolId.toLowerCase()))
          return { done: true, result: { id: nic.id } };
        const network = await db.virtualNetwork.findUniqueOrThrow({
          where: {
            tenantSubscriptionId_name: { tenantSubscriptionId: vm.tenantSubscriptionId, name: vm.networkName },
          },
        });
        // The NIC PUT replaces its ipConfiguration and tags: keep the VM's public IP, any other pools it is in, its tags.
        return ensureNic(access, {
          resourceGroup: vmGroup,
          name: nic.name,
          location: vm.region,
          subnetId: `${network.azureResourceId}/subnets/${vm.subnetName}`,
          publicIpId: nic.publicIpId,
          backendPoolIds: [...nic.backendPoolIds, poolId],
          ...(nic.tags ? { tags: nic.tags } : {}),
        });
      });
    }
    await op.step(REFRESH, () => refreshCache(access, lb, { source: "operation", operationId: op.operationId }));
    await db.loadBalancer.update({
      where: { id: lb.id },
      data: { provisioningState: "Succeeded", errorMessage: null },
    });
  },
  async onSucceeded({ loadBalancerId }) {
    await settleState(loadBalancerId, null);
  },
  async onFailed({ loadBalancerId, publicIpAddressId }, { message }) {
    const neverCreated = await db.loadBalancer.updateMany({
      where: { id: loadBalancerId, azureResourceId: null },
      data: { provisioningState: "Failed", errorMessage: message },
    });
    // One Azure never created stays Failed with its reason (issue 16: settling made it "Succeeded" with no Azure id);
    // one that exists settles as any other operation on it does, showing the error.
    if (neverCreated.count === 0) await settleState(loadBalancerId, message);
    // A public IP Azure never created does not count against the quota; one that exists stays, unattached, to reuse or release.
    const ip = await db.publicIpAddress.findUnique({ where: { id: publicIpAddressId } });
    if (ip && !ip.azureResourceId) await db.publicIpAddress.delete({ where: { id: ip.id } });
  },
});
