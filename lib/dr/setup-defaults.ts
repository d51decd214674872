/** The setup form's starting values: the saved settings, or the guide's values named after the tenant. */
export type SetupDefaults = Record<string, string>;

type Saved = {
  resourceGroup: string;
  storageAccount: string;
  vnetName: string;
  addressSpace: string;
  subnetName: string;
  subnetPrefix: string;
  policyName: string;
  copyFrequencySeconds: number;
  recoveryPointHours: number;
  appConsistentHours: number;
  initialReplicationStart: string | null;
  vmNetworkId: string | null;
};

export function setupDefaults(
  tenant: { name: string; slug: string } | null,
  s: Saved | null | undefined,
): SetupDefaults {
  const slug = tenant?.slug ?? "tenant";
  const pascal = (tenant?.name ?? "Tenant").replace(/[^A-Za-z0-9]/g, "");
  return {
    resourceGroup: s?.resourceGroup ?? `${pascal}RecoveryGroup`,
    storageAccount: s?.storageAccount ?? `${slug.replace(/[^a-z0-9]/g, "").slice(0, 18)}drstore`,
    vnetName: s?.vnetName ?? `${pascal}-DR-VNet`,
    addressSpace: s?.addressSpace ?? "10.20.0.0/16",
    subnetName: s?.subnetName ?? "default",
    subnetPrefix: s?.subnetPrefix ?? "10.20.1.0/24",
    policyName: s?.policyName ?? `${pascal}-Policy`,
    copyFrequencySeconds: String(s?.copyFrequencySeconds ?? 900),
    recoveryPointHours: String(s?.recoveryPointHours ?? 1),
    appConsistentHours: String(s?.appConsistentHours ?? 1),
    initialReplicationStart: s?.initialReplicationStart ?? "",
    vmNetworkId: s?.vmNetworkId ?? "",
  };
}
