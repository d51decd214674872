// Pure ARM → portal mappings. Inputs are structural subsets of the ARM JSON (and of the SDK models, which match it).

export type SubscriptionInfo = { subscriptionId: string; displayName: string; state: string; directoryId: string };
export type ProviderRegistration = { namespace: string; registrationState: string; isRegistered: boolean };
export type AzureLocation = { name: string; displayName: string; geography?: string; pairedRegion?: string };
export type VmSize = {
  name: string;
  vCpus: number;
  memoryMb: number;
  maxDataDisks: number;
  osDiskSizeMb?: number;
  resourceDiskSizeMb?: number;
};
export type VmSkuAvailability = {
  name: string;
  family?: string;
  vCpus?: number;
  memoryGb?: number;
  /** Regions the subscription may deploy this size to (restricted regions removed). */
  availableLocations: string[];
  restrictedLocations: { location: string; reason: string }[];
};
export type CoreUsage = {
  used: number;
  limit: number;
  families: { name: string; displayName: string; used: number; limit: number }[];
};

type Named = { value?: string; localizedValue?: string };

export function mapSubscription(s: {
  subscriptionId?: string;
  displayName?: string;
  state?: string;
  tenantId?: string;
}): SubscriptionInfo {
  return {
    subscriptionId: s.subscriptionId ?? "",
    displayName: s.displayName ?? "",
    state: s.state ?? "Unknown",
    directoryId: s.tenantId ?? "",
  };
}

export function mapProvider(
  p: { namespace?: string; registrationState?: string },
  asked?: string,
): ProviderRegistration {
  const registrationState = p.registrationState ?? "NotRegistered";
  return { namespace: p.namespace ?? asked ?? "", registrationState, isRegistered: registrationState === "Registered" };
}

export function mapLocations(
  items: {
    name?: string;
    displayName?: string;
    metadata?: { regionType?: string; geography?: string; geographyGroup?: string; pairedRegion?: { name?: string }[] };
  }[],
): AzureLocation[] {
  return (
    items
      // Logical regions ("asia", "global") cannot hold resources.
      .filter((l) => l.name && (l.metadata?.regionType ?? "Physical") === "Physical")
      .map((l) => ({
        name: l.name!,
        displayName: l.displayName ?? l.name!,
        ...((l.metadata?.geography ?? l.metadata?.geographyGroup)
          ? { geography: l.metadata?.geography ?? l.metadata?.geographyGroup }
          : {}),
        ...(l.metadata?.pairedRegion?.[0]?.name ? { pairedRegion: l.metadata.pairedRegion[0].name } : {}),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
  );
}

export function mapVmSize(s: {
  name?: string;
  numberOfCores?: number;
  memoryInMB?: number;
  maxDataDiskCount?: number;
  osDiskSizeInMB?: number;
  resourceDiskSizeInMB?: number;
}): VmSize {
  return {
    name: s.name ?? "",
    vCpus: s.numberOfCores ?? 0,
    memoryMb: s.memoryInMB ?? 0,
    maxDataDisks: s.maxDataDiskCount ?? 0,
    ...(s.osDiskSizeInMB !== undefined ? { osDiskSizeMb: s.osDiskSizeInMB } : {}),
    ...(s.resourceDiskSizeInMB !== undefined ? { resourceDiskSizeMb: s.resourceDiskSizeInMB } : {}),
  };
}

type SkuJson = {
  resourceType?: string;
  name?: string;
  family?: string;
  locations?: string[];
  capabilities?: { name?: string; value?: string }[];
  restrictions?: {
    type?: string;
    values?: string[];
    reasonCode?: string;
    restrictionInfo?: { locations?: string[]; zones?: string[] };
  }[];
};

/** VM sizes with the regions this subscription may use; a Location restriction (NotAvailableForSubscription, QuotaId) removes a region. */
export function mapVmSkus(skus: SkuJson[]): VmSkuAvailability[] {
  return skus
    .filter((s) => s.resourceType === "virtualMachines" && s.name)
    .map((s) => {
      const cap = (n: string) => s.capabilities?.find((c) => c.name === n)?.value;
      const restrictedLocations = (s.restrictions ?? [])
        .filter((r) => r.type === "Location")
        .flatMap((r) =>
          (r.restrictionInfo?.locations ?? r.values ?? []).map((location) => ({
            location: location.toLowerCase(),
            reason: r.reasonCode ?? "Restricted",
          })),
        );
      const restricted = new Set(restrictedLocations.map((r) => r.location));
      const vCpus = cap("vCPUs");
      const memoryGb = cap("MemoryGB");
      return {
        name: s.name!,
        ...(s.family ? { family: s.family } : {}),
        ...(vCpus ? { vCpus: Number(vCpus) } : {}),
        ...(memoryGb ? { memoryGb: Number(memoryGb) } : {}),
        availableLocations: (s.locations ?? []).map((l) => l.toLowerCase()).filter((l) => !restricted.has(l)),
        restrictedLocations,
      };
    });
}

/** Which sizes each region offers this subscription. */
export function sizesByRegion(skus: VmSkuAvailability[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of skus) for (const l of s.availableLocations) (out[l] ??= []).push(s.name);
  for (const l of Object.keys(out)) out[l].sort();
  return out;
}

export function mapUsages(items: { currentValue?: number; limit?: number; name?: Named }[]): CoreUsage {
  const total = items.find((u) => u.name?.value === "cores");
  return {
    used: total?.currentValue ?? 0,
    limit: total?.limit ?? 0,
    families: items
      .filter((u) => u.name?.value && /Family$/i.test(u.name.value))
      .map((u) => ({
        name: u.name!.value!,
        displayName: u.name!.localizedValue ?? u.name!.value!,
        used: u.currentValue ?? 0,
        limit: u.limit ?? 0,
      })),
  };
}
