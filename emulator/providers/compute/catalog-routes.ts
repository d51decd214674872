import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import { REGION_NAMES } from "../../core/locations.js";
import { ArmError } from "../../core/errors.js";
import { PATHS, SKU_API_VERSIONS, VM_API_VERSIONS, VM_TYPE } from "./constants.js";
import { findImage, imageResourceId, offersOf, publishers, resolveVersion, skusOf } from "./images.js";
import { isRestricted, OS_DISK_SIZE_IN_MB, regionsOf, sizeBody, sizesIn, VM_SIZES, type VmSize } from "./sizes.js";
import { throttle } from "./throttle.js";
import { requireLocation } from "./vm-validate.js";
import { findSize } from "./sizes.js";
import { vmSizeName } from "./vm-state.js";

/** Read-only catalogue endpoints: regional VM sizes, resource SKUs, platform images and usages. */
const location = (ctx: RequestContext) => requireLocation(ctx.params.location);
const entry = (ctx: RequestContext, name: string, id: string) => ({ location: location(ctx), name, id });
const subImages = (ctx: RequestContext) =>
  `/Subscriptions/${ctx.params.subscriptionId}/Providers/Microsoft.Compute/Locations/${location(ctx)}/Publishers`;

function skuBody(s: VmSize, region: string) {
  const cap = (name: string, value: string | number) => ({ name, value: String(value) });
  return {
    resourceType: "virtualMachines",
    name: s.name,
    tier: "Standard",
    size: s.name.replace(/^Standard_/, ""),
    family: s.family,
    locations: [region],
    locationInfo: [{ location: region, zones: ["1", "2", "3"], zoneDetails: [] }],
    capabilities: [
      cap("MaxResourceVolumeMB", s.resourceDiskSizeInMB),
      cap("OSVhdSizeMB", OS_DISK_SIZE_IN_MB),
      cap("vCPUs", s.numberOfCores),
      cap("MemoryGB", s.memoryInMB / 1024),
      cap("MaxDataDiskCount", s.maxDataDiskCount),
      cap("HyperVGenerations", "V1,V2"),
      cap("PremiumIO", s.premiumIO ? "True" : "False"),
      cap("vCPUsAvailable", s.numberOfCores),
      cap("CpuArchitectureType", "x64"),
    ],
    restrictions: isRestricted(s, region)
      ? [
          {
            type: "Location",
            values: [region],
            restrictionInfo: { locations: [region] },
            reasonCode: "NotAvailableForSubscription",
          },
        ]
      : [],
  };
}

function listSkus(ctx: RequestContext) {
  const filter = /location\s+eq\s+'([^']+)'/i.exec(ctx.query.get("$filter") ?? "");
  const regions = filter ? [requireLocation(filter[1])] : REGION_NAMES;
  return ok(
    ctx.page(
      VM_SIZES.flatMap((s) =>
        regionsOf(s)
          .filter((r) => regions.includes(r))
          .map((r) => skuBody(s, r)),
      ),
    ),
  );
}

function usages(ctx: RequestContext) {
  const loc = location(ctx);
  const vms = ctx.store
    .listResources({ subscriptionId: ctx.params.subscriptionId, type: VM_TYPE })
    .filter((r) => String(r.body.location) === loc);
  const limit = ctx.quota.coreLimit(ctx.subscription!, loc);
  const coresOf = (pred: (s: VmSize) => boolean) =>
    vms.reduce((sum, r) => {
      const s = findSize(vmSizeName(r));
      return s && pred(s) ? sum + s.numberOfCores : sum;
    }, 0);
  const usage = (value: string, localizedValue: string, currentValue: number, max: number) => ({
    unit: "Count",
    currentValue,
    limit: max,
    name: { value, localizedValue },
  });
  const families = [...new Map(sizesIn(loc).map((s) => [s.family, s])).values()];
  return ok(
    ctx.page([
      usage("availabilitySets", "Availability Sets", 0, 2500),
      usage(
        "cores",
        "Total Regional vCPUs",
        coresOf(() => true),
        limit,
      ),
      usage("virtualMachines", "Virtual Machines", vms.length, 25000),
      usage("virtualMachineScaleSets", "Virtual Machine Scale Sets", 0, 2500),
      // Family quotas are not configurable in the emulator: each family may use the whole regional limit.
      ...families.map((f) =>
        usage(
          f.family,
          f.familyLabel,
          coresOf((s) => s.family === f.family),
          limit,
        ),
      ),
    ]),
  );
}

