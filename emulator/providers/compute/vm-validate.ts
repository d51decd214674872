import { ArmError, invalidPropertyType } from "../../core/errors.js";
import { normalizeLocation, REGION_NAMES } from "../../core/locations.js";
import type { JsonBody } from "../../core/plugin.js";
import { VM_TYPE } from "./constants.js";
import { invalidParameter, missingParameter } from "./errors.js";
import { findImage, resolveVersion, type PlatformImage } from "./images.js";
import { findSize, isOffered, isRestricted, sizesIn, type VmSize } from "./sizes.js";
import { findSourceImage, type SourceImage } from "./image-sources.js";
import { checkSecurityType } from "./confidential.js";
import { validateOsProfile } from "./os-profile.js";
import type { Store } from "../../core/store.js";

/** Create-time checks in the order Azure applies them: location, size, image. */
export function requireLocation(location: unknown): string {
  if (!location) throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  const loc = normalizeLocation(location);
  if (!loc) {
    throw new ArmError(
      400,
      "LocationNotAvailableForResourceType",
      `The provided location '${String(location)}' is not available for resource type '${VM_TYPE}'. List of available regions for the resource type is '${REGION_NAMES.join(",")}'.`,
    );
  }
  return loc;
}

/** A size unknown in the region is a 400 (wording unconfirmed); a size restricted for the subscription is Azure's 409 SkuNotAvailable. */
export function requireSize(name: unknown, location: string, vmId: string, subscriptionId: string): VmSize {
  if (name === undefined || name === null || name === "") throw missingParameter("hardwareProfile.vmSize");
  const size = findSize(name);
  if (!size || !isOffered(size, location)) {
    throw invalidParameter(
      "vmSize",
      `The requested VM size ${String(name)} is not available in the current region. The sizes available in the current region are: ${sizesIn(
        location,
      )
        .map((s) => s.name)
        .join(",")}. Find out more on the available VM sizes in each region at https://aka.ms/azure-regions.`,
    );
  }
  if (isRestricted(size, location)) {
    throw new ArmError(
      409,
      "SkuNotAvailable",
      `The requested size for resource '${vmId}' is currently not available in location '${location}' zones '' for subscription '${subscriptionId}'. Please try another size or deploy to a different location or zones. See https://aka.ms/azureskunotavailable for details.`,
    );
  }
  return size;
}

/**
 * An image the reference names by id (a custom image or a gallery image version) or by a shared or community
 * gallery id, when the caller cannot look registered images up: it is never there. Azure's ImageNotFound as public
 * error reports word it (status unconfirmed), instead of reading the reference as a platform image with no publisher.
 */
function refuseNonPlatformImage(ref: JsonBody, location: string | undefined): void {
  const id = ref.id ?? ref.sharedGalleryImageId ?? ref.communityGalleryImageId;
  if (typeof id !== "string" || !id) return;
  throw new ArmError(
    404,
    "ImageNotFound",
    `The Image '${id}' cannot be found in '${location ?? ""}' region.`,
    undefined,
    { target: "imageReference" },
  );
}

/** What a create needs to resolve custom, gallery and VHD images and check the security type against them. */
export interface ImageContext {
  store: Store;
  size: VmSize;
  securityProfile?: JsonBody;
}

/**
 * The image a VM is created from: a marketplace image from the catalogue, or (with `sources`) a registered custom
 * image, gallery or community gallery image version, or a generalized VHD (image-sources.ts); then the security type
 * against the size and image (confidential.ts).
 */
export function requireImage(
  storageProfile: JsonBody | undefined,
  location?: string,
  sources?: ImageContext,
): { image: PlatformImage | SourceImage; version: string } {
  const found = requireAnyImage(storageProfile, location, sources);
  if (sources)
    checkSecurityType({
      securityProfile: sources.securityProfile,
      size: sources.size,
      storageProfile,
      hyperVGeneration: found.image.hyperVGeneration,
    });
  return found;
}

function requireAnyImage(
  storageProfile: JsonBody | undefined,
  location?: string,
  sources?: ImageContext,
): { image: PlatformImage | SourceImage; version: string } {
  const source = sources && location ? findSourceImage(sources.store, storageProfile ?? {}, location) : undefined;
  if (source) return { image: source, version: "" };
  const ref = storageProfile?.imageReference as JsonBody | undefined;
  if (!ref) throw missingParameter("imageReference");
  refuseNonPlatformImage(ref, location);
  for (const part of ["publisher", "offer", "sku"] as const)
    if (!ref.id && typeof ref[part] !== "string") throw missingParameter(`imageReference.${part}`);
  const image = findImage(ref.publisher, ref.offer, ref.sku);
  const version = image && resolveVersion(image, ref.version);
  if (!image || !version) {
    const urn = [ref.publisher, ref.offer, ref.sku, ref.version ?? "latest"].map(String).join(":");
    throw new ArmError(
      404,
      "PlatformImageNotFound",
      `The platform image '${urn}' is not available. Verify that all fields in the storage profile are correct. For more details about storage profile information, please refer to https://aka.ms/storageprofile`,
      undefined,
      { target: "imageReference" },
    );
  }
  return { image, version };
}

