import { ArmError } from "../../core/errors.js";
import type { JsonBody, Reply, RequestContext } from "../../core/plugin.js";
import type { StoredResource } from "../../core/state.js";
import { DURATIONS, NS } from "./constants.js";
import { operationNotAllowed, propertyChangeNotAllowed } from "./errors.js";
import { findImage } from "./images.js";
import { assertNicsUsable, nicRefs } from "./network-refs.js";
import { reservedAfterResize, scaleSetAfterUpdate } from "./placement-update.js";
import { findSize, sizesIn, type VmSize } from "./sizes.js";
import { buildStorageProfile } from "./storage-profile.js";
import { assertNoOperation, groupIdOf, regionalCores, requireSubscription } from "./vm-common.js";
import { isAllocated, vmInternal, vmProps, vmSizeName } from "./vm-state.js";
import { requireSize } from "./vm-validate.js";

/** Sizes a VM may move to without deallocation: its hardware cluster (resize-vm.md); any regional size once deallocated. */
export function resizeTargets(vm: StoredResource): VmSize[] {
  const location = String(vm.body.location);
  const current = findSize(vmSizeName(vm));
  if (!isAllocated(vmInternal(vm).powerState) || !current) return sizesIn(location);
  return sizesIn(location).filter((s) => s.cluster === current.cluster);
}

function assertImmutable(old: JsonBody, next: JsonBody | undefined): void {
  if (!next) return;
  for (const key of ["computerName", "adminUsername"]) {
    if (next[key] !== undefined && next[key] !== old[key]) throw propertyChangeNotAllowed(`osProfile.${key}`);
  }
}

function checkResize(ctx: RequestContext, vm: StoredResource, requested: string): VmSize {
  const location = String(vm.body.location);
  const size = requireSize(requested, location, vm.id, ctx.params.subscriptionId);
  const allowed = resizeTargets(vm);
  if (!allowed.some((s) => s.name === size.name)) {
    throw operationNotAllowed(
      `Unable to resize the VM '${String(vm.body.name)}' because the requested size ${size.name} is not available in the current hardware cluster. The available sizes in this cluster are: ${allowed.map((s) => s.name).join(",")}. Read more on VM resizing strategy at https://aka.ms/azure-resizevm.`,
      "vmSize",
    );
  }
  const isReserved = reservedAfterResize(ctx.store, vm, size);
  const current = findSize(vmSizeName(vm));
  const added = size.numberOfCores - (current?.numberOfCores ?? 0);
  if (added > 0 && !isReserved) {
    ctx.quota.assertCores({
      subscription: requireSubscription(ctx),
      location,
      currentUsage: regionalCores(ctx, location),
      additional: added,
    });
  }
  return size;
}

/** The tags a PUT or PATCH leaves: the ones sent (a PATCH's null tag value removes that tag), else the old ones. */
function tagsAfter(sent: unknown, old: unknown): unknown {
  if (!sent || typeof sent !== "object") return old;
  return Object.fromEntries(Object.entries(sent as Record<string, unknown>).filter(([, v]) => v !== null));
}

/**
 * PUT on an existing VM or PATCH: tags, resize (within a capacity reservation group's sizes), data disks, NICs
 * (deallocated only), attach to or detach from a Flexible scale set; osProfile and image are fixed.
 */
