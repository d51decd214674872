import {
  ArmError,
  createVm,
  ensureNic,
  ensurePublicIp,
  ensureResourceGroup,
  ensureVirtualNetwork,
  type LroProgress,
  type NicInfo,
} from "@/lib/azure";
import { discardSealed, openSealed } from "@/lib/crypto/sealed-secrets";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { lroTimeScale } from "@/lib/jobs/poll-delay";
import { sent, type Progress, type Sent } from "@/lib/jobs/wait-step";
import { loadVmForJob, markVmFailed, nicName, publicIpName } from "./job-support";
import { claimNetwork, releaseNetwork } from "./network-claim";
import { kinds } from "@/lib/operations/kinds";
import { recordVmUsage, stepEndedAt } from "@/lib/usage/record";
import { publishVmCreated } from "@/lib/events/vm-events";

/** What the NIC needs of the network; `fromPortal` when the portal had recorded it already (nothing to release). */
type VnetRef = { id: string; subnets: { name: string; id: string }[]; fromPortal?: boolean };

/** Typical duration of the virtual network's PUT in Azure (lib/azure's network.vnet.put) plus the other job's pickup. */
const VNET_WAIT_MS = 3_500;

/**
 * Another operation is creating the network: done once it has recorded the network; taken over (the PUT sent here)
 * when that operation has ended without; else pending until its PUT should be done, then looking again more slowly.
 */
async function networkOfOtherOperation(
  networkId: string,
  operationId: string,
  looks: number,
  send: () => Promise<LroProgress<VnetRef>>,
): Promise<Progress<VnetRef>> {
  const { state, claimedAt } = await claimNetwork(networkId, operationId);
  if (state === "mine") return send();
  if (state === "ready") {
    const current = await db.virtualNetwork.findUniqueOrThrow({ where: { id: networkId } });
    const id = current.azureResourceId!;
    const subnets = (current.subnets as { name: string }[]).map((s) => ({
      name: s.name,
      id: `${id}/subnets/${s.name}`,
    }));
    return { done: true, result: { id, subnets, fromPortal: true } };
  }
  const dueMs = claimedAt.getTime() + VNET_WAIT_MS * lroTimeScale() - Date.now();
  const lookAgainMs = 500 * 1.5 ** Math.min(looks, 6) * lroTimeScale();
  return { done: false, reason: "Network being created by another operation", waitMs: Math.max(dueMs, lookAgainMs) };
}

/**
 * vm.create: every step is a PUT of a deterministically named resource, so a retry or a resumed job converges on the
 * same VM. The resource group and the region's network are skipped once the portal has recorded them as created.
 */
