import { s, type JsonSchema } from "../../core/request-schema.js";

/** JSON shapes of the Site Recovery request bodies (service.json input models: types and required properties). */
const { str, int, obj, arr, map, any } = s;
const provider = (properties: Record<string, JsonSchema>) =>
  obj({ instanceType: str, ...properties }, ["instanceType"]);

const hyperVPolicyInput = provider({
  recoveryPointHistoryDuration: int,
  applicationConsistentSnapshotFrequencyInHours: int,
  replicationInterval: int,
  onlineReplicationStartTime: str,
  storageAccounts: arr(str),
});
export const policySchema = obj(
  { properties: obj({ providerSpecificInput: hyperVPolicyInput }, ["providerSpecificInput"]) },
  ["properties"],
);
export const policyUpdateSchema = obj({ properties: obj({ replicationProviderSettings: hyperVPolicyInput }) });

export const containerMappingSchema = obj(
  {
    properties: obj(
      {
        targetProtectionContainerId: str,
        policyId: str,
        providerSpecificInput: provider({}),
      },
      ["policyId", "providerSpecificInput"],
    ),
  },
  ["properties"],
);

export const networkMappingSchema = obj(
  {
    properties: obj({ recoveryFabricName: str, recoveryNetworkId: str, fabricSpecificDetails: provider({}) }, [
      "recoveryNetworkId",
      "fabricSpecificDetails",
    ]),
  },
  ["properties"],
);

const diskInput = obj({ diskId: str, logStorageAccountId: str, diskType: str, diskEncryptionSetId: str });
export const enableProtectionSchema = obj(
  {
    properties: obj({
      policyId: str,
      protectableItemId: str,
      providerSpecificDetails: provider({
        hvHostVmId: str,
        vmName: str,
        osType: str,
        vhdId: str,
        targetStorageAccountId: str,
        targetAzureNetworkId: str,
        targetAzureSubnetId: str,
        enableRdpOnTargetOption: str,
        targetAzureVmName: str,
        logStorageAccountId: str,
        disksToInclude: arr(str),
        targetAzureV1ResourceGroupId: str,
        targetAzureV2ResourceGroupId: str,
        useManagedDisks: str,
        useManagedDisksForReplication: str,
        targetAvailabilitySetId: str,
        targetAvailabilityZone: str,
        licenseType: str,
        sqlServerLicenseType: str,
        targetVmSize: str,
        targetProximityPlacementGroupId: str,
        diskType: str,
        disksToIncludeForManagedDisks: arr(diskInput),
        diskEncryptionSetId: str,
        targetVmTags: map(str),
        seedManagedDiskTags: map(str),
        targetManagedDiskTags: map(str),
        targetNicTags: map(str),
      }),
    }),
  },
  ["properties"],
);

export const updateProtectedItemSchema = obj({
  properties: obj({
    recoveryAzureVMName: str,
    recoveryAzureVMSize: str,
    selectedRecoveryAzureNetworkId: str,
    selectedTfoAzureNetworkId: str,
    selectedSourceNicId: str,
    enableRdpOnTargetOption: str,
    licenseType: str,
    vmNics: arr(obj({ nicId: str, recoveryVMSubnetName: str, selectionType: str, recoveryNicIpAddressType: str })),
    providerSpecificDetails: provider({}),
  }),
});

const failoverDetails = provider({
  recoveryPointId: str,
  osUpgradeVersion: str,
  primaryKekCertificatePfx: str,
  secondaryKekCertificatePfx: str,
  dataSyncOption: str,
  recoveryVmCreationOption: str,
  providerIdForAlternateRecovery: str,
  hvHostVmId: str,
  vmName: str,
  osType: str,
  vHDId: str,
  storageAccountId: str,
  logStorageAccountId: str,
});
const action = (properties: Record<string, JsonSchema>) =>
  obj({ properties: obj({ ...properties, providerSpecificDetails: failoverDetails }) }, ["properties"]);
export const failoverSchemas: Record<string, JsonSchema> = {
  testFailover: action({ failoverDirection: str, networkType: str, networkId: str, skipTestFailoverCleanup: str }),
  testFailoverCleanup: obj({ properties: obj({ comments: str }) }, ["properties"]),
  plannedFailover: action({ failoverDirection: str }),
  unplannedFailover: action({ failoverDirection: str, sourceSiteOperations: str }),
  reProtect: action({ failoverDirection: str }),
  failoverCommit: any,
  applyRecoveryPoint: obj({ properties: obj({ recoveryPointId: str, providerSpecificDetails: failoverDetails }) }, [
    "properties",
  ]),
  remove: obj({ properties: obj({ disableProtectionReason: str, replicationProviderInput: any }) }),
};

/** ResumeJobParams: optional comments. */
export const resumeJobSchema = obj({ properties: obj({ comments: str }) });
