import { ArmError } from "../../core/errors.js";
import { normalizeLocation } from "../../core/locations.js";
import type { JsonBody } from "../../core/plugin.js";
import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { findReferenced } from "../referenced.js";
import { missingParameter } from "./errors.js";
import type { PlatformImage } from "./images.js";

/**
 * What a VM's OS disk is made from when it is not a marketplace image: a custom image (Microsoft.Compute/images), a
 * gallery image version (by id, or the image definition's latest version), a community gallery image
 * (`/CommunityGalleries/{publicName}/Images/{image}/Versions/{version}`) or a generalized VHD in the user's storage
 * account (`osDisk.image.uri`). None of the first three is served by the emulator: their owners register them through
 * `POST /_emulator/resources/referenced` with the properties Azure's REST models give them (ComputeRP Image,
 * GalleryImage, GalleryImageVersion, Gallery.sharingProfile), and the VM is checked against them here.
 */
export interface SourceImage {
  osType: "Windows" | "Linux";
  hyperVGeneration: "V1" | "V2";
  /** The OS disk's size when the request does not give one; undefined when only the VHD itself knows it. */
  osDiskSizeGB?: number;
  osName: string;
  plan?: PlatformImage["plan"];
  /** storageProfile.imageReference as the VM reads it back; undefined for a VHD user image (Azure shows none). */
  reference?: JsonBody;
  /** Image features (gallery image definitions: SecurityType ConfidentialVmSupported …). */
  features?: { name: string; value: string }[];
  /** ImageOSDisk.osState or GalleryImage.osState; a specialized image takes no osProfile (vm-validate.ts). */
  osState?: "Generalized" | "Specialized";
}

/** Azure's reply for an image the VM's region cannot see (missing, or in another region): ImageNotFound. */
const imageNotFound = (id: string, location: string) =>
  new ArmError(404, "ImageNotFound", `The Image '${id}' cannot be found in '${location}' region.`, undefined, {
    target: "imageReference",
  });

const osTypeOf = (value: unknown): "Windows" | "Linux" =>
  String(value).toLowerCase() === "windows" ? "Windows" : "Linux";
const generationOf = (value: unknown): "V1" | "V2" => (String(value).toUpperCase() === "V2" ? "V2" : "V1");
const stateOf = (value: unknown): "Generalized" | "Specialized" =>
  String(value).toLowerCase() === "specialized" ? "Specialized" : "Generalized";
const props = (r: StoredResource) => (r.body.properties ?? {}) as JsonBody;
/**
 * The OS disk size when a registered image does not state one: what Azure's marketplace images give (127 GB Windows,
 * 30 GB Linux, as in the catalogue), since an image's owner always has one in Azure (the source disk's size).
 */
const defaultOsDiskSizeGB = (osType: "Windows" | "Linux") => (osType === "Windows" ? 127 : 30);

/**
 * A custom image is regional: a VM in another region cannot use it (Learn, "Create a legacy managed image of a
 * generalized VM in Azure": the image is created in the VM's region; copying it needs a gallery). Its OS disk
 * (ImageOSDisk: osType, osState, diskSizeGB) gives the VM's OS type and disk size, hyperVGeneration the generation.
 */
function customImage(store: Store, id: string, location: string): SourceImage {
  const image = findReferenced(store, id, "Microsoft.Compute/images");
  if (!image || image.body.location !== location) throw imageNotFound(id, location);
  const os = ((props(image).storageProfile as JsonBody | undefined)?.osDisk ?? {}) as JsonBody;
  const osType = osTypeOf(os.osType);
  return {
    osType,
    hyperVGeneration: generationOf(props(image).hyperVGeneration),
    osDiskSizeGB: typeof os.diskSizeGB === "number" ? os.diskSizeGB : defaultOsDiskSizeGB(osType),
    osName: osType,
    reference: { id },
    osState: stateOf(os.osState),
  };
}

/**
 * A gallery image version is usable in a region it is replicated to (publishingProfile.targetRegions): Learn,
 * "Troubleshoot shared image galleries" — a VM create whose image version is not found: "Verify that the region you
 * are trying to create a VM … in is included in the list of target regions of the image version".
 */
const replicatedTo = (version: StoredResource, location: string) =>
  (((props(version).publishingProfile as JsonBody | undefined)?.targetRegions ?? []) as JsonBody[]).some(
    (r) => normalizeLocation(r.name) === location,
  );

/**
 * "latest" is the highest version not excluded from latest (GalleryImageVersionPublishingProfile.excludeFromLatest)
 * that is replicated to the region, as Azure picks it for an image definition id.
 */
function latestVersion(store: Store, definitionId: string, location: string): StoredResource | undefined {
  const versions = store
    .listResources({ scope: definitionId, type: "Microsoft.Compute/galleries/images/versions" })
    .filter((v) => findReferenced(store, v.id, "Microsoft.Compute/galleries/images/versions"))
    .filter((v) => (props(v).publishingProfile as JsonBody | undefined)?.excludeFromLatest !== true)
    .filter((v) => replicatedTo(v, location));
  const key = (v: StoredResource) => String(v.body.name).split(".").map(Number);
  return versions.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  })[versions.length - 1];
}