function version(ctx: RequestContext) {
  location(ctx);
  const image = findImage(ctx.params.publisherName, ctx.params.offer, ctx.params.skus);
  const v =
    image && ctx.params.version.toLowerCase() !== "latest" ? resolveVersion(image, ctx.params.version) : undefined;
  if (!image || !v) throw new ArmError(404, "NotFound", "Artifact: VMImage was not found.");
  return ok({
    ...entry(ctx, v, imageResourceId(ctx.params.subscriptionId, location(ctx), image, v)),
    properties: {
      ...(image.plan ? { plan: image.plan } : {}),
      hyperVGeneration: image.hyperVGeneration,
      architecture: "x64",
      osDiskImage: { operatingSystem: image.osType, sizeInGb: image.osDiskSizeGB },
      dataDiskImages: [],
      automaticOSUpgradeProperties: { automaticOSUpgradeSupported: image.osType === "Windows" },
      disallowed: { vmDiskType: "Unmanaged" },
      features: [{ name: "IsHibernateSupported", value: "True" }],
      imageDeprecationStatus: { imageState: "Active" },
    },
  });
}

const read = { apiVersions: VM_API_VERSIONS, operation: "read" as const, method: "GET" as const };
export const catalogRoutes: RouteDef[] = [
  {
    ...read,
    path: PATHS.locationSizes,
    resourceType: "Microsoft.Compute/locations/vmSizes",
    handler: (ctx) => (throttle(ctx, "lowCostGet"), ok({ value: sizesIn(location(ctx)).map(sizeBody) })),
  },
  { ...read, path: PATHS.usages, resourceType: "Microsoft.Compute/locations/usages", handler: usages },
  {
    ...read,
    apiVersions: SKU_API_VERSIONS,
    path: PATHS.skus,
    resourceType: "Microsoft.Compute/skus",
    handler: listSkus,
  },
  {
    ...read,
    path: PATHS.publishers,
    resourceType: "Microsoft.Compute/locations/publishers",
    handler: (ctx) => ok(publishers().map((p) => entry(ctx, p, `${subImages(ctx)}/${p}`))),
  },
  {
    ...read,
    path: PATHS.offers,
    resourceType: "Microsoft.Compute/locations/publishers",
    // The region is checked first, as for publishers: an unknown publisher in an unknown region is refused for the region.
    handler: (ctx) => {
      location(ctx);
      return ok(
        offersOf(ctx.params.publisherName).map((o) =>
          entry(ctx, o, `${subImages(ctx)}/${ctx.params.publisherName}/ArtifactTypes/VMImage/Offers/${o}`),
        ),
      );
    },
  },
  {
    ...read,
    path: PATHS.imageSkus,
    resourceType: "Microsoft.Compute/locations/publishers",
    handler: (ctx) => {
      const loc = location(ctx);
      return ok(
        skusOf(ctx.params.publisherName, ctx.params.offer).map((i) =>
          entry(ctx, i.sku, imageResourceId(ctx.params.subscriptionId, loc, i)),
        ),
      );
    },
  },
  {
    ...read,
    path: PATHS.versions,
    resourceType: "Microsoft.Compute/locations/publishers",
    handler: (ctx) => {
      const loc = location(ctx);
      const image = findImage(ctx.params.publisherName, ctx.params.offer, ctx.params.skus);
      const top = Number.parseInt(ctx.query.get("$top") ?? "", 10);
      let versions = image?.versions ?? [];
      if ((ctx.query.get("$orderby") ?? "").toLowerCase().includes("desc")) versions = [...versions].reverse();
      if (top > 0) versions = versions.slice(0, top);
      return ok(versions.map((v) => entry(ctx, v, imageResourceId(ctx.params.subscriptionId, loc, image!, v))));
    },
  },
  { ...read, path: PATHS.version, resourceType: "Microsoft.Compute/locations/publishers", handler: version },
];
