import { z } from "@hono/zod-openapi";
import {
  enableProtectionSchema,
  failoverActionSchema,
  setupStepSchema,
  setupTenantSchema,
  type DrAction,
} from "@/lib/dr/schema";
import type { getProtectedItemDetail, getTenantDr, getTenantDrSetup } from "@/lib/dr/queries";
import { API_BASE } from "../env";
import { operationSchema } from "../operation";
import { tenantParam } from "./vm-schemas";

const dateTime = z.string().openapi({ format: "date-time" });
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const itemParams = z.object({
  tenant: tenantParam,
  protectedItemId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "protectedItemId", in: "path" } }),
});

/** The protect form's schema (lib/dr/schema.ts): one entry per on-premises VM, by its VMM id (armName). */
export const enableProtectionBody = enableProtectionSchema.openapi("EnableProtection");

/**
 * The owner's setup form (lib/dr/schema.ts) without the cloud and subscription, which come from the provider's
 * assignment; the handler parses the whole form schema with them, so its cross-field rules apply as on the page.
 */
export const setupDrBody = z
  .object(setupTenantSchema.shape)
  .omit({ containerId: true, tenantSubscriptionId: true })
  .openapi("SetupDr");
export const rerunSetupStepBody = z.object({ step: setupStepSchema }).openapi("RerunDrSetupStep");

/** An action's own fields, from the same discriminated union the item page's dialogs post (without `action`). */
function actionBody(action: DrAction) {
  const option = failoverActionSchema.options.find((o) => o.shape.action.value === action)!;
  return (option as z.ZodObject).omit({ action: true });
}
export const testFailoverCleanupBody = actionBody("testFailoverCleanup").openapi("TestFailoverCleanup");
export const unplannedFailoverBody = actionBody("unplannedFailover").openapi("UnplannedFailover");

const step = z.string().openapi({ description: "pending, running, succeeded or failed" });
export const drSetupSchema = z
  .object({
    isAssigned: z.boolean().openapi({ description: "Your provider has given you a VMM cloud to protect." }),
    cloud: z.object({ name: z.string(), targetRegion: z.string() }).nullable(),
    subscription: z
      .object({ id: z.string(), name: z.string(), planName: z.string(), offersDr: z.boolean() })
      .nullable(),
    setup: z
      .object({
        isReady: z.boolean().openapi({ description: "Every step succeeded: protection can be enabled." }),
        steps: z.object({ targets: step, policy: step, mapping: step }),
        lastError: z.string().nullable(),
        resourceGroup: z.string(),
        storageAccount: z.string(),
        network: z.object({
          name: z.string(),
          addressSpace: z.string(),
          subnet: z.string(),
          subnetPrefix: z.string(),
        }),
        policy: z.object({
          name: z.string(),
          copyFrequencySeconds: z.number().int(),
          recoveryPointHours: z.number().int(),
          appConsistentHours: z.number().int(),
        }),
      })
      .nullable(),
    onPremisesNetworks: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .openapi({ description: "The VMM VM networks your provider gave you: map one with vmNetworkId." }),
  })
  .openapi("DrSetup");

export const onPremVmSchema = z
  .object({
    armName: z.string().openapi({ description: "The VMM VM's id: name it in EnableProtection." }),
    name: z.string(),
    osType: z.enum(["Windows", "Linux"]),
    osName: z.string().nullable(),
    disks: z.array(z.object({ name: z.string(), sizeGb: z.number(), isOs: z.boolean() })),
    protectedItemId: z.string().nullable(),
  })
  .openapi("DrOnPremisesVm");

export const protectedItemSchema = z
  .object({
    id: z.string(),
    vmName: z.string(),
    armName: z.string(),
    targetVmName: z.string(),
    targetSize: z.string().nullable(),
    osType: z.string(),
    state: z.string().openapi({ description: "The portal's intent: enabling, protected, disabling or failed." }),
    protectionState: z.string().nullable().openapi({ example: "Protected" }),
    protectionDescription: z.string().nullable(),
    replicationHealth: z.string().nullable(),
    activeLocation: z.string().nullable(),
    testFailoverState: z.string().nullable(),
    failoverState: z.string().openapi({ example: "On-premises" }),
    allowedOperations: z.array(z.string()).openapi({
      description: "Azure's allowed operations at the last read: an action needs its own here (else 409).",
    }),
    initialReplicationPercent: z.number().int().nullable(),
    lastRecoveryPointAt: dateTime.nullable(),
    rpoSeconds: z.number().int().nullable(),
    lastTestFailoverAt: dateTime.nullable(),
    lastTestFailoverNotes: z.string().nullable(),
    errorMessage: z.string().nullable(),
    lastSyncedAt: dateTime.nullable(),
    createdAt: dateTime,
    href: z.string(),
  })
  .openapi("ProtectedItem");