/**
 * The osProfile against the image's state. Learn, azure-compute-gallery ("Generalized and specialized images"): "VMs
 * created from specialized images don't have an `osProfile` associated with them" (they keep the source VM's computer
 * name and accounts); Azure refuses one with 400 InvalidParameter "Parameter 'osProfile' is not allowed." (as public
 * reports quote it: Azure/azure-sdk-for-java#11912 for a gallery image version, Azure/RDS-Templates#580 for a custom
 * image; the target is unconfirmed). A generalized image needs one (validateOsProfile). Returns whether the VM has one.
 */
export function checkOsProfile(
  os: JsonBody | undefined | null,
  image: { osType: "Windows" | "Linux"; osState?: string },
) {
  if (image.osState === "Specialized") {
    if (os !== undefined && os !== null) throw invalidParameter("osProfile", "Parameter 'osProfile' is not allowed.");
    return false;
  }
  validateOsProfile(os ?? undefined, image.osType);
  return true;
}

/**
 * The purchase plan against the image's (Azure's VMMarketplaceInvalidInput, 400): an image with terms needs its plan
 * named, an image without one refuses a plan, and a plan naming another image does not match. Accepting the terms
 * (Microsoft.MarketplaceOrdering) is not modelled: a plan that matches is taken as accepted.
 */
export function requirePlan(plan: unknown, image: Pick<PlatformImage, "plan">, vmId: string, osDiskName: string): void {
  const given = plan as { publisher?: unknown; product?: unknown; name?: unknown } | undefined | null;
  const refuse = (message: string) => new ArmError(400, "VMMarketplaceInvalidInput", message);
  if (!image.plan) {
    if (given)
      throw refuse(
        `Creating a virtual machine from a non Marketplace image does not need Plan information, please remove the Plan information in the request. OS disk name is ${osDiskName}.`,
      );
    return;
  }
  if (!given)
    throw refuse(
      `Creating a virtual machine from Marketplace image or a custom image sourced from a Marketplace image requires Plan information in the request. VM: '${vmId}'.`,
    );
  const same = (a: unknown, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();
  if (
    !same(given.publisher, image.plan.publisher) ||
    !same(given.product, image.plan.product) ||
    !same(given.name, image.plan.name)
  )
    throw refuse(
      `The purchase information does not match. Unable to deploy from the Marketplace image. OS disk name is ${osDiskName}.`,
    );
}

const stringAt = (value: unknown, path: string) => {
  if (value !== undefined && value !== null && typeof value !== "string")
    throw invalidPropertyType(path, value, "System.String");
};

/**
 * Types the vendored ComputeRP extract cannot check before the handlers read them: the size (its enum,
 * VirtualMachineSizeTypes, is not vendored) and the ids of referenced resources (SubResource lives in compute's own
 * common-types, not vendored). Azure's deserializer refuses them the same way: 400 InvalidRequestContent with the path.
 */
export function assertReferenceTypes(body: JsonBody): void {
  const props = (body.properties ?? {}) as JsonBody;
  stringAt(props.hardwareProfile?.vmSize, "properties.hardwareProfile.vmSize");
  const network = (props.networkProfile ?? {}) as JsonBody;
  ((Array.isArray(network.networkInterfaces) ? network.networkInterfaces : []) as JsonBody[]).forEach((n, i) =>
    stringAt(n?.id, `properties.networkProfile.networkInterfaces[${i}].id`),
  );
  const configs = (
    Array.isArray(network.networkInterfaceConfigurations) ? network.networkInterfaceConfigurations : []
  ) as JsonBody[];
  configs.forEach((c, i) => {
    const ipConfigs = (
      Array.isArray(c?.properties?.ipConfigurations) ? c.properties.ipConfigurations : []
    ) as JsonBody[];
    ipConfigs.forEach((ip, j) =>
      stringAt(
        ip?.properties?.subnet?.id,
        `properties.networkProfile.networkInterfaceConfigurations[${i}].properties.ipConfigurations[${j}].properties.subnet.id`,
      ),
    );
  });
}
