/** What validation records about an onboarded subscription, stored as JSON on AzureSubscription. */
export type ValidationCheck = { name: string; ok: boolean; message: string; code?: string };

export type ValidationResult = {
  ok: boolean;
  checkedAt: string;
  checks: ValidationCheck[];
  unregisteredProviders: string[];
};

export type DiscoveredSize = {
  name: string;
  vCpus: number;
  memoryMb: number;
  maxDataDisks: number;
  family?: string;
  regions: string[];
};
export type DiscoveredImage = {
  publisher: string;
  offer: string;
  sku: string;
  osType: "Windows" | "Linux";
  versions: string[];
};

export type Discovery = {
  regions: { name: string; displayName: string }[];
  sizes: DiscoveredSize[];
  images: DiscoveredImage[];
  /** Regional vCPU quota: cores used and allowed per region. */
  quota: Record<string, { used: number; limit: number }>;
};

export const emptyDiscovery: Discovery = { regions: [], sizes: [], images: [], quota: {} };

export function readDiscovery(json: unknown): Discovery {
  const d = (json ?? {}) as Partial<Discovery>;
  return { regions: d.regions ?? [], sizes: d.sizes ?? [], images: d.images ?? [], quota: d.quota ?? {} };
}

export function readValidation(json: unknown): ValidationResult | null {
  return json ? (json as ValidationResult) : null;
}

/** A friendly image name: "Windows Server 2022 Datacenter", "Ubuntu 24.04 LTS" … falling back to publisher/offer/sku. */
export function imageLabel(image: Pick<DiscoveredImage, "publisher" | "offer" | "sku">) {
  const sku = image.sku.toLowerCase();
  if (image.publisher === "MicrosoftWindowsServer") {
    const year = sku.match(/20\d\d/)?.[0] ?? "";
    const edition = sku.includes("core") ? "Datacenter Core" : "Datacenter";
    const variant = sku.includes("azure-edition")
      ? ": Azure Edition"
      : /gen2|-g2\b|gensecond/.test(sku)
        ? " (Gen2)"
        : "";
    return `Windows Server ${year} ${edition}${variant}`.replace(/\s+/g, " ").trim();
  }
  if (image.publisher === "Canonical") {
    const version = (image.offer + " " + image.sku).match(/(\d\d)[._](04)/);
    return version ? `Ubuntu Server ${version[1]}.${version[2]} LTS` : `Ubuntu ${image.sku}`;
  }
  if (image.publisher === "RedHat")
    return `Red Hat Enterprise Linux ${image.sku.match(/\d+(\.\d+)?/)?.[0] ?? image.sku}`;
  if (image.publisher === "SUSE")
    return `SUSE Linux Enterprise Server ${image.offer.match(/\d+(-sp\d+)?/i)?.[0]?.replace("-sp", " SP") ?? image.sku}`;
  if (image.publisher === "Debian") return `Debian ${image.offer.match(/\d+/)?.[0] ?? image.sku}`;
  return `${image.publisher} ${image.offer} ${image.sku}`;
}
