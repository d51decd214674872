import { setTimeout as sleep } from "node:timers/promises";
import {
  ArmError,
  createVm,
  ensureNic,
  ensurePublicIp,
  ensureResourceGroup,
  ensureVirtualNetwork,
  type LroProgress,
  type NicInfo,
  type PublicIpInfo,
  type VmInfo,
} from "@/lib/azure";
import { discardSealed, openSealed } from "@/lib/crypto/sealed-secrets";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { Reschedule } from "@/lib/jobs/outcome";
import { inlineWaitMaxMs, nextPollDelayMs } from "@/lib/jobs/poll-delay";
import { sent, type Sent } from "@/lib/jobs/lro-step";
import { loadVmForJob, markVmFailed, nicName, publicIpName } from "./job-support";
import { claimNetwork, releaseNetwork } from "./network-claim";
import { kinds } from "@/lib/operations/kinds";

/** What the NIC needs of the network; `fromPortal` when the portal had recorded it already (nothing to release). */
type VnetRef = { id: string; subnets: { name: string; id: string }[]; fromPortal?: boolean };

/** Typical duration of the virtual network's PUT in Azure (lib/azure's network.vnet.put) plus the other job's pickup. */
const VNET_WAIT_MS = 3_500;

/**
 * Another operation is creating the network: done once it has recorded the network; taken over (the PUT sent here)
 * when that operation has ended without; else wait about until its PUT should be done and look again — inside this
 * run while the wait is short, else in a later run.
 */
async function waitForOtherOperation(
  networkId: string,
  operationId: string,
  send: () => Promise<LroProgress<VnetRef>>,
): Promise<LroProgress<VnetRef>> {
  const until = Date.now() + inlineWaitMaxMs();
  for (let looks = 0; ; looks++) {
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
    const due = claimedAt.getTime() + nextPollDelayMs({ typicalMs: VNET_WAIT_MS }, 0) - Date.now();
    const delay = Math.max(due, nextPollDelayMs({ typicalMs: 500 * 1.5 ** Math.min(looks, 6) }, 0));
    if (Date.now() + delay > until) throw new Reschedule(delay, "network being created by another operation");
    await sleep(delay);
  }
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
        await ensureResourceGroup(access, resourceGroup, vm.tenantSubscription.location, {
          "portal-tenant": vm.tenantSubscription.tenant.slug,
        });
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
    const publicIpSent = vm.hasPublicIp
      ? await op.step("Create public IP", async () => {
          try {
            return sent(
              await ensurePublicIp(access, {
                resourceGroup,
                name: publicIpName(vm.name),
                location: vm.region,
                sku: "Standard",
                allocation: "Static",
              }),
            );
          } catch (error) {
            // The resource group went missing in Azure and the operation that claimed the network is creating it again.
            if (claim !== "mine" && error instanceof ArmError && error.code === "ResourceGroupNotFound") {
              throw new Reschedule(
                nextPollDelayMs({ typicalMs: 1_000 }, 0),
                "resource group being created by another operation",
              );
            }
            throw error;
          }
        })
      : null;

    const vnet = await arm.lro<VnetRef>("Wait for virtual network", async () => {
      if (vnetSent) return vnetSent;
      return waitForOtherOperation(network.id, op.operationId, () => ensureVirtualNetwork(access, vnetSpec));
    });
    if (!vnet.fromPortal) await releaseNetwork(network.id, vnet.id);
    const subnetId = vnet.subnets.find((s) => s.name === vm.subnetName)?.id ?? `${vnet.id}/subnets/${vm.subnetName}`;

    const publicIp = publicIpSent ? await arm.lro<PublicIpInfo>("Wait for public IP", async () => publicIpSent) : null;
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
    const started = await op.step("Create VM", async (): Promise<Sent<VmInfo>> => {
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
      return sent(progress);
    });
    const info = await arm.lro<VmInfo>("Wait for provisioning", async () => started);
    await db.virtualMachine.update({
      where: { id: vm.id },
      data: {
        provisioningState: "Succeeded",
        powerState: info.powerState === "unknown" ? "running" : info.powerState,
        azureResourceId: info.id,
        errorCode: null,
        errorMessage: null,
      },
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
