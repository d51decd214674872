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
}

const win = (sku: string, versions: string[], osName: string, gen: "V1" | "V2"): PlatformImage => ({
  publisher: "MicrosoftWindowsServer",
  offer: "WindowsServer",
  sku,
  versions,
  osType: "Windows",
  hyperVGeneration: gen,
  osDiskSizeGB: 127,
  osName,
});
const linux = (publisher: string, offer: string, sku: string, versions: string[], osName: string): PlatformImage => ({
  publisher,
  offer,
  sku,
  versions,
  osType: "Linux",
  hyperVGeneration: "V2",
  osDiskSizeGB: 30,
  osName,
});

export const PLATFORM_IMAGES: PlatformImage[] = [
  win(
    "2019-datacenter-gensecond",
    ["17763.6414.241004", "17763.6532.241101", "17763.6659.241205"],
    "Windows Server 2019 Datacenter",
    "V2",
  ),
  win(
    "2019-Datacenter",
    ["17763.6414.241004", "17763.6532.241101", "17763.6659.241205"],
    "Windows Server 2019 Datacenter",
    "V1",
  ),
  win(
    "2022-datacenter-azure-edition",
    ["20348.2762.241006", "20348.2849.241106", "20348.2966.241205"],
    "Windows Server 2022 Datacenter: Azure Edition",
    "V2",
  ),
  win(
    "2022-datacenter-g2",
    ["20348.2762.241006", "20348.2849.241106", "20348.2966.241205"],
    "Windows Server 2022 Datacenter",
    "V2",
  ),
  win(
    "2025-datacenter-g2",
    ["26100.2033.241004", "26100.2314.241107", "26100.2605.241207"],
    "Windows Server 2025 Datacenter",
    "V2",
  ),
  win(
    "2025-datacenter-azure-edition",
    ["26100.2033.241004", "26100.2314.241107", "26100.2605.241207"],
    "Windows Server 2025 Datacenter: Azure Edition",
    "V2",
  ),
  linux(
    "Canonical",
    "0001-com-ubuntu-server-jammy",
    "22_04-lts-gen2",
    ["22.04.202410020", "22.04.202411190", "22.04.202412110"],
    "ubuntu 22.04",
  ),
  linux(
    "Canonical",
    "ubuntu-24_04-lts",
    "server",
    ["24.04.202410090", "24.04.202411200", "24.04.202412100"],
    "ubuntu 24.04",
  ),
  linux("RedHat", "RHEL", "9-lvm-gen2", ["9.4.2024071111", "9.5.2024111416"], "redhat 9.5"),
  linux("RedHat", "RHEL", "8-lvm-gen2", ["8.9.2024022513", "8.10.2024070513"], "redhat 8.10"),
  linux("SUSE", "sles-15-sp6", "gen2", ["2024.07.03", "2024.10.11", "2024.12.05"], "sles 15.6"),
  linux("Debian", "debian-12", "12-gen2", ["0.20241004.1890", "0.20241111.1929", "0.20241201.1948"], "debian 12"),
];

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
