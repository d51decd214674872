import { z } from "zod";
import { createVm, ensureNic, ensurePublicIp, ensureResourceGroup, ensureVirtualNetwork, pollLro, type NicInfo, type PublicIpInfo, type VirtualNetworkInfo, type VmInfo } from "@/lib/azure";
import { discardSealed, openSealed } from "@/lib/crypto/sealed-secrets";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { Reschedule } from "@/lib/jobs/outcome";
import { pollDelayMs } from "@/lib/jobs/poll-delay";
import { loadVmForJob, markVmFailed, nicName, publicIpName } from "./load";
import { claimNetwork, releaseNetwork } from "./network-claim";

const input = z.object({ vmId: z.string(), passwordSecretId: z.string().optional() });

/**
 * vm.create: every step is a PUT of a deterministically named resource, so a retry or a resumed job converges on the
 * same VM. The resource group and the region's network are skipped once the portal has recorded them as created.
 */
export const createVmJob = defineJob({
  kind: "vm.create",
  input,
  async run({ vmId, passwordSecretId }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    const steps = ["Ensure resource group", "Ensure virtual network", ...(vm.hasPublicIp ? ["Create public IP"] : []), "Create network interface", "Create VM", "Wait for provisioning"];
    await op.plan(steps);
    const access = await op.azureAccess(azureSubscriptionId);
    const network = await db.virtualNetwork.findUniqueOrThrow({ where: { tenantSubscriptionId_name: { tenantSubscriptionId: vm.tenantSubscriptionId, name: vm.networkName } } });

    // The first create of a network provisions it (resource group + vnet); the others wait here until it exists.
    const claim = await op.step("Ensure resource group", async () => {
      const state = await claimNetwork(network.id, op.operationId);
      if (state === "busy") {
        op.note("Waiting for another VM's operation to create the network");
        throw new Reschedule(pollDelayMs(0), "network being created by another operation");
      }
      if (state === "ready") {
        op.note(`${resourceGroup} already exists`);
        return "ready" as const;
      }
      await ensureResourceGroup(access, resourceGroup, vm.tenantSubscription.location, { "portal-tenant": vm.tenantSubscription.tenant.slug });
      return "mine" as const;
    });
    const vnet = await op.lroStep<VirtualNetworkInfo | { id: string; subnets: { name: string; id: string }[] }>("Ensure virtual network", {
      start: async () => {
        const current = await db.virtualNetwork.findUniqueOrThrow({ where: { id: network.id } });
        if (claim === "ready" || current.azureResourceId) {
          const id = current.azureResourceId!;
          const subnets = (current.subnets as { name: string }[]).map((s) => ({ name: s.name, id: `${id}/subnets/${s.name}` }));
          return { done: true, result: { id, subnets } };
        }
        return ensureVirtualNetwork(access, {
          resourceGroup, name: network.name, location: network.region, addressSpace: [network.addressSpace], subnets: network.subnets as { name: string; prefix: string }[],
        });
      },
      poll: (c) => pollLro(access, c),
    });
    if (claim === "mine") await releaseNetwork(network.id, vnet.id);
    const subnetId = vnet.subnets.find((s) => s.name === vm.subnetName)?.id ?? `${vnet.id}/subnets/${vm.subnetName}`;

    const publicIp = vm.hasPublicIp
      ? await op.lroStep<PublicIpInfo>("Create public IP", {
          start: () => ensurePublicIp(access, { resourceGroup, name: publicIpName(vm.name), location: vm.region, sku: "Standard", allocation: "Static" }),
          poll: (c) => pollLro(access, c),
        })
      : null;
    const nic = await op.lroStep<NicInfo>("Create network interface", {
      start: () => ensureNic(access, { resourceGroup, name: nicName(vm.name), location: vm.region, subnetId, publicIpId: publicIp?.id }),
      poll: (c) => pollLro(access, c),
    });
    await db.virtualMachine.update({ where: { id: vm.id }, data: { privateIp: nic.privateIp ?? null, publicIp: publicIp?.ipAddress ?? null } });

    // The PUT is sent once; its continuation (names only) is what "Wait for provisioning" polls, even after a crash.
    const started = await op.step("Create VM", async () => {
      const password = passwordSecretId ? await openSealed(passwordSecretId) : null;
      if (passwordSecretId && !password) throw new Error("The administrator password is no longer available (it expires after 24 hours); create the VM again.");
      const progress = await createVm(access, {
        resourceGroup, name: vm.name, location: vm.region, size: vm.size, computerName: vm.name, osType: vm.osType as "Windows" | "Linux",
        image: { publisher: vm.imagePublisher, offer: vm.imageOffer, sku: vm.imageSku, version: vm.imageVersion },
        adminUsername: vm.adminUsername, adminPassword: password ?? undefined, sshPublicKey: vm.sshPublicKey ?? undefined,
        nicId: nic.id, dataDisks: vm.dataDisks as { lun: number; sizeGb: number }[], tags: { "portal-tenant": vm.tenantSubscription.tenant.slug, "portal-vm": vm.id },
      });
      await discardSealed(passwordSecretId);
      return progress.done ? { done: true, info: progress.result } : { done: false, continuation: progress.continuation };
    });
    const info = await op.lroStep<VmInfo>("Wait for provisioning", {
      start: async () => (started.done ? { done: true, result: started.info! } : pollLro<VmInfo>(access, started.continuation!)),
      poll: (c) => pollLro<VmInfo>(access, c),
    });
    await db.virtualMachine.update({
      where: { id: vm.id },
      data: { provisioningState: "Succeeded", powerState: info.powerState === "unknown" ? "running" : info.powerState, azureResourceId: info.id, errorCode: null, errorMessage: null },
    });
  },
  async onFailed({ vmId, passwordSecretId }, { message }) {
    await discardSealed(passwordSecretId);
    const op = await db.operation.findFirst({ where: { targetId: vmId, kind: "vm.create" }, orderBy: { createdAt: "desc" }, select: { errorCode: true } });
    await markVmFailed(vmId, message, op?.errorCode ?? undefined);
  },
});