export function updateVm(ctx: RequestContext, vm: StoredResource): Reply {
  assertNoOperation(ctx, vm, "update");
  const old = vmProps(vm);
  const req = (ctx.body.properties ?? {}) as JsonBody;
  if (
    ctx.method === "PUT" &&
    ctx.body.location &&
    String(ctx.body.location).replace(/\s+/g, "").toLowerCase() !== String(vm.body.location)
  ) {
    throw new ArmError(
      409,
      "InvalidResourceLocation",
      `The resource '${String(vm.body.name)}' already exists in location '${String(vm.body.location)}' in resource group '${ctx.params.resourceGroupName}'. A resource with the same name cannot be created in location '${String(ctx.body.location)}'. Please select a new resource name.`,
    );
  }
  assertImmutable(old.osProfile ?? {}, req.osProfile);
  const oldRef = (old.storageProfile.imageReference ?? {}) as JsonBody; // none for a VM made from a VHD
  const newRef = req.storageProfile?.imageReference as JsonBody | undefined;
  if (
    newRef &&
    ["publisher", "offer", "sku"].some(
      (k) => newRef[k] !== undefined && String(newRef[k]).toLowerCase() !== String(oldRef[k]).toLowerCase(),
    )
  ) {
    throw propertyChangeNotAllowed("imageReference");
  }
  const scaleSet = scaleSetAfterUpdate(ctx.store, vm, req);
  const requestedSize = req.hardwareProfile?.vmSize as string | undefined;
  const resized = !!requestedSize && requestedSize.toLowerCase() !== vmSizeName(vm).toLowerCase();
  const size = resized ? checkResize(ctx, vm, requestedSize) : findSize(vmSizeName(vm))!;
  const image = findImage(oldRef.publisher, oldRef.offer, oldRef.sku)!;
  const storageProfile = buildStorageProfile({
    store: ctx.store,
    vmId: vm.id,
    vmName: String(vm.body.name),
    groupId: groupIdOf(ctx),
    location: String(vm.body.location),
    size,
    image,
    version: String(oldRef.exactVersion),
    requested: req.storageProfile ?? {},
    existing: old.storageProfile,
  });
  let networkProfile = old.networkProfile;
  const detachedNics: string[] = [];
  if (req.networkProfile?.networkInterfaces) {
    const next = nicRefs(req.networkProfile);
    const before = nicRefs(old.networkProfile);
    const key = (ids: { id: string }[]) =>
      ids
        .map((n) => n.id.toLowerCase())
        .sort()
        .join("|");
    if (key(next) !== key(before)) {
      if (isAllocated(vmInternal(vm).powerState))
        throw operationNotAllowed(
          `Virtual machine '${String(vm.body.name)}' must be deallocated before network interfaces can be added or removed.`,
          "networkInterfaces",
        );
      assertNicsUsable(ctx.store, next, vm.id, String(vm.body.location));
      detachedNics.push(
        ...before.filter((b) => !next.some((n) => n.id.toLowerCase() === b.id.toLowerCase())).map((b) => b.id),
      );
    }
    networkProfile = {
      networkInterfaces: next.map((n) => ({
        id: n.id,
        properties: { ...(n.primary === undefined ? {} : { primary: n.primary }), deleteOption: n.deleteOption },
      })),
    };
  }
  const running = isAllocated(vmInternal(vm).powerState) && vmInternal(vm).powerState !== "stopped";
  const { virtualMachineScaleSet: _set, platformFaultDomain: _domain, ...unplaced } = old;
  const body = {
    ...vm.body,
    tags: tagsAfter(ctx.body.tags, vm.body.tags),
    etag: ctx.etag.next(),
    properties: {
      ...(scaleSet ? { ...unplaced, ...scaleSet } : old),
      ...(req.diagnosticsProfile ? { diagnosticsProfile: req.diagnosticsProfile } : {}),
      hardwareProfile: { ...old.hardwareProfile, vmSize: size.name },
      storageProfile,
      networkProfile,
    },
  };
  // A running VM restarts to change size (resize-vm.md).
  const internal = resized && running ? { ...vm.internal, powerState: "starting" } : vm.internal;
  ctx.store.putResource(vm.id, body, internal);
  const op = ctx.lro.begin({
    resourceId: vm.id,
    kind: "update",
    durationSeconds: resized && running ? DURATIONS.resize : DURATIONS.update,
    apiVersion: ctx.apiVersion,
    namespace: NS,
    location: String(vm.body.location),
    effects: [{ name: "compute.vmProvisioned", args: { vmId: vm.id, detachedNics } }],
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 200, body: ctx.store.getResource(vm.id)!.body });
}
