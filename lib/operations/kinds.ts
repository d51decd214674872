/**
 * The one catalogue of operation kinds (issue 13). Everything that names a kind reads it: enqueueing
 * (lib/jobs/enqueue.ts), defineJob, the worker's handler list (worker/handlers.ts, typed on OperationKind so a kind
 * without a handler fails the type check), the runner's timeouts and cancel rules, and the helpdesk's labels and kind
 * filter. It holds data only, so web code can import it without pulling job handlers or @azure/* into its bundle.
 *
 * Per kind:
 * - `input`: what its job carries, ids and choices only (never secrets: it is stored and shown to the helpdesk);
 *   enqueueing takes it typed, and the job's handler receives it parsed.
 * - `label`: what users read in lists, timelines and the kind filter.
 * - `target`: the type of object an operation of this kind acts on (Operation.targetType).
 * - `concurrency`: jobs of this kind one worker process runs at once, when more than WORKER_CONCURRENCY (bulk kinds).
 * - `cancel`: when an admin may cancel it (see CancelPolicy below); betweenSteps unless stated.
 * - `timing`: how long it takes on Azure's clock: `expectedMs` a typical run, `maxMs` where the runner gives up
 *   (OperationTimedOut, issue 12: a provider registration retried for 48 minutes).
 * - `retry`: how many fresh starts a retryable failure (429, 5xx, a lost connection) gets before the operation fails;
 *   DEFAULT_ATTEMPTS unless stated. Waiting on Azure is never an attempt.
 */
import { z } from "zod";
import type { LoadBalancerProbe, LoadBalancerRule } from "@/lib/azure";
import type { FrontendAddition, RuleAddition } from "@/lib/network/lb-rules";

export type OperationTiming = { expectedMs: number; maxMs: number };

/**
 * When an admin may cancel an operation (issue 12):
 * - "betweenSteps" (the default): while queued, or running: it stops at the next step boundary. A step waiting on
 *   another operation (nothing sent to Azure yet) is a boundary each time it looks again; a step waiting on Azure
 *   finishes first, so the follow-up (onFailed) settles a target whose Azure state it knows.
 * - "anytime": as betweenSteps, and it also stops while a step waits on Azure, for kinds whose waits only watch a change
 *   Azure carries on with regardless (a provider registration: GETs of the provider).
 * - "queued": only before it starts. Either one of its steps has changed Azure and its follow-up cannot put the target
 *   back (a deleted VM settled as "Succeeded", a removed frontend still shown), or it is one step that cannot be
 *   interrupted (a power action), so a cancel while it runs would never happen.
 */
export type CancelPolicy = "queued" | "betweenSteps" | "anytime";

export type TargetType =
  | "AzureSubscription"
  | "TenantSubscription"
  | "VirtualMachine"
  | "LoadBalancer"
  | "RecoveryVault"
  | "TenantDrSetup"
  | "ProtectedItem"
  /** The provider's usage ledger (lib/usage): the daily rollup acts on all of it. */
  | "Usage"
  /** A CSP partner's Partner Center connection (lib/partners). */
  | "PartnerConnection"
  /** A CSP customer's Azure subscription being onboarded (targetId: its Azure subscription id). */
  | "CustomerSubscription";

/**
 * Fresh starts for retryable failures, with pg-boss's backoff (2 s, 4 s, … up to 60 s) or Azure's Retry-After between
 * them. Never more than DEFAULT_ATTEMPTS: the queues' own retry limit (lib/jobs/queues.ts) is the ceiling.
 */
export type RetryPolicy = { attempts: number };
export const DEFAULT_ATTEMPTS = 7;
/** Refreshes that a schedule or the next page view runs again anyway: a short outage should not hold them for minutes. */
const refreshRetry: RetryPolicy = { attempts: 3 };

export type OperationKindSpec = {
  input: z.ZodType;
  label: string;
  target: TargetType | readonly TargetType[];
  concurrency?: number;
  cancel?: CancelPolicy;
  retry?: RetryPolicy;
  timing: OperationTiming;
  /**
   * The steps every run of the kind plans, when they never vary: written with the operation when it is queued (one
   * statement for a whole bulk), so its first run has nothing to plan and the console shows them while it waits.
   */
  steps?: readonly string[];
};

