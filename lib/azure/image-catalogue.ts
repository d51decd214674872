import { armCall } from "./errors";
import { armClientsFor } from "./clients";
import type { AzureAccess } from "./types";

export type ImageOffer = {
  publisher: string;
  offer: string;
  sku: string;
  osType: "Windows" | "Linux";
  versions: string[];
};

/**
 * The publishers a provider offers, with the offers worth walking: a full Canonical walk is hundreds of calls.
 * The image list API carries no OS type (only a per-version GET does), so it comes from the publisher.
 */
export const CURATED_PUBLISHERS: { publisher: string; osType: ImageOffer["osType"]; offers: RegExp }[] = [
  { publisher: "MicrosoftWindowsServer", osType: "Windows", offers: /^WindowsServer$/i },
  { publisher: "Canonical", osType: "Linux", offers: /^(ubuntu-\d\d_\d\d-lts|0001-com-ubuntu-server-(jammy|focal))$/i },
  { publisher: "RedHat", osType: "Linux", offers: /^RHEL$/i },
  { publisher: "SUSE", osType: "Linux", offers: /^sles-(12|15)-sp\d+$/i },
  { publisher: "Debian", osType: "Linux", offers: /^debian-1\d$/i },
];

/** Newest versions first; Azure returns them in semver-ish order which a string sort gets wrong (9 > 10). */
export function sortVersions(versions: string[], keep = 5): string[] {
  const parts = (v: string) => v.split(".").map((p) => Number(p) || 0);
  return [...versions]
    .sort((a, b) => {
      const [pa, pb] = [parts(a), parts(b)];
      for (let i = 0; i < Math.max(pa.length, pb.length); i++)
        if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
      return 0;
    })
    .slice(0, keep);
}

export async function listImageCatalogue(
  access: AzureAccess,
  location: string,
  publishers = CURATED_PUBLISHERS,
): Promise<ImageOffer[]> {
  const images = armClientsFor(access).compute.virtualMachineImages;
  return armCall(async () => {
    const out: ImageOffer[] = [];
    for (const { publisher, osType, offers } of publishers) {
      const offerNames = (await images.listOffers(location, publisher))
        .map((o) => o.name)
        .filter((n) => offers.test(n));
      for (const offer of offerNames) {
        const skus = await images.listSkus(location, publisher, offer);
        const found = await Promise.all(
          skus.map(async ({ name: sku }) => ({
            publisher,
            offer,
            sku,
            osType,
            versions: sortVersions((await images.list(location, publisher, offer, sku)).map((v) => v.name)),
          })),
        );
        out.push(...found.filter((f) => f.versions.length > 0));
      }
    }
    return out;
  });
}
