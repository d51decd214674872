import type { EffectHandler } from "../../core/lro.js";
import type { Store } from "../../core/store.js";
import type { JsonBody } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { diskBody, diskOrigin, disksOwnedBy, setDiskOwner } from "./disk-model.js";
import { deleteNic, linkNic, nicRefs, setDynamicAddresses } from "./network-refs.js";
import { isAllocated, setVm, vmInternal, vmProps, type PowerState } from "./vm-state.js";

/**
 * LRO completion effects, registered by name so an operation in flight survives a restart. Each one re-reads
 * the VM and tolerates it having been deleted meanwhile.
 */
function managedDisks(vm: StoredResource): JsonBody[] {
  const sp = (vmProps(vm).storageProfile ?? {}) as JsonBody;
  return [sp.osDisk, ...((sp.dataDisks ?? []) as JsonBody[])].filter(Boolean) as JsonBody[];
}

/** Creates the disks the VM's storageProfile names but that do not exist yet, and detaches those it no longer lists. */
function syncDisks(store: Store, vm: StoredResource, at: string): void {
  const sp = (vmProps(vm).storageProfile ?? {}) as JsonBody;
  const allocated = isAllocated(vmInternal(vm).powerState);
  const wanted = new Set<string>();
  for (const d of managedDisks(vm)) {
    const id = String(d.managedDisk?.id ?? "");
    if (!id) continue;
    wanted.add(id.toLowerCase());
    if (store.getResource(id)) {
      setDiskOwner(store, id, vm.id, allocated);
      continue;
    }
    const isOs = d === sp.osDisk;
    store.putResource(
      id,
      diskBody({
        id,
        name: String(d.name),
        location: String(vm.body.location),
        sku: String(d.managedDisk?.storageAccountType),
        sizeGB: Number(d.diskSizeGB),
        vmId: vm.id,
        createdAt: at,
        ...diskOrigin(vm, d, isOs),
        osType: isOs ? String(d.osType) : undefined,
        hyperVGeneration: isOs ? vmInternal(vm).hyperVGeneration : undefined,
      }),
    );
    if (!allocated) setDiskOwner(store, id, vm.id, false);
  }
  for (const d of disksOwnedBy(store, vm.id)) if (!wanted.has(d.id.toLowerCase())) setDiskOwner(store, d.id, undefined);
}

const vmOf = (store: Store, args: Record<string, unknown>) => store.getResource(String(args.vmId));

/** Create or update finished: disks exist, NICs point at the VM, a (re)starting VM is running with its dynamic IPs. */
const provisioned: EffectHandler = ({ store, clock }, args) => {
  const vm = vmOf(store, args);
  if (!vm) return;
  const at = clock.iso();
  const power = vmInternal(vm).powerState === "starting" ? "running" : vmInternal(vm).powerState;
  setVm(store, vm, { internal: { powerState: power, changedAt: at } });
  const current = store.getResource(vm.id)!;
  syncDisks(store, current, at);
  const nics = nicRefs(vmProps(current).networkProfile).map((n) => n.id);
  for (const nic of nics) linkNic(store, nic, current.id);
  for (const old of (args.detachedNics as string[] | undefined) ?? []) linkNic(store, old, undefined);
  if (isAllocated(power)) setDynamicAddresses(store, nics, true);
};

/** An action (start, powerOff, restart, deallocate) finished: final power state, provisioning back to Succeeded. */
const powerState: EffectHandler = ({ store, clock }, args) => {
  const vm = vmOf(store, args);
  if (!vm) return;
  const state = args.state as PowerState;
  setVm(store, vm, {
    properties: { provisioningState: "Succeeded" },
    internal: { powerState: state, changedAt: clock.iso() },
  });
  const nics = nicRefs(vmProps(vm).networkProfile).map((n) => n.id);
  setDynamicAddresses(store, nics, isAllocated(state));
  for (const d of managedDisks(vm))
    if (d.managedDisk?.id) setDiskOwner(store, String(d.managedDisk.id), vm.id, isAllocated(state));
};

/** VM delete finished (runs before the VM record is removed): honour each disk's and NIC's deleteOption. */
const deleted: EffectHandler = ({ store }, args) => {
  const vm = vmOf(store, args);
  if (!vm) return;
  for (const d of managedDisks(vm)) {
    const id = d.managedDisk?.id ? String(d.managedDisk.id) : undefined;
    if (!id) continue;
    if (d.deleteOption === "Delete") store.deleteTree(id);
    else setDiskOwner(store, id, undefined);
  }
  for (const nic of nicRefs(vmProps(vm).networkProfile)) {
    setDynamicAddresses(store, [nic.id], false);
    if (nic.deleteOption === "Delete") deleteNic(store, nic.id);
    else linkNic(store, nic.id, undefined);
  }
};

export const COMPUTE_EFFECTS: Record<string, EffectHandler> = {
  "compute.vmProvisioned": provisioned,
  "compute.vmPowerState": powerState,
  "compute.vmDeleted": deleted,
};
