/**
 * The operations the emulator models, by the operationId their x-ms-examples carry: HTTP method and path template
 * as in the spec files. An example whose operation is not listed here is reported, never skipped silently.
 */
export interface Operation {
  method: "GET" | "PUT" | "PATCH" | "POST" | "DELETE";
  path: string;
}

const SUB = "/subscriptions/{subscriptionId}";
const RG = `${SUB}/resourceGroups/{resourceGroupName}`;
const NET = `${RG}/providers/Microsoft.Network`;
const LB = `${NET}/loadBalancers/{loadBalancerName}`;
const CRP = `${SUB}/providers/Microsoft.Compute`;
const IMAGES = `${CRP}/locations/{location}/publishers/{publisherName}/artifacttypes/vmimage`;
const VAULT = `${RG}/providers/Microsoft.RecoveryServices/vaults`;
const CONTAINER = `${VAULT}/{resourceName}/replicationFabrics/{fabricName}/replicationProtectionContainers/{protectionContainerName}`;
const ITEM = `${CONTAINER}/replicationProtectedItems/{replicatedProtectedItemName}`;

/** CRUD + list operations of one resource type, named `{Prefix}_{Verb}` as the specs name them. */
function crud(prefix: string, collection: string, item: string, list: string, listAll?: string) {
  const ops: Record<string, Operation> = {
    [`${prefix}_CreateOrUpdate`]: { method: "PUT", path: `${collection}/${item}` },
    [`${prefix}_Get`]: { method: "GET", path: `${collection}/${item}` },
    [`${prefix}_Delete`]: { method: "DELETE", path: `${collection}/${item}` },
    [`${prefix}_UpdateTags`]: { method: "PATCH", path: `${collection}/${item}` },
    [`${prefix}_List`]: { method: "GET", path: list },
  };
  if (listAll) ops[`${prefix}_ListAll`] = { method: "GET", path: listAll };
  return ops;
}

/** Get and List of a child resource collection, and CreateOrUpdate and Delete when the emulator takes them. */
function children(prefix: string, collection: string, item: string, writable = false) {
  const ops: Record<string, Operation> = {
    [`${prefix}_Get`]: { method: "GET", path: `${collection}/${item}` },
    [`${prefix}_List`]: { method: "GET", path: collection },
  };
  if (writable) {
    ops[`${prefix}_CreateOrUpdate`] = { method: "PUT", path: `${collection}/${item}` };
    ops[`${prefix}_Delete`] = { method: "DELETE", path: `${collection}/${item}` };
  }
  return ops;
}

