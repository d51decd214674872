import { randomUUID } from "node:crypto";
import type { Reply, RequestContext } from "../../core/plugin.js";
import { DURATIONS, NS, VM_TYPE } from "./constants.js";
import { assertNicsUsable, nicRefs } from "./network-refs.js";
import { storedOsProfile } from "./os-profile.js";
import { buildStorageProfile } from "./storage-profile.js";
import { groupIdOf, regionalCores, requireSubscription, vmIdOf } from "./vm-common.js";
import type { VmInternal } from "./vm-state.js";
import { checkOsProfile, requireImage, requireLocation, requirePlan, requireSize } from "./vm-validate.js";
import { missingParameter } from "./errors.js";
import { createManagedNetwork } from "./managed-network.js";
import { checkPlacement } from "./placement.js";

/** NICs described by networkInterfaceConfigurations (created with the VM) rather than referenced by id. */
const isManagedNetwork = (profile: Record<string, unknown>) =>
  Array.isArray(profile.networkInterfaceConfigurations) &&
  profile.networkInterfaceConfigurations.length > 0 &&
  !(Array.isArray(profile.networkInterfaces) && profile.networkInterfaces.length > 0);

/** PUT of a new VM: validates like Azure (location, size, image, NICs, osProfile, disks, quota), then a ~60 s create LRO. */
export function createVm(ctx: RequestContext): Reply {
  const vmId = vmIdOf(ctx);
  const sub = requireSubscription(ctx);
  const props = (ctx.body.properties ?? {}) as Record<string, unknown> & { storageProfile?: Record<string, unknown> };
  const location = requireLocation(ctx.body.location);
  const size = requireSize(
    (props.hardwareProfile as { vmSize?: unknown } | undefined)?.vmSize,
    location,
    vmId,
    sub.subscriptionId,
  );
  const { image, version } = requireImage(props.storageProfile, location, {
    store: ctx.store,
    size,
    securityProfile: props.securityProfile as Record<string, unknown> | undefined,
  });
  const networkProfile = props.networkProfile as Record<string, unknown> | undefined;
  if (!networkProfile) throw missingParameter("networkProfile");
  const managed = isManagedNetwork(networkProfile);
  let nics = managed ? [] : nicRefs(networkProfile);
  if (!managed && !nics.length) throw missingParameter("networkProfile.networkInterfaces");
  if (!managed) assertNicsUsable(ctx.store, nics, vmId, location);
  const hasOsProfile = checkOsProfile(props.osProfile as Record<string, unknown> | undefined, image);
  const storageProfile = buildStorageProfile({
    store: ctx.store,
    vmId,
    vmName: ctx.params.vmName,
    groupId: groupIdOf(ctx),
    location,
    size,
    image,
    version,
    requested: props.storageProfile ?? {},
  });
  requirePlan(ctx.body.plan, image, vmId, String((storageProfile.osDisk as { name?: unknown }).name));
  const placement = checkPlacement({ store: ctx.store, vmId, location, size, zones: ctx.body.zones, props });
  if (!placement.isReserved)
    ctx.quota.assertCores({
      subscription: sub,
      location,
      currentUsage: regionalCores(ctx, location),
      additional: size.numberOfCores,
    });
  if (managed) nics = createManagedNetwork(ctx, { groupId: groupIdOf(ctx), vmId, location, networkProfile });

  const now = ctx.clock.iso();
  const body = {
    name: ctx.params.vmName,
    type: VM_TYPE,
    location,
    tags: ctx.body.tags ?? {},
    etag: ctx.etag.next(),
    ...(ctx.body.zones ? { zones: ctx.body.zones } : {}),
    ...(ctx.body.identity ? { identity: ctx.body.identity } : {}),
    ...(ctx.body.plan ? { plan: ctx.body.plan } : {}),
    properties: {
      vmId: randomUUID(),
      hardwareProfile: { vmSize: size.name },
      storageProfile,
      ...(hasOsProfile ? { osProfile: storedOsProfile(props.osProfile as Record<string, unknown>, image.osType) } : {}),
      networkProfile: {
        ...(managed
          ? {
              networkApiVersion: networkProfile.networkApiVersion,
              networkInterfaceConfigurations: networkProfile.networkInterfaceConfigurations,
            }
          : {}),
        networkInterfaces: nics.map((n) => ({
          id: n.id,
          properties: { ...(n.primary === undefined ? {} : { primary: n.primary }), deleteOption: n.deleteOption },
        })),
      },
      ...(props.diagnosticsProfile ? { diagnosticsProfile: props.diagnosticsProfile } : {}),
      ...(props.licenseType ? { licenseType: props.licenseType } : {}),
      ...(props.securityProfile ? { securityProfile: props.securityProfile } : {}),
      ...placement.properties,
      provisioningState: "Creating",
      timeCreated: now,
    },
  };
  const internal: VmInternal = {
    powerState: "starting",
    osType: image.osType,
    osName: image.osName,
    hyperVGeneration: image.hyperVGeneration,
    changedAt: now,
  };
  ctx.store.putResource(vmId, body, { ...internal });
  const op = ctx.lro.begin({
    resourceId: vmId,
    kind: "create",
    durationSeconds: DURATIONS.create,
    apiVersion: ctx.apiVersion,
    namespace: NS,
    location,
    effects: [{ name: "compute.vmProvisioned", args: { vmId } }],
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 201, body: ctx.store.getResource(vmId)!.body });
}
