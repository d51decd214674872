// The public surface of lib/azure: our types and functions only. SDK clients stay inside (clients.ts is internal).
export type { AzureAccess, AzureCloudName } from "./types";
export { cloudEndpoints, type CloudEndpoints } from "./clouds";
export { ArmError, armCall, toArmError, isRetryable, isPreconditionFailed, isNotFound } from "./errors";
export { withArmObserver, type ArmObserver, type ArmResponseInfo, type ArmRateLimit } from "./observe";
export { configurePacing, PORTAL_PACING } from "./pacing-policy";
export type { PacerOptions, RateBucket } from "./pacing";
export { pollLro, type LroProgress } from "./lro";
export {
  checkAccess,
  getSubscription,
  listProviders,
  registerProvider,
  listLocations,
  listVmSizes,
  listResourceSkus,
  listUsages,
} from "./subscription-gateway";
export {
  queryDailyCostByTag,
  mapCostRows,
  readTagInheritance,
  type CostTagInheritance,
  type DailyCost,
} from "./cost-gateway";
export { sizesByRegion } from "./subscription-mappers";
export type {
  SubscriptionInfo,
  ProviderRegistration,
  AzureLocation,
  VmSize,
  VmSkuAvailability,
  CoreUsage,
} from "./subscription-mappers";
export { listImageCatalogue, CURATED_PUBLISHERS, type ImageOffer } from "./image-catalogue";
export { ensureResourceGroup, getResourceGroup, deleteResourceGroup, type ResourceGroupInfo } from "./resource-groups";
export {
  ensureVirtualNetwork,
  getVirtualNetwork,
  listVirtualNetworks,
  ensurePublicIp,
  getPublicIp,
  ensureNic,
  getNic,
  deleteNic,
  deletePublicIp,
  listNetworkAddresses,
  type NetworkAddresses,
  type VirtualNetworkSpec,
  type PublicIpSpec,
  type NicSpec,
} from "./network-gateway";
export type { VirtualNetworkInfo, SubnetInfo, PublicIpInfo, NicInfo } from "./network-mappers";
export { createVm, getVm, findVm, listVmStatuses, listAvailableResizeSizes, type VmRef } from "./vm-gateway";
export {
  startVm,
  powerOffVm,
  deallocateVm,
  restartVm,
  deleteVm,
  resizeVm,
  setDataDisks,
  deleteManagedDisk,
} from "./vm-operations";
export {
  needsDeallocation,
  isOperationInProgress,
  NIC_IP_CONFIGURATION,
  type VmSpec,
  type VmInfo,
  type VmStatus,
  type VmPowerState,
  type VmDataDisk,
} from "./vm-mappers";
export { getLoadBalancer, listLoadBalancers, putLoadBalancer, deleteLoadBalancer } from "./load-balancer-gateway";
export type {
  LoadBalancerInfo,
  LoadBalancerSpec,
  LoadBalancerFrontend,
  LoadBalancerPool,
  LoadBalancerProbe,
  LoadBalancerRule,
  LoadBalancerNatRule,
} from "./load-balancer-mappers";
export {
  checkStorageNameAvailability,
  ensureStorageAccount,
  getStorageAccount,
  type StorageAccountSpec,
  type StorageAccountInfo,
  type StorageNameAvailability,
} from "./storage-gateway";
export {
  ensureRecoveryVault,
  getRecoveryVault,
  uploadVaultCertificate,
  type VaultRef,
  type RecoveryVaultInfo,
  type VaultCertificateInfo,
} from "./recovery-vault-gateway";
export {
  listFabrics,
  listRecoveryProviders,
  listProtectionContainers,
  listOnPremVms,
  listVmNetworks,
  listProtectedItems,
  getProtectedItem,
  getReplicationPolicy,
  getAsrJob,
  findLatestAsrJob,
  ensureReplicationPolicy,
  associatePolicy,
  mapVmNetworkToAzure,
  enableProtection,
  disableProtection,
  runProtectedItemAction,
  listRecoveryPoints,
  type ItemRef,
  type PolicySpec,
  type EnableProtectionSpec,
  type FailoverAction,
} from "./site-recovery-gateway";
export type {
  FabricInfo,
  RecoveryProviderInfo,
  ProtectionContainerInfo,
  OnPremVmInfo,
  OnPremDisk,
  VmNetworkInfo,
  ReplicationPolicyInfo,
  ProtectedItemInfo,
  AsrJobInfo,
  AsrJobTask,
} from "./site-recovery-mappers";
export {
  PORTAL_TAG,
  PORTAL_EXTRA_TAG,
  TAG_LIMITS,
  portalTags,
  missingPortalTags,
  withMissingPortalTags,
  tagProblems,
  type Tags,
  type TagOwner,
} from "./tags";
export {
  mergeTags,
  readTags,
  listNicTags,
  listPublicIpTags,
  listDiskTags,
  listResourceGroupTags,
  listVnetTags,
  listVmInventory,
  type TaggedResource,
  type TaggedNic,
  type VmInventoryItem,
} from "./tag-gateway";
export {
  partnerCenter,
  customerTenant,
  BUILTIN_ROLE_IDS,
  type PartnerAccess,
  type PartnerCustomerInfo,
  type AzurePlan,
  type AzureEntitlement,
  type AssignableRole,
} from "./partner-center";
export { checkGdap, findServicePrincipalId, type GdapCheck } from "./graph";
