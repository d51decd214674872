/**
 * How long each operation kind takes, on Azure's clock: `expectedMs` is a typical run, `maxMs` the point where the
 * runner gives up (OperationTimedOut, issue 12: a provider registration retried for 48 minutes). An operation running
 * more than `overdueFactor` times its expected duration is flagged "overdue" by the health check and the dashboard.
 * One table on purpose: the operation-kind catalogue (next issue) takes it over whole.
 */
export type OperationTiming = { expectedMs: number; maxMs: number };

const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;
const timing = (expectedMinutes: number, maxMs: number): OperationTiming => ({ expectedMs: minutes(expectedMinutes), maxMs });

export const overdueFactor = 3;

/** Kinds not listed here: a generous ten minutes expected, six hours at most. */
export const defaultTiming = timing(10, hours(6));

export const operationTimings: Record<string, OperationTiming> = {
  "subscription.validate": timing(1, minutes(30)),
  "subscription.sync": timing(2, minutes(30)),
  // Azure documents "a few minutes" per namespace; several namespaces register one after another.
  "subscription.registerProviders": timing(5, hours(1)),
  "tenantSubscription.provision": timing(1, minutes(30)),
  // A resource group delete removes everything in it: VMs, disks, networks.
  "tenantSubscription.deprovision": timing(15, hours(3)),
  "vm.create": timing(5, hours(1)),
  "vm.start": timing(2, minutes(30)),
  "vm.stop": timing(2, minutes(30)),
  "vm.deallocate": timing(3, minutes(30)),
  "vm.restart": timing(2, minutes(30)),
  "vm.resize": timing(5, hours(1)),
  "vm.setDataDisks": timing(3, minutes(30)),
  "vm.delete": timing(5, hours(1)),
  "lb.create": timing(2, minutes(30)),
  "lb.update": timing(1, minutes(30)),
  "lb.addFrontend": timing(2, minutes(30)),
  "lb.removeFrontend": timing(2, minutes(30)),
  "lb.refresh": timing(1, minutes(15)),
  "lb.addRule": timing(1, minutes(30)),
  "lb.removeRule": timing(1, minutes(30)),
  "dr.registerVault": timing(5, hours(1)),
  "dr.refreshFabric": timing(2, minutes(30)),
  "dr.setupTenant": timing(10, hours(2)),
  // Enabling protection waits for the initial replication, which moves the whole disk.
  "dr.enableProtection": timing(60, hours(24)),
  "dr.disableProtection": timing(10, hours(2)),
  "dr.refreshProtection": timing(1, minutes(15)),
  // Follows a replication for up to 4 hours (lib/dr/follow-jobs.ts), then ends by itself: never overdue before that.
  "dr.followReplication": timing(90, hours(5)),
  "dr.testFailover": timing(15, hours(6)),
  "dr.testFailoverCleanup": timing(10, hours(2)),
  "dr.plannedFailover": timing(30, hours(6)),
  "dr.unplannedFailover": timing(30, hours(6)),
  "dr.commit": timing(5, hours(2)),
  "dr.reprotect": timing(60, hours(24)),
};

export function timingOf(kind: string): OperationTiming {
  return operationTimings[kind] ?? defaultTiming;
}

/** Past its kind's maximum duration: the runner ends it rather than trying again. */
export function hasTimedOut(kind: string, startedAt: Date | null, now = new Date()) {
  return startedAt !== null && now.getTime() - startedAt.getTime() > timingOf(kind).maxMs;
}

/** "40 s", "5 min", "2 h", "1 h 30 min": for messages about these limits. */
export function describeSpan(ms: number) {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const totalMinutes = Math.round(ms / 60_000);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