const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;
const timing = (expectedMinutes: number, maxMs: number): OperationTiming => ({
  expectedMs: minutes(expectedMinutes),
  maxMs,
});

const isObject = (v: unknown) => !!v && typeof v === "object";
const azureSubscription = z.object({ azureSubscriptionId: z.string() });
const tenantSubscription = z.object({ tenantSubscriptionId: z.string() });
const vm = z.object({ vmId: z.string() });
const vault = z.object({ vaultId: z.string() });
const setup = z.object({ setupId: z.string() });
const item = z.object({ protectedItemId: z.string() });
const drAction = item.extend({
  notes: z.string().optional(),
  recoveryPoint: z.enum(["latest", "latestProcessed"]).optional(),
  shutDownSource: z.boolean().optional(),
});

export const operationKinds = {
  "subscription.validate": {
    input: azureSubscription,
    label: "Validate subscription",
    target: "AzureSubscription",
    timing: timing(1, minutes(30)),
  },
  "subscription.sync": {
    input: azureSubscription,
    label: "Sync inventory",
    target: "AzureSubscription",
    retry: refreshRetry,
    timing: timing(2, minutes(30)),
  },
  // Azure documents "a few minutes" per namespace; several namespaces register one after another.
  "subscription.registerProviders": {
    input: azureSubscription.extend({ namespaces: z.array(z.string()).min(1) }),
    label: "Register resource providers",
    target: "AzureSubscription",
    cancel: "anytime",
    timing: timing(5, hours(1)),
  },
  // One uninterruptible step (the resource group PUT): a cancel while it runs could not stop anything.
  "tenantSubscription.provision": {
    input: tenantSubscription,
    label: "Provision tenant subscription",
    target: "TenantSubscription",
    cancel: "queued",
    timing: timing(1, minutes(30)),
  },
  // A resource group delete removes everything in it: VMs, disks, networks.
  "tenantSubscription.deprovision": {
    input: tenantSubscription,
    label: "Deprovision tenant subscription",
    target: "TenantSubscription",
    cancel: "queued",
    timing: timing(15, hours(3)),
  },
  // Comes in bulks of up to 50 per tenant, and its runs mostly wait on Azure (inlineWaitMaxMs in lib/jobs/poll-delay.ts).
  "vm.create": {
    input: vm.extend({ passwordSecretId: z.string().optional() }),
    label: "Create VM",
    target: "VirtualMachine",
    concurrency: 100,
    timing: timing(5, hours(1)),
    steps: [
      "Ensure resource group",
      "Create virtual network",
      "Wait for virtual network",
      "Create VM",
      "Wait for provisioning",
      "Read IP addresses",
    ],
  },
  // The power actions are one step waiting on Azure, which finishes whatever the portal does.
  "vm.start": {
    input: vm,
    label: "Start VM",
    target: "VirtualMachine",
    cancel: "queued",
    timing: timing(2, minutes(30)),
  },
  "vm.stop": {
    input: vm,
    label: "Stop VM",
    target: "VirtualMachine",
    cancel: "queued",
    timing: timing(2, minutes(30)),
  },
  "vm.restart": {
    input: vm,
    label: "Restart VM",
    target: "VirtualMachine",
    cancel: "queued",
    timing: timing(2, minutes(30)),
  },
  // Resize, data disks and delete change Azure for good: after a delete, or disks detached but not yet deleted, the
  // follow-up would show what is gone as healthy.
  "vm.resize": {
    input: vm.extend({ size: z.string(), vcpus: z.number(), memoryMb: z.number() }),
    label: "Resize VM",
    target: "VirtualMachine",
    cancel: "queued",
    timing: timing(5, hours(1)),
  },
  "vm.setDataDisks": {
    input: vm.extend({ disks: z.array(z.object({ lun: z.number(), sizeGb: z.number() })), summary: z.string() }),
    label: "Change data disks",
    target: "VirtualMachine",
    cancel: "queued",
    timing: timing(3, minutes(30)),
  },
  "vm.delete": {
    input: vm.extend({ afterFailedCreate: z.boolean().default(false) }),
    label: "Delete VM",
    target: "VirtualMachine",
    cancel: "queued",
    timing: timing(5, hours(1)),
  },
  "lb.create": {
    input: z.object({ loadBalancerId: z.string(), publicIpAddressId: z.string(), memberVmIds: z.array(z.string()) }),
    label: "Create load balancer",
    target: "LoadBalancer",
    timing: timing(2, minutes(30)),
  },
  // After the If-Match save the change is in Azure, while the portal's copy (and a frontend's public IP) would not say so.
  "lb.update": {
    input: z.object({
      loadBalancerId: z.string(),
      change: z.object({
        probe: z.custom<LoadBalancerProbe>().optional(),
        rule: z.custom<LoadBalancerRule>().optional(),
      }),
    }),
    label: "Change probe or rule",
    target: "LoadBalancer",
    cancel: "queued",
    timing: timing(1, minutes(30)),
  },
  "lb.addFrontend": {
    input: z.object({
      loadBalancerId: z.string(),
      publicIpAddressId: z.string(),
      addition: z.custom<FrontendAddition>(isObject),
    }),
    label: "Add frontend IP",
    target: "LoadBalancer",
    cancel: "queued",
    timing: timing(2, minutes(30)),
  },
  "lb.removeFrontend": {
    input: z.object({
      loadBalancerId: z.string(),
      frontendName: z.string(),
      publicIp: z.enum(["release", "keep"]),
      publicIpId: z.string().nullable(),
      publicIpAddressId: z.string().nullable(),
    }),
    label: "Remove frontend IP",
    target: "LoadBalancer",
    cancel: "queued",
    timing: timing(2, minutes(30)),
  },
  "lb.addRule": {
    input: z.object({ loadBalancerId: z.string(), addition: z.custom<RuleAddition>(isObject) }),
    label: "Add load-balancing rule",
    target: "LoadBalancer",
    cancel: "queued",
    timing: timing(1, minutes(30)),
  },
  "lb.removeRule": {
    input: z.object({ loadBalancerId: z.string(), ruleName: z.string() }),
    label: "Remove load-balancing rule",
    target: "LoadBalancer",
    cancel: "queued",
    timing: timing(1, minutes(30)),
  },
  // A refresh of one load balancer targets it; of a whole subscription, the tenant subscription.
  "lb.refresh": {
    input: tenantSubscription.extend({ loadBalancerId: z.string().optional() }),
    label: "Refresh load balancers",
    target: ["LoadBalancer", "TenantSubscription"],
    retry: refreshRetry,
    timing: timing(1, minutes(15)),
  },
  "dr.registerVault": {
    input: vault,
    label: "Register recovery vault",
    target: "RecoveryVault",
    timing: timing(5, hours(1)),
  },
  "dr.refreshFabric": {
    input: vault,
    label: "Refresh VMM servers and clouds",
    target: "RecoveryVault",
    retry: refreshRetry,
    timing: timing(2, minutes(30)),
  },
  "dr.createVaultCredentials": {
    input: vault,
    label: "Create vault credentials",
    target: "RecoveryVault",
    timing: timing(10, hours(6)),
  },
  "dr.setupTenant": {
    input: setup.extend({ only: z.enum(["targets", "policy", "mapping"]).optional() }),
    label: "Set up disaster recovery",
    target: "TenantDrSetup",
    timing: timing(10, hours(2)),
  },
  "dr.refreshProtection": {
    input: setup,
    label: "Refresh replication state",
    target: "TenantDrSetup",
    retry: refreshRetry,
    timing: timing(1, minutes(15)),
  },
  // Azure finishes an ASR action whatever the portal does; stopping after it would record the item's old state.
  // Enabling protection waits for the initial replication, which moves the whole disk.
  "dr.enableProtection": {
    input: item,
    label: "Enable protection",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(60, hours(24)),
  },
  "dr.disableProtection": {
    input: drAction,
    label: "Disable protection",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(10, hours(2)),
  },
  // Follows a replication for up to 4 hours (lib/dr/follow-jobs.ts), then ends by itself: never overdue before that.
  "dr.followReplication": {
    input: item,
    label: "Follow replication",
    target: "ProtectedItem",
    cancel: "anytime",
    timing: timing(90, hours(5)),
  },
  "dr.testFailover": {
    input: drAction,
    label: "Test failover",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(15, hours(6)),
  },
  "dr.testFailoverCleanup": {
    input: drAction,
    label: "Clean up test failover",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(10, hours(2)),
  },
  "dr.plannedFailover": {
    input: drAction,
    label: "Planned failover",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(30, hours(6)),
  },
  "dr.unplannedFailover": {
    input: drAction,
    label: "Unplanned failover",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(30, hours(6)),
  },
  "dr.commit": {
    input: drAction,
    label: "Commit failover",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(5, hours(2)),
  },
  "dr.failback": {
    input: drAction,
    label: "Fail back",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(10, hours(6)),
  },
  "dr.reprotect": {
    input: drAction,
    label: "Reprotect",
    target: "ProtectedItem",
    cancel: "queued",
    timing: timing(60, hours(24)),
  },
  // Reads Azure Cost Management's actual cost per day and tenant tag for the usage report (lib/pricing/reconcile-job.ts).
  "usage.reconcile": {
    input: azureSubscription.extend({ from: z.string(), to: z.string() }),
    label: "Reconcile actual cost",
    target: "AzureSubscription",
    retry: refreshRetry,
    timing: timing(1, minutes(30)),
  },
  // The daily usage rollup and the closing of days (lib/usage/jobs.ts); the worker's timer enqueues it.
  "usage.rollup": {
    input: z.object({}),
    label: "Roll up usage",
    target: "Usage",
    retry: refreshRetry,
    timing: timing(1, minutes(30)),
  },
  // Lists the partner's customers and their Azure plans from Partner Center (lib/partners/jobs.ts); also its validation.
  "partner.sync": {
    input: z.object({ connectionId: z.string() }),
    label: "Sync Partner Center customers",
    target: "PartnerConnection",
    retry: refreshRetry,
    timing: timing(1, minutes(30)),
  },
  // Consent, wait for the service principal, role assignment, onboarding and validation (lib/partners/onboard-job.ts).
  // A bulk onboarding is one operation per subscription; Partner Center's 429s wait out Retry-After in the client.
  "partner.onboardSubscription": {
    input: z.object({
      connectionId: z.string(),
      customerTenantId: z.string(),
      subscriptionId: z.string(),
      role: z.enum(["Contributor", "Owner"]),
      reason: z.string().optional(),
    }),
    label: "Onboard a CSP customer's subscription",
    target: "CustomerSubscription",
    timing: timing(3, hours(1)),
  },
} as const satisfies Record<string, OperationKindSpec>;