function fromGallery(
  store: Store,
  definitionId: string,
  version: StoredResource | undefined,
  shown: { id: string; reference: JsonBody; location: string },
): SourceImage {
  const definition = findReferenced(store, definitionId, "Microsoft.Compute/galleries/images");
  if (!definition || !version || !replicatedTo(version, shown.location)) throw imageNotFound(shown.id, shown.location);
  const d = props(definition);
  const osDiskImage = ((props(version).storageProfile as JsonBody | undefined)?.osDiskImage ?? {}) as JsonBody;
  const osType = osTypeOf(d.osType);
  return {
    osType,
    hyperVGeneration: generationOf(d.hyperVGeneration),
    osDiskSizeGB: typeof osDiskImage.sizeInGB === "number" ? osDiskImage.sizeInGB : defaultOsDiskSizeGB(osType),
    osName: osType,
    reference: shown.reference,
    features: Array.isArray(d.features) ? (d.features as { name: string; value: string }[]) : undefined,
    osState: stateOf(d.osState),
    ...(d.purchasePlan
      ? {
          plan: {
            publisher: String(d.purchasePlan.publisher),
            product: String(d.purchasePlan.product),
            name: String(d.purchasePlan.name),
          },
        }
      : {}),
  };
}

/** `…/galleries/{g}/images/{i}/versions/{v}` or `…/galleries/{g}/images/{i}` (its latest version). */
function galleryImage(store: Store, id: string, location: string): SourceImage {
  const m = /^(.*\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+)(?:\/versions\/([^/]+))?$/i.exec(id);
  if (!m) throw imageNotFound(id, location);
  const version = m[2]
    ? findReferenced(store, id, "Microsoft.Compute/galleries/images/versions")
    : latestVersion(store, m[1], location);
  const exact = version ? String(version.body.name) : undefined;
  // Azure shows the version a definition id resolved to as exactVersion (ImageReference.exactVersion).
  return fromGallery(store, m[1], version, {
    id,
    location,
    reference: { id, ...(m[2] || !exact ? {} : { exactVersion: exact }) },
  });
}

/**
 * A community gallery is a gallery its publisher shared with everyone (Learn, "Share images using a community
 * gallery": sharingProfile.permissions Community, communityGalleryInfo.publicNames); any subscription may create a
 * VM from its images by the public name. So the gallery is found by public name across every subscription.
 */
function communityImage(store: Store, id: string, location: string): SourceImage {
  const m = /^\/CommunityGalleries\/([^/]+)\/Images\/([^/]+)\/Versions\/([^/]+)$/i.exec(id);
  const gallery = m
    ? store
        .listResources({ type: "Microsoft.Compute/galleries" })
        .filter((g) => findReferenced(store, g.id, "Microsoft.Compute/galleries"))
        .find((g) => {
          const sharing = (props(g).sharingProfile ?? {}) as JsonBody;
          const names = ((sharing.communityGalleryInfo as JsonBody | undefined)?.publicNames ?? []) as unknown[];
          return (
            String(sharing.permissions).toLowerCase() === "community" &&
            names.some((n) => String(n).toLowerCase() === m[1].toLowerCase())
          );
        })
    : undefined;
  if (!m || !gallery) throw imageNotFound(id, location);
  const definitionId = `${gallery.id}/images/${m[2]}`;
  const version =
    m[3].toLowerCase() === "latest"
      ? latestVersion(store, definitionId, location)
      : findReferenced(store, `${definitionId}/versions/${m[3]}`, "Microsoft.Compute/galleries/images/versions");
  return fromGallery(store, definitionId, version, { id, location, reference: { communityGalleryImageId: id } });
}

/**
 * A generalized VHD the user uploaded (osDisk.image.uri, no imageReference): the OS type must be given with it
 * (OSDisk.osType: "if creating a VM from user-image"). Its size and generation are the blob's, which the emulator
 * cannot read without a blob data plane: the disk keeps the size the request gives, or none, and Gen1.
 */
function vhdImage(osDisk: JsonBody): SourceImage {
  if (osDisk.osType === undefined || osDisk.osType === null) throw missingParameter("osDisk.osType");
  const osType = osTypeOf(osDisk.osType);
  return { osType, hyperVGeneration: "V1", osName: osType };
}

/** The image a non-marketplace reference names, or undefined when the reference is a marketplace one. */
export function findSourceImage(store: Store, storageProfile: JsonBody, location: string): SourceImage | undefined {
  const ref = (storageProfile.imageReference ?? {}) as JsonBody;
  if (typeof ref.communityGalleryImageId === "string" && ref.communityGalleryImageId)
    return communityImage(store, ref.communityGalleryImageId, location);
  if (typeof ref.sharedGalleryImageId === "string" && ref.sharedGalleryImageId)
    // Direct shared galleries (shared with a subscription or tenant) are not modelled: nothing can be shared yet.
    throw imageNotFound(ref.sharedGalleryImageId, location);
  if (typeof ref.id === "string" && ref.id) {
    if (/\/providers\/Microsoft\.Compute\/galleries\//i.test(ref.id)) return galleryImage(store, ref.id, location);
    return customImage(store, ref.id, location);
  }
  const osDisk = (storageProfile.osDisk ?? {}) as JsonBody;
  if (!storageProfile.imageReference && typeof osDisk.image?.uri === "string") return vhdImage(osDisk);
  return undefined;
}