export const protectedItemDetailSchema = protectedItemSchema
  .extend({
    cloud: z.string(),
    policy: z.object({ copyFrequencySeconds: z.number().int(), recoveryPointHours: z.number().int() }).nullable(),
    lastJob: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: "The ASR job behind the last action: its name, state and tasks." }),
    operations: z.array(
      z.object({ id: z.string(), kind: z.string(), state: z.string(), createdAt: dateTime, href: z.string() }),
    ),
    rpo: z.array(z.object({ at: dateTime, rpoSeconds: z.number().int() })),
  })
  .openapi("ProtectedItemDetail");

export const protectionEnabledSchema = z
  .object({
    items: z.array(z.object({ id: z.string(), name: z.string(), href: z.string() })),
    operations: z
      .array(operationSchema)
      .openapi({ description: "One dr.enableProtection operation per VM, in the same order." }),
  })
  .openapi("ProtectionEnabled");

export const itemUrl = (tenant: string, id: string) => `${API_BASE}/tenants/${tenant}/protected-items/${id}`;
const operationUrl = (tenant: string, id: string) => `${API_BASE}/tenants/${tenant}/operations/${id}`;

export function toApiDrSetup(found: Awaited<ReturnType<typeof getTenantDrSetup>>) {
  if (!found) return { isAssigned: false, cloud: null, subscription: null, setup: null, onPremisesNetworks: [] };
  const { container, tenantSubscription: ts, networks } = found;
  const s = container.setup;
  return {
    isAssigned: true,
    cloud: { name: container.friendlyName, targetRegion: container.vault.region },
    subscription: { id: ts.id, name: ts.name, planName: ts.plan.name, offersDr: ts.plan.offersDr },
    setup: s && {
      isReady: [s.targetsState, s.policyState, s.mappingState].every((x) => x === "succeeded"),
      steps: { targets: s.targetsState, policy: s.policyState, mapping: s.mappingState },
      lastError: s.lastError,
      resourceGroup: s.resourceGroup,
      storageAccount: s.storageAccount,
      network: { name: s.vnetName, addressSpace: s.addressSpace, subnet: s.subnetName, subnetPrefix: s.subnetPrefix },
      policy: {
        name: s.policyName,
        copyFrequencySeconds: s.copyFrequencySeconds,
        recoveryPointHours: s.recoveryPointHours,
        appConsistentHours: s.appConsistentHours,
      },
    },
    onPremisesNetworks: networks.map((n) => ({ id: n.id, name: n.friendlyName })),
  };
}

type TenantDr = NonNullable<Awaited<ReturnType<typeof getTenantDr>>>;
export const toApiOnPremVm = (vm: TenantDr["vms"][number]) => ({
  armName: vm.armName,
  name: vm.name,
  osType: vm.osType,
  osName: vm.osName ?? null,
  disks: vm.disks.map(({ name, sizeGb, isOs }) => ({ name, sizeGb, isOs })),
  protectedItemId: vm.protectedItem?.id ?? null,
});

export function toApiProtectedItem(tenant: string, i: TenantDr["items"][number]) {
  return {
    id: i.id,
    vmName: i.vmName,
    armName: i.armName,
    targetVmName: i.targetVmName,
    targetSize: i.targetSize,
    osType: i.osType,
    state: i.state,
    protectionState: i.protectionState,
    protectionDescription: i.protectionDescription,
    replicationHealth: i.replicationHealth,
    activeLocation: i.activeLocation,
    testFailoverState: i.testFailoverState,
    failoverState: i.failoverState,
    allowedOperations: i.allowedOperations,
    initialReplicationPercent: i.initialReplicationPercent,
    lastRecoveryPointAt: iso(i.lastRecoveryPointAt),
    rpoSeconds: i.rpoSeconds,
    lastTestFailoverAt: iso(i.lastTestFailoverAt),
    lastTestFailoverNotes: i.lastTestFailoverNotes,
    errorMessage: i.errorMessage,
    lastSyncedAt: iso(i.lastSyncedAt),
    createdAt: i.createdAt.toISOString(),
    href: itemUrl(tenant, i.id),
  };
}

type ItemDetail = Awaited<ReturnType<typeof getProtectedItemDetail>>;
export function toApiProtectedItemDetail(tenant: string, { item, operations, rpo }: ItemDetail) {
  const policy = item.container.setup;
  return {
    ...toApiProtectedItem(tenant, item),
    cloud: item.container.friendlyName,
    policy: policy && {
      copyFrequencySeconds: policy.copyFrequencySeconds,
      recoveryPointHours: policy.recoveryPointHours,
    },
    lastJob: (item.lastJob as Record<string, unknown> | null) ?? null,
    operations: operations.map((o) => ({
      id: o.id,
      kind: o.kind,
      state: o.state,
      createdAt: o.createdAt.toISOString(),
      href: operationUrl(tenant, o.id),
    })),
    rpo: rpo.map((r) => ({ at: r.at.toISOString(), rpoSeconds: r.rpoSeconds })),
  };
}
