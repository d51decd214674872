import { randomInt } from "node:crypto";
import { ArmError } from "../../core/errors.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import type { JsonBody } from "../../core/plugin.js";
import { NIC_TYPE, PIP_TYPE } from "./constants.js";

/**
 * The Compute RP's view of Network resources, read straight from the shared store (the Network RP owns
 * them): NIC ids a VM references, the NIC's `virtualMachine` link and the public IPs behind its ipConfigurations.
 */
export interface NicRef {
  id: string;
  deleteOption: "Delete" | "Detach";
  primary?: boolean;
}

type Props = JsonBody & { ipConfigurations?: { id?: string; properties?: JsonBody }[] };
const propsOf = (r: StoredResource) => (r.body.properties ?? {}) as Props;

export function nicRefs(networkProfile: JsonBody | undefined): NicRef[] {
  const list = (networkProfile?.networkInterfaces ?? []) as JsonBody[];
  return list.map((n) => ({
    id: String(n.id ?? ""),
    deleteOption: (n.properties?.deleteOption ?? n.deleteOption) === "Delete" ? "Delete" : "Detach",
    primary: n.properties?.primary ?? n.primary,
  }));
}

/** Checks each NIC exists, is in the VM's region and is not attached to another VM (messages unconfirmed for Compute). */
export function assertNicsUsable(store: Store, refs: NicRef[], vmId: string, location: string): void {
  const seen = new Set<string>();
  for (const ref of refs) {
    const nic = ref.id ? store.getResource(ref.id) : undefined;
    if (!nic || nic.type !== NIC_TYPE.toLowerCase() || String(nic.body.location).toLowerCase() !== location) {
      throw new ArmError(
        400,
        "InvalidResourceReference",
        `Resource ${ref.id} referenced by resource ${vmId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
      );
    }
    if (seen.has(nic.id.toLowerCase()))
      throw new ArmError(
        400,
        "InvalidParameter",
        `Network interface ${nic.id} is referenced more than once.`,
        undefined,
        { target: "networkInterfaces" },
      );
    seen.add(nic.id.toLowerCase());
    const owner = (propsOf(nic).virtualMachine as { id?: string } | undefined)?.id;
    if (owner && owner.toLowerCase() !== vmId.toLowerCase()) {
      throw new ArmError(
        400,
        "NicInUse",
        `Network Interface ${nic.id} is used by existing resource ${owner}. In order to attach it to ${vmId}, it must be dissociated from the resource.`,
      );
    }
  }
  if (refs.length > 1 && refs.filter((r) => r.primary).length !== 1) {
    throw new ArmError(
      400,
      "InvalidParameter",
      "Virtual Machine must have exactly one primary network interface when it has more than one.",
      undefined,
      { target: "networkInterfaces" },
    );
  }
}

export function linkNic(store: Store, nicId: string, vmId: string | undefined): void {
  const nic = store.getResource(nicId);
  if (!nic) return;
  const props = { ...propsOf(nic) };
  if (vmId) props.virtualMachine = { id: vmId };
  else delete props.virtualMachine;
  store.putResource(nic.id, { ...nic.body, properties: props }, nic.internal);
}

function publicIpsOf(store: Store, nic: StoredResource): { pip: StoredResource; deleteOption?: string }[] {
  const out: { pip: StoredResource; deleteOption?: string }[] = [];
  for (const cfg of propsOf(nic).ipConfigurations ?? []) {
    const ref = cfg.properties?.publicIPAddress as JsonBody | undefined;
    const pip = ref?.id ? store.getResource(String(ref.id)) : undefined;
    if (pip && pip.type === PIP_TYPE.toLowerCase())
      out.push({
        pip,
        deleteOption:
          ref?.properties?.deleteOption ?? ref?.deleteOption ?? (pip.body.properties as JsonBody)?.deleteOption,
      });
  }
  return out;
}

function newPublicAddress(store: Store): string {
  const taken = new Set(
    store
      .listResources({ type: PIP_TYPE })
      .map((r) => String((r.body.properties as JsonBody | undefined)?.ipAddress ?? "")),
  );
  for (;;) {
    const candidate = `20.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Dynamic public IPs get an address when the VM is allocated and lose it when deallocated; Static ones keep theirs. */
export function setDynamicAddresses(store: Store, nicIds: string[], allocate: boolean): void {
  for (const nicId of nicIds) {
    const nic = store.getResource(nicId);
    if (!nic) continue;
    for (const { pip } of publicIpsOf(store, nic)) {
      const props = (pip.body.properties ?? {}) as JsonBody;
      if (props.publicIPAllocationMethod === "Static") continue;
      if (allocate && props.ipAddress) continue;
      const next = { ...props };
      if (allocate) next.ipAddress = newPublicAddress(store);
      else delete next.ipAddress;
      store.putResource(pip.id, { ...pip.body, properties: next }, pip.internal);
    }
  }
}

/** Deletes a NIC the VM owned (deleteOption Delete), releasing its public IPs or deleting those marked Delete. */
export function deleteNic(store: Store, nicId: string): void {
  const nic = store.getResource(nicId);
  if (!nic) return;
  for (const { pip, deleteOption } of publicIpsOf(store, nic)) {
    if (deleteOption === "Delete") {
      store.deleteTree(pip.id);
      continue;
    }
    const props = { ...((pip.body.properties ?? {}) as JsonBody) };
    delete props.ipConfiguration;
    if (props.publicIPAllocationMethod !== "Static") delete props.ipAddress;
    store.putResource(pip.id, { ...pip.body, properties: props }, pip.internal);
  }
  store.deleteTree(nic.id);
}
