import {
  createVm,
  ensureResourceGroup,
  ensureVirtualNetwork,
  findVm,
  isOperationInProgress,
  listNetworkAddresses,
  portalTags,
  PORTAL_EXTRA_TAG,
  type AzureAccess,
  type LroProgress,
  type VmInfo,
} from "@/lib/azure";
import { discardSealed, openSealed } from "@/lib/crypto/sealed-secrets";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { lroTimeScale } from "@/lib/jobs/poll-delay";
import { sent, type Progress, type Sent } from "@/lib/jobs/wait-step";
import { loadVmForJob, markVmFailed, nicName, publicIpName } from "./job-support";
import { claimNetwork, releaseNetwork } from "./network-claim";
import { readAddressesOnce } from "./addresses";
import { kinds, operationKinds } from "@/lib/operations/kinds";
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

/** How often to look at a VM another run's PUT is creating (its status URL went with that run). */
const FOLLOW_MS = 5_000;

/**
 * A VM whose PUT an earlier run sent (the run was killed before it stored the continuation): Azure refuses a second PUT
 * while it creates, so its provisioning state is read until it ends. Only after such a crash: a GET per look.
 */
async function followCreate(access: AzureAccess, resourceGroup: string, name: string): Promise<Progress<VmInfo>> {
  const vm = await findVm(access, resourceGroup, name);
  if (!vm) throw new Error(`Azure no longer has ${name}, whose create an earlier run had sent; create the VM again.`);
  if (vm.provisioningState === "Succeeded") return { done: true, result: vm };
  if (vm.provisioningState === "Failed")
    throw new Error(`Azure could not create ${name} (provisioning state Failed); delete it and create it again.`);
  return {
    done: false,
    reason: "Azure is creating the VM (sent by an earlier run)",
    waitMs: FOLLOW_MS * lroTimeScale(),
  };
}

/**
 * vm.create (issue 18): one VM PUT that creates its NIC and public IP too (networkInterfaceConfigurations, deleteOption
 * Delete on them and the disks), so the VM is one long-running operation to create and one to delete. Names are
 * deterministic, so a retry or a resumed job converges on the same VM. The resource group and the region's network
 * are skipped once the portal has recorded them as created.
 */
export const createVmJob = defineJob({
  kind: kinds.vm.create,
  async run({ vmId, passwordSecretId }, op) {
    const { vm, resourceGroup, azureSubscriptionId } = await loadVmForJob(vmId);
    await op.plan(operationKinds[kinds.vm.create].steps); // written when queued: nothing to write here
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);
    const network = await db.virtualNetwork.findUniqueOrThrow({
      where: { tenantSubscriptionId_name: { tenantSubscriptionId: vm.tenantSubscriptionId, name: vm.networkName } },
    });
    const tenant = { id: vm.tenantId, slug: vm.tenantSubscription.tenant.slug };
    const owner = { tenant, plan: vm.tenantSubscription.planId, operationId: op.operationId };
    const vnetSpec = {
      resourceGroup,
      name: network.name,
      location: network.region,
      addressSpace: [network.addressSpace],
      subnets: network.subnets as { name: string; prefix: string }[],
    };

    // The first create of a network provisions it (resource group + vnet); the others wait for it.
    const claim = await op.step("Ensure resource group", async () => {
      const { state } = await claimNetwork(network.id, op.operationId);
      if (state === "mine") {
        await ensureResourceGroup(access, resourceGroup, vm.tenantSubscription.location, portalTags(owner));
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
    const vnet = vnetSent
      ? await arm.wait("Wait for virtual network", vnetSent)
      : await arm.lro("Wait for virtual network", (looks) =>
          networkOfOtherOperation(network.id, op.operationId, looks, () => ensureVirtualNetwork(access, vnetSpec)),
        );
    if (!vnet.fromPortal) await releaseNetwork(network.id, vnet.id);
    const subnetId = vnet.subnets.find((s) => s.name === vm.subnetName)?.id ?? `${vnet.id}/subnets/${vm.subnetName}`;

    // The PUT is sent once; its continuation (names only) is what "Wait for provisioning" polls, even after a crash.
    // `null`: a PUT sent by an earlier run that was killed before storing its continuation (followed by reading the VM).
    const started = await arm.send("Create VM", async (): Promise<LroProgress<VmInfo | null>> => {
      const password = passwordSecretId ? await openSealed(passwordSecretId) : null;
      if (passwordSecretId && !password) {
        // An earlier run sent the PUT, got Azure's answer and discarded the password, and was killed before it stored
        // the answer (npm run chaos aims at this): Azure has the VM, so it is followed like a PUT found in flight.
        if (await findVm(access, resourceGroup, vm.name)) {
          op.note("Azure already has this VM (sent by an earlier run)");
          return { done: true, result: null };
        }
        throw new Error(
          "The administrator password is no longer available (it expires after 24 hours); create the VM again.",
        );
      }
      // Recorded before the PUT: whatever happens next, a delete knows that the VM's NIC and address go with it.
      await db.virtualMachine.update({ where: { id: vm.id }, data: { networkManagedByVm: true } });
      const tags = portalTags({ ...owner, extra: { [PORTAL_EXTRA_TAG.vm]: vm.id } });
      try {
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
          managedNic: {
            name: nicName(vm.name),
            subnetId,
            publicIpName: vm.hasPublicIp ? publicIpName(vm.name) : undefined,
            tags,
          },
          dataDisks: vm.dataDisks as { lun: number; sizeGb: number }[],
          tags,
        });
        await discardSealed(passwordSecretId);
        return progress;
      } catch (error) {
        if (!isOperationInProgress(error)) throw error;
        op.note("Azure was already creating this VM (sent by an earlier run)");
        await discardSealed(passwordSecretId);
        return { done: true, result: null };
      }
    });
    const info =
      started.done && started.result === null
        ? await arm.lro("Wait for provisioning", () => followCreate(access, resourceGroup, vm.name))
        : await arm.wait("Wait for provisioning", started as Sent<VmInfo>);
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

    // Azure's answers about the VM carry no addresses: they are read from one list of the resource group's NICs and
    // public IPs, which serves every VM of a bulk finishing about now (no read per VM). A failed read leaves them to
    // the next inventory sync rather than failing a VM that exists.
    await op.step("Read IP addresses", async () => {
      const isKnown = async () => {
        const known = await db.virtualMachine.findUniqueOrThrow({
          where: { id: vm.id },
          select: { privateIp: true, publicIp: true },
        });
        return !!known.privateIp && (!vm.hasPublicIp || !!known.publicIp);
      };
      try {
        // Joining another VM's read: that list may predate this VM's NIC, so look again (and read if still missing).
        for (let tries = 0; tries < 3; tries++) {
          if (await isKnown()) return op.note("Read with another VM's addresses");
          const read = await readAddressesOnce(vm.tenantSubscriptionId, () =>
            listNetworkAddresses(access, resourceGroup),
          );
          if (!read.joined) {
            const n = read.recorded;
            return op.note(
              `Addresses of ${n} VM${n === 1 ? "" : "s"} read from the resource group's NICs and public IPs`,
            );
          }
        }
        op.note(
          (await isKnown())
            ? "Read with another VM's addresses"
            : "Not in other VMs' reads of the addresses; the next inventory sync reads them",
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        op.note(`Not read (${reason}); the next inventory sync reads them`);
      }
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