export type OperationKind = keyof typeof operationKinds;

/** What enqueueing an operation of kind K takes as its input. */
export type OperationInput<K extends OperationKind> = z.input<(typeof operationKinds)[K]["input"]>;
/** The type of object an operation of kind K acts on (Operation.targetType). */
export type OperationTargetType<K extends OperationKind> = Extract<
  ElementOf<(typeof operationKinds)[K]["target"]>,
  TargetType
>;
type ElementOf<T> = T extends readonly (infer E)[] ? E : T;
/** What its job's handler receives: the input parsed (defaults filled in). */
export type JobInput<K extends OperationKind> = z.output<(typeof operationKinds)[K]["input"]>;

/** Every kind, in catalogue order. */
export const allOperationKinds = Object.keys(operationKinds) as OperationKind[];

export function isOperationKind(kind: string): kind is OperationKind {
  return Object.hasOwn(operationKinds, kind);
}

/** The catalogue's entry, or undefined for a name it does not hold (an old row, a test's own kind). */
export function findKindSpec(kind: string): OperationKindSpec | undefined {
  return isOperationKind(kind) ? operationKinds[kind] : undefined;
}

type Noun<K> = K extends `${infer N}.${string}` ? N : never;
type KindsByNoun = {
  [N in Noun<OperationKind>]: { [K in OperationKind as K extends `${N}.${infer V}` ? V : never]: K };
};

/**
 * The kinds by noun and verb (`kinds.vm.create`): code outside this file names a kind through it, never as a string,
 * so a renamed or removed kind fails the type check where it is used (kinds.test.ts finds any spelt out).
 */
export const kinds = allOperationKinds.reduce<Record<string, Record<string, string>>>((tree, kind) => {
  const [noun, verb] = kind.split(".");
  (tree[noun] ??= {})[verb] = kind;
  return tree;
}, {}) as KindsByNoun;