export const createVmJob = defineJob({
  kind: kinds.vm.create,
  async run({ vmId, passwordSecretId }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const steps = [
      "Ensure resource group",
      "Create virtual network",
      ...(vm.hasPublicIp ? ["Create public IP"] : []),
      "Wait for virtual network",
      ...(vm.hasPublicIp ? ["Wait for public IP"] : []),
      "Create network interface",
      "Create VM",
      "Wait for provisioning",
    ];
    await op.plan(steps);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    const network = await db.virtualNetwork.findUniqueOrThrow({
      where: { tenantSubscriptionId_name: { tenantSubscriptionId: vm.tenantSubscriptionId, name: vm.networkName } },
    });
    const tenantTag = { "portal-tenant": vm.tenantSubscription.tenant.slug };
    const vnetSpec = {
      resourceGroup,
      name: network.name,
      location: network.region,
      addressSpace: [network.addressSpace],
      subnets: network.subnets as { name: string; prefix: string }[],
    };

    // The first create of a network provisions it (resource group + vnet); the others wait for it, while their own
    // public IP (which needs neither) is being created.
    const claim = await op.step("Ensure resource group", async () => {
      const { state } = await claimNetwork(network.id, op.operationId);
      if (state === "mine") {
        await ensureResourceGroup(access, resourceGroup, vm.tenantSubscription.location, tenantTag);
        return "mine" as const;
      }
      op.note(`${resourceGroup} exists`);
      return state;
    });
    const vnetSent = await op.step("Create virtual network", async (): Promise<Sent<VnetRef> | null> => {
      if (claim === "mine") return sent(await ensureVirtualNetwork(access, vnetSpec));
      op.note(
        claim === "ready" ? `${network.name} exists` : `${network.name} is being created by another VM's operation`,
      );
      return null;
    });
    // The public IP needs only the resource group. One deleted in Azure behind the portal's back while another
    // operation holds the network is put again here (the same PUT that operation sends), not waited for.
    const ipSpec = {
      resourceGroup,
      name: publicIpName(vm.name),
      location: vm.region,
      sku: "Standard",
      allocation: "Static",
    } as const;
    const publicIpSent = vm.hasPublicIp
      ? await arm.send("Create public IP", async () => {
          try {
            return await ensurePublicIp(access, ipSpec);
          } catch (error) {
            if (claim === "mine" || !(error instanceof ArmError) || error.code !== "ResourceGroupNotFound") throw error;
            op.note(`${resourceGroup} was missing in Azure: created again`);
            await ensureResourceGroup(access, resourceGroup, vm.tenantSubscription.location, tenantTag);
            return ensurePublicIp(access, ipSpec);
          }
        })
      : null;

    const vnet = vnetSent
      ? await arm.wait("Wait for virtual network", vnetSent)
      : await arm.lro("Wait for virtual network", (looks) =>
          networkOfOtherOperation(network.id, op.operationId, looks, () => ensureVirtualNetwork(access, vnetSpec)),
        );
    if (!vnet.fromPortal) await releaseNetwork(network.id, vnet.id);
    const subnetId = vnet.subnets.find((s) => s.name === vm.subnetName)?.id ?? `${vnet.id}/subnets/${vm.subnetName}`;

    const publicIp = publicIpSent ? await arm.wait("Wait for public IP", publicIpSent) : null;
    const nic = await arm.lro<NicInfo>("Create network interface", () =>
      ensureNic(access, {
        resourceGroup,
        name: nicName(vm.name),
        location: vm.region,
        subnetId,
        publicIpId: publicIp?.id,
      }),
    );
    await db.virtualMachine.update({
      where: { id: vm.id },
      data: { privateIp: nic.privateIp ?? null, publicIp: publicIp?.ipAddress ?? null },
    });

    // The PUT is sent once; its continuation (names only) is what "Wait for provisioning" polls, even after a crash.
    const started = await arm.send("Create VM", async () => {
      const password = passwordSecretId ? await openSealed(passwordSecretId) : null;
      if (passwordSecretId && !password)
        throw new Error(
          "The administrator password is no longer available (it expires after 24 hours); create the VM again.",
        );
      const progress = await createVm(access, {
        resourceGroup,
        name: vm.name,
        location: vm.region,
        size: vm.size,
        computerName: vm.name,
        osType: vm.osType as "Windows" | "Linux",
        image: { publisher: vm.imagePublisher, offer: vm.imageOffer, sku: vm.imageSku, version: vm.imageVersion },
        adminUsername: vm.adminUsername,
        adminPassword: password ?? undefined,
        sshPublicKey: vm.sshPublicKey ?? undefined,
        nicId: nic.id,
        dataDisks: vm.dataDisks as { lun: number; sizeGb: number }[],
        tags: { "portal-tenant": vm.tenantSubscription.tenant.slug, "portal-vm": vm.id },
      });
      await discardSealed(passwordSecretId);
      return progress;
    });
    const info = await arm.wait("Wait for provisioning", started);
    await db.$transaction(async (tx) => {
      // A run repeated after this commit (a worker killed before the operation ended) publishes vm.created once.
      const before = await tx.virtualMachine.findUniqueOrThrow({
        where: { id: vm.id },
        select: { provisioningState: true },
      });
      await tx.virtualMachine.update({
        where: { id: vm.id },
        data: {
          provisioningState: "Succeeded",
          powerState: info.powerState === "unknown" ? "running" : info.powerState,
          azureResourceId: info.id,
          errorCode: null,
          errorMessage: null,
        },
      });
      if (before.provisioningState !== "Succeeded") await publishVmCreated(tx, vm.id);
      const at = await stepEndedAt(tx, op.operationId, "Wait for provisioning");
      await recordVmUsage(
        tx,
        vm.id,
        at,
        { source: "operation", operationId: op.operationId },
        {
          os: info.osDisk,
          data: info.dataDisks,
        },
      );
    });
  },
  async onFailed({ vmId, passwordSecretId }, { message }) {
    await discardSealed(passwordSecretId);
    const op = await db.operation.findFirst({
      where: { targetId: vmId, kind: kinds.vm.create },
      orderBy: { createdAt: "desc" },
      select: { errorCode: true },
    });
    await markVmFailed(vmId, message, op?.errorCode ?? undefined);
  },
});