export const OPERATIONS: Record<string, Operation> = {
  ...crud(
    "NetworkInterfaces",
    `${NET}/networkInterfaces`,
    "{networkInterfaceName}",
    `${NET}/networkInterfaces`,
    `${SUB}/providers/Microsoft.Network/networkInterfaces`,
  ),
  ...crud(
    "VirtualNetworks",
    `${NET}/virtualNetworks`,
    "{virtualNetworkName}",
    `${NET}/virtualNetworks`,
    `${SUB}/providers/Microsoft.Network/virtualNetworks`,
  ),
  ...crud(
    "Subnets",
    `${NET}/virtualNetworks/{virtualNetworkName}/subnets`,
    "{subnetName}",
    `${NET}/virtualNetworks/{virtualNetworkName}/subnets`,
  ),
  ...crud(
    "PublicIPAddresses",
    `${NET}/publicIPAddresses`,
    "{publicIpAddressName}",
    `${NET}/publicIPAddresses`,
    `${SUB}/providers/Microsoft.Network/publicIPAddresses`,
  ),
  ...crud(
    "NetworkSecurityGroups",
    `${NET}/networkSecurityGroups`,
    "{networkSecurityGroupName}",
    `${NET}/networkSecurityGroups`,
    `${SUB}/providers/Microsoft.Network/networkSecurityGroups`,
  ),
  ...crud(
    "LoadBalancers",
    `${NET}/loadBalancers`,
    "{loadBalancerName}",
    `${NET}/loadBalancers`,
    `${SUB}/providers/Microsoft.Network/loadBalancers`,
  ),
  // Child resources the Network RP serves (reads; PUT and DELETE where the emulator takes them).
  ...children(
    "NetworkInterfaceIPConfigurations",
    `${NET}/networkInterfaces/{networkInterfaceName}/ipConfigurations`,
    "{ipConfigurationName}",
  ),
  ...children(
    "SecurityRules",
    `${NET}/networkSecurityGroups/{networkSecurityGroupName}/securityRules`,
    "{securityRuleName}",
    true,
  ),
  ...children(
    "DefaultSecurityRules",
    `${NET}/networkSecurityGroups/{networkSecurityGroupName}/defaultSecurityRules`,
    "{defaultSecurityRuleName}",
  ),
  ...children(
    "LoadBalancerFrontendIPConfigurations",
    `${LB}/frontendIPConfigurations`,
    "{frontendIPConfigurationName}",
  ),
  ...children("LoadBalancerBackendAddressPools", `${LB}/backendAddressPools`, "{backendAddressPoolName}", true),
  ...children("LoadBalancerLoadBalancingRules", `${LB}/loadBalancingRules`, "{loadBalancingRuleName}"),
  ...children("LoadBalancerProbes", `${LB}/probes`, "{probeName}"),
  ...children("LoadBalancerOutboundRules", `${LB}/outboundRules`, "{outboundRuleName}"),
  ...children("InboundNatRules", `${LB}/inboundNatRules`, "{inboundNatRuleName}", true),
  ...crud(
    "VirtualMachines",
    `${RG}/providers/Microsoft.Compute/virtualMachines`,
    "{vmName}",
    `${RG}/providers/Microsoft.Compute/virtualMachines`,
    `${CRP}/virtualMachines`,
  ),
  VirtualMachines_Start: { method: "POST", path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}/start` },
  VirtualMachines_PowerOff: {
    method: "POST",
    path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}/powerOff`,
  },
  VirtualMachines_Restart: {
    method: "POST",
    path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}/restart`,
  },
  VirtualMachines_Deallocate: {
    method: "POST",
    path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}/deallocate`,
  },
  VirtualMachines_Update: { method: "PATCH", path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}` },
  VirtualMachines_ListByLocation: { method: "GET", path: `${CRP}/locations/{location}/virtualMachines` },
  VirtualMachines_InstanceView: {
    method: "GET",
    path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}/instanceView`,
  },
  VirtualMachines_ListAvailableSizes: {
    method: "GET",
    path: `${RG}/providers/Microsoft.Compute/virtualMachines/{vmName}/vmSizes`,
  },
  VirtualMachineSizes_List: { method: "GET", path: `${CRP}/locations/{location}/vmSizes` },
  Usage_List: { method: "GET", path: `${CRP}/locations/{location}/usages` },
  ResourceSkus_List: { method: "GET", path: `${CRP}/skus` },
  Disks_List: { method: "GET", path: `${CRP}/disks` },
  Disks_ListByResourceGroup: { method: "GET", path: `${RG}/providers/Microsoft.Compute/disks` },
  Disks_Get: { method: "GET", path: `${RG}/providers/Microsoft.Compute/disks/{diskName}` },
  Disks_Delete: { method: "DELETE", path: `${RG}/providers/Microsoft.Compute/disks/{diskName}` },
  VirtualMachineImages_ListPublishers: { method: "GET", path: `${CRP}/locations/{location}/publishers` },
  VirtualMachineImages_ListOffers: { method: "GET", path: `${IMAGES}/offers` },
  VirtualMachineImages_ListSkus: { method: "GET", path: `${IMAGES}/offers/{offer}/skus` },
  VirtualMachineImages_List: { method: "GET", path: `${IMAGES}/offers/{offer}/skus/{skus}/versions` },
  VirtualMachineImages_Get: { method: "GET", path: `${IMAGES}/offers/{offer}/skus/{skus}/versions/{version}` },
  StorageAccounts_Create: { method: "PUT", path: `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}` },
  StorageAccounts_GetProperties: {
    method: "GET",
    path: `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}`,
  },
  StorageAccounts_Update: { method: "PATCH", path: `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}` },
  StorageAccounts_Delete: { method: "DELETE", path: `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}` },
  StorageAccounts_ListKeys: {
    method: "POST",
    path: `${RG}/providers/Microsoft.Storage/storageAccounts/{accountName}/listKeys`,
  },
  StorageAccounts_List: { method: "GET", path: `${SUB}/providers/Microsoft.Storage/storageAccounts` },
  StorageAccounts_ListByResourceGroup: { method: "GET", path: `${RG}/providers/Microsoft.Storage/storageAccounts` },
  StorageAccounts_CheckNameAvailability: {
    method: "POST",
    path: `${SUB}/providers/Microsoft.Storage/checkNameAvailability`,
  },
  Vaults_CreateOrUpdate: { method: "PUT", path: `${VAULT}/{vaultName}` },
  Vaults_Get: { method: "GET", path: `${VAULT}/{vaultName}` },
  Vaults_Update: { method: "PATCH", path: `${VAULT}/{vaultName}` },
  Vaults_Delete: { method: "DELETE", path: `${VAULT}/{vaultName}` },
  Vaults_ListByResourceGroup: { method: "GET", path: VAULT },
  Vaults_ListBySubscriptionId: { method: "GET", path: `${SUB}/providers/Microsoft.RecoveryServices/vaults` },
  ReplicationPolicies_Create: { method: "PUT", path: `${VAULT}/{resourceName}/replicationPolicies/{policyName}` },
  ReplicationPolicies_Get: { method: "GET", path: `${VAULT}/{resourceName}/replicationPolicies/{policyName}` },
  ReplicationPolicies_Update: { method: "PATCH", path: `${VAULT}/{resourceName}/replicationPolicies/{policyName}` },
  ReplicationPolicies_Delete: { method: "DELETE", path: `${VAULT}/{resourceName}/replicationPolicies/{policyName}` },
  ReplicationPolicies_List: { method: "GET", path: `${VAULT}/{resourceName}/replicationPolicies` },
  ReplicationJobs_List: { method: "GET", path: `${VAULT}/{resourceName}/replicationJobs` },
  ReplicationProtectedItems_ListByReplicationProtectionContainers: {
    method: "GET",
    path: `${CONTAINER}/replicationProtectedItems`,
  },
  ReplicationProtectedItems_Get: { method: "GET", path: ITEM },
  ReplicationProtectedItems_ApplyRecoveryPoint: { method: "POST", path: `${ITEM}/applyRecoveryPoint` },
  ReplicationProtectedItems_FailoverCommit: { method: "POST", path: `${ITEM}/failoverCommit` },
  ReplicationProtectedItems_Reprotect: { method: "POST", path: `${ITEM}/reProtect` },
  ReplicationProtectedItems_PlannedFailover: { method: "POST", path: `${ITEM}/plannedFailover` },
  ReplicationJobs_Get: { method: "GET", path: `${VAULT}/{resourceName}/replicationJobs/{jobName}` },
  ReplicationProtectableItems_ListByReplicationProtectionContainers: {
    method: "GET",
    path: `${CONTAINER}/replicationProtectableItems`,
  },
  ReplicationProtectableItems_Get: {
    method: "GET",
    path: `${CONTAINER}/replicationProtectableItems/{protectableItemName}`,
  },
  ReplicationProtectionContainerMappings_ListByReplicationProtectionContainers: {
    method: "GET",
    path: `${CONTAINER}/replicationProtectionContainerMappings`,
  },
  ReplicationProtectionContainerMappings_Get: {
    method: "GET",
    path: `${CONTAINER}/replicationProtectionContainerMappings/{mappingName}`,
  },
  Query_Usage: { method: "POST", path: "/{scope}/providers/Microsoft.CostManagement/query" },
  Subscriptions_Get: { method: "GET", path: SUB },
  Subscriptions_List: { method: "GET", path: "/subscriptions" },
  Subscriptions_ListLocations: { method: "GET", path: `${SUB}/locations` },
  ResourceGroups_CreateOrUpdate: { method: "PUT", path: `${SUB}/resourcegroups/{resourceGroupName}` },
  ResourceGroups_Get: { method: "GET", path: `${SUB}/resourcegroups/{resourceGroupName}` },
  ResourceGroups_Delete: { method: "DELETE", path: `${SUB}/resourcegroups/{resourceGroupName}` },
  ResourceGroups_List: { method: "GET", path: `${SUB}/resourcegroups` },
};
