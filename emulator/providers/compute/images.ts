import { readFileSync } from "node:fs";

/** The platform image catalogue (same in every region): publisher / offer / sku / versions, newest last. */
export interface PlatformImage {
  publisher: string;
  offer: string;
  sku: string;
  versions: string[];
  osType: "Windows" | "Linux";
  hyperVGeneration: "V1" | "V2";
  /** OS disk size in GB when the request does not give one. */
  osDiskSizeGB: number;
  osName: string;
  /** The marketplace purchase plan a VM created from this image must name (images with terms). */
  plan?: { publisher: string; product: string; name: string };
}

/** The vendored snapshot of the marketplace images (emulator/specs/catalogue/images.json). */
export const PLATFORM_IMAGES: PlatformImage[] = (
  JSON.parse(readFileSync(new URL("../../specs/catalogue/images.json", import.meta.url), "utf8")) as {
    images: PlatformImage[];
  }
).images;

const eq = (a: unknown, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

export const publishers = () => [...new Set(PLATFORM_IMAGES.map((i) => i.publisher))];
export const offersOf = (publisher: string) => [
  ...new Set(PLATFORM_IMAGES.filter((i) => eq(publisher, i.publisher)).map((i) => i.offer)),
];
export const skusOf = (publisher: string, offer: string) =>
  PLATFORM_IMAGES.filter((i) => eq(publisher, i.publisher) && eq(offer, i.offer));

export function findImage(publisher: unknown, offer: unknown, sku: unknown): PlatformImage | undefined {
  return PLATFORM_IMAGES.find((i) => eq(publisher, i.publisher) && eq(offer, i.offer) && eq(sku, i.sku));
}

/** The concrete version a reference points at ("latest" → newest), or undefined when it does not exist. */
export function resolveVersion(image: PlatformImage, version: unknown): string | undefined {
  if (version === undefined || version === null || eq(version, "latest"))
    return image.versions[image.versions.length - 1];
  return image.versions.find((v) => eq(version, v));
}

export function imageResourceId(subscriptionId: string, location: string, i: PlatformImage, version?: string) {
  const base = `/Subscriptions/${subscriptionId}/Providers/Microsoft.Compute/Locations/${location}/Publishers/${i.publisher}/ArtifactTypes/VMImage/Offers/${i.offer}/Skus/${i.sku}`;
  return version ? `${base}/Versions/${version}` : base;
}
