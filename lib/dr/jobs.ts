// The worker registers DR operations by importing this file.
export { registerVaultJob, refreshFabricJob, setupTenantJob } from "./admin-jobs";
export { enableProtectionJob, disableProtectionJob, drActionJobs, refreshProtectionJob } from "./protection-jobs";
export { followReplicationJob } from "./follow-jobs";
export { createVaultCredentialsJob } from "./vault-credentials-job";
