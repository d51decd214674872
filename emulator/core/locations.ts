/** The regions the emulator offers (a realistic subset of public Azure). */
interface Region {
  name: string;
  displayName: string;
  geographyGroup: string;
  physicalLocation: string;
  latitude: string;
  longitude: string;
  pairedRegion: string;
}

const R = (
  name: string,
  displayName: string,
  geographyGroup: string,
  physicalLocation: string,
  latitude: string,
  longitude: string,
  pairedRegion: string,
): Region => ({ name, displayName, geographyGroup, physicalLocation, latitude, longitude, pairedRegion });

export const REGIONS: Region[] = [
  R("eastus", "East US", "US", "Virginia", "37.3719", "-79.8164", "westus"),
  R("eastus2", "East US 2", "US", "Virginia", "36.6681", "-78.3889", "centralus"),
  R("westus", "West US", "US", "California", "37.783", "-122.417", "eastus"),
  R("westus2", "West US 2", "US", "Washington", "47.233", "-119.852", "westcentralus"),
  R("westus3", "West US 3", "US", "Phoenix", "33.448376", "-112.074036", "eastus"),
  R("centralus", "Central US", "US", "Iowa", "41.5908", "-93.6208", "eastus2"),
  R("northeurope", "North Europe", "Europe", "Ireland", "53.3478", "-6.2597", "westeurope"),
  R("westeurope", "West Europe", "Europe", "Netherlands", "52.3667", "4.9", "northeurope"),
  R("uksouth", "UK South", "Europe", "London", "50.941", "-0.799", "ukwest"),
  R("southeastasia", "Southeast Asia", "Asia Pacific", "Singapore", "1.283", "103.833", "eastasia"),
  R("australiaeast", "Australia East", "Asia Pacific", "New South Wales", "-33.86", "151.2094", "australiasoutheast"),
  R("japaneast", "Japan East", "Asia Pacific", "Tokyo, Saitama", "35.68", "139.77", "japanwest"),
];

export const REGION_NAMES = REGIONS.map((r) => r.name);

/** Normalises "East US" / "eastus" to "eastus"; undefined when the region is not offered. */
export function normalizeLocation(location: unknown): string | undefined {
  if (typeof location !== "string") return undefined;
  const key = location.replace(/\s+/g, "").toLowerCase();
  return REGIONS.find((r) => r.name === key)?.name;
}

export function locationBody(subscriptionId: string, r: Region) {
  return {
    id: `/subscriptions/${subscriptionId}/locations/${r.name}`,
    name: r.name,
    type: "Region",
    displayName: r.displayName,
    regionalDisplayName: `(${r.geographyGroup}) ${r.displayName}`,
    metadata: {
      regionType: "Physical",
      regionCategory: "Recommended",
      geography: r.geographyGroup === "Asia Pacific" ? r.physicalLocation : r.geographyGroup,
      geographyGroup: r.geographyGroup,
      longitude: r.longitude,
      latitude: r.latitude,
      physicalLocation: r.physicalLocation,
      pairedRegion: [{ name: r.pairedRegion, id: `/subscriptions/${subscriptionId}/locations/${r.pairedRegion}` }],
    },
  };
}
