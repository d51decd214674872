import type { PgBoss } from "pg-boss";
import { startWorkers } from "@/lib/jobs/worker";
import { kinds, type OperationKind } from "@/lib/operations/kinds";
import * as dr from "@/lib/dr/jobs";
import * as network from "@/lib/network/jobs";
import { onboardPartnerSubscriptionJob } from "@/lib/partners/onboard-job";
import { syncPartnerJob } from "@/lib/partners/sync-job";
import { reconcileUsageJob } from "@/lib/pricing/reconcile-job";
import * as subscriptions from "@/lib/subscriptions/jobs";
import * as tenancy from "@/lib/tenancy/jobs";
import * as usage from "@/lib/usage/jobs";
import * as vms from "@/lib/vms/jobs";
import { startWebhookDelivery } from "@/lib/webhooks/worker";

/**
 * The handler of every kind in the operation-kind catalogue (lib/operations/kinds.ts), keyed by kind: a kind without
 * a handler, or a handler under another kind's name, does not compile. Importing the handlers registers them.
 */
export const jobHandlers: { [K in OperationKind]: { kind: K; run: (...args: never[]) => Promise<void> } } = {
  [kinds.subscription.validate]: subscriptions.validateSubscriptionJob,
  [kinds.subscription.sync]: vms.syncInventoryJob,
  [kinds.subscription.registerProviders]: subscriptions.registerProvidersJob,
  [kinds.tenantSubscription.provision]: tenancy.provisionTenantSubscriptionJob,
  [kinds.tenantSubscription.deprovision]: tenancy.deprovisionTenantSubscriptionJob,
  [kinds.vm.create]: vms.createVmJob,
  [kinds.vm.start]: vms.startVmJob,
  [kinds.vm.stop]: vms.stopVmJob,
  [kinds.vm.restart]: vms.restartVmJob,
  [kinds.vm.resize]: vms.resizeVmJob,
  [kinds.vm.setDataDisks]: vms.setDataDisksJob,
  [kinds.vm.delete]: vms.deleteVmJob,
  [kinds.lb.create]: network.createLoadBalancerJob,
  [kinds.lb.update]: network.updateLoadBalancerJob,
  [kinds.lb.addFrontend]: network.addFrontendJob,
  [kinds.lb.removeFrontend]: network.removeFrontendJob,
  [kinds.lb.addRule]: network.addRuleJob,
  [kinds.lb.removeRule]: network.removeRuleJob,
  [kinds.lb.refresh]: network.refreshLoadBalancersJob,
  [kinds.dr.registerVault]: dr.registerVaultJob,
  [kinds.dr.refreshFabric]: dr.refreshFabricJob,
  [kinds.dr.createVaultCredentials]: dr.createVaultCredentialsJob,
  [kinds.dr.setupTenant]: dr.setupTenantJob,
  [kinds.dr.refreshProtection]: dr.refreshProtectionJob,
  [kinds.dr.enableProtection]: dr.enableProtectionJob,
  [kinds.dr.disableProtection]: dr.disableProtectionJob,
  [kinds.dr.followReplication]: dr.followReplicationJob,
  [kinds.dr.testFailover]: dr.drActionJobs.testFailover,
  [kinds.dr.testFailoverCleanup]: dr.drActionJobs.testFailoverCleanup,
  [kinds.dr.plannedFailover]: dr.drActionJobs.plannedFailover,
  [kinds.dr.unplannedFailover]: dr.drActionJobs.unplannedFailover,
  [kinds.dr.commit]: dr.drActionJobs.commit,
  [kinds.dr.failback]: dr.drActionJobs.failback,
  [kinds.dr.reprotect]: dr.drActionJobs.reprotect,
  [kinds.usage.reconcile]: reconcileUsageJob,
  [kinds.usage.rollup]: usage.rollupUsageJob,
  [kinds.partner.sync]: syncPartnerJob,
  [kinds.partner.onboardSubscription]: onboardPartnerSubscriptionJob,
};

/** One dispatcher per catalogue kind, each with WORKER_CONCURRENCY jobs at once or the catalogue's figure when higher. */
export async function registerHandlers(boss: PgBoss) {
  await startWorkers(boss, { concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8) });
  // Webhooks: the outbox fan-out and the delivery queue (its own pg-boss queue, not Operations).
  await startWebhookDelivery(boss);
}
