import type { Tx } from "@/lib/db/client";
import { publishEvent, publishEvents, type PortalEvent } from "./publish";

const vmFields = {
  id: true,
  tenantId: true,
  name: true,
  tenantSubscriptionId: true,
  region: true,
  size: true,
  powerState: true,
  provisioningState: true,
  azureResourceId: true,
} as const;

const resource = (id: string) => ({ type: "VirtualMachine", id });

/** vm.created, once the VM exists in Azure (in the transaction that marks it Succeeded). */
export async function publishVmCreated(tx: Tx, vmId: string) {
  const vm = await tx.virtualMachine.findUniqueOrThrow({ where: { id: vmId }, select: vmFields });
  await publishEvent(tx, {
    type: "vm.created",
    tenantId: vm.tenantId,
    resource: resource(vm.id),
    data: {
      vmId: vm.id,
      name: vm.name,
      tenantSubscriptionId: vm.tenantSubscriptionId,
      region: vm.region,
      size: vm.size,
      powerState: vm.powerState,
      azureResourceId: vm.azureResourceId,
    },
  });
}

/** vm.deleted: call before the row is deleted, in the same transaction. */
export async function publishVmDeleted(tx: Tx, vmId: string) {
  const vm = await tx.virtualMachine.findUnique({ where: { id: vmId }, select: vmFields });
  if (!vm) return;
  await publishEvent(tx, {
    type: "vm.deleted",
    tenantId: vm.tenantId,
    resource: resource(vm.id),
    data: { vmId: vm.id, name: vm.name, tenantSubscriptionId: vm.tenantSubscriptionId },
  });
}

/**
 * vm.state_changed for each VM whose power state now differs from `before` (read after the update, in its
 * transaction, so a VM the update skipped publishes nothing).
 */
export async function publishVmPowerChanges(
  tx: Tx,
  before: { id: string; powerState: string | null }[],
  source: "operation" | "sync",
) {
  if (before.length === 0) return;
  const previous = new Map(before.map((b) => [b.id, b.powerState]));
  const now = await tx.virtualMachine.findMany({ where: { id: { in: [...previous.keys()] } }, select: vmFields });
  const events: PortalEvent<"vm.state_changed">[] = now
    .filter((vm) => vm.powerState !== previous.get(vm.id))
    .map((vm) => ({
      type: "vm.state_changed",
      tenantId: vm.tenantId,
      resource: resource(vm.id),
      data: {
        vmId: vm.id,
        name: vm.name,
        tenantSubscriptionId: vm.tenantSubscriptionId,
        powerState: vm.powerState,
        previousPowerState: previous.get(vm.id) ?? null,
        provisioningState: vm.provisioningState,
        source,
      },
    }));
  await publishEvents(tx, events);
}
