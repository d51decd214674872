import { z } from "zod";
import { addressSpaceProblem, policyProblem, resourceGroupProblem, storageNameProblem, subnetProblem } from "./rules";

const name = (what: string, max = 64) =>
  z.string().trim().min(1, `Enter a ${what}.`).max(max, `At most ${max} characters.`);

export const registerVaultSchema = z.object({
  azureSubscriptionId: z.string().min(1, "Choose the provider subscription."),
  resourceGroup: name("resource group", 90).default("WAPRecoveryGroup"),
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9-]{1,49}$/, "Vault names are 2–50 letters, digits and hyphens, starting with a letter.")
    .default("WAPRecoveryVault"),
  region: z.string().trim().min(1, "Choose a region.").default("westus"),
});
export type RegisterVaultInput = z.infer<typeof registerVaultSchema>;

/** A form posts `vmNetworkIds` once per ticked network: none, one (a string) or several (an array). */
const idList = (atLeastOne: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().min(1)).min(1, atLeastOne).max(20),
  );

/** The provider gives a VMM cloud to a tenant subscription, and with it the tenant's own on-premises VM network(s). */
export const assignCloudSchema = z.object({
  containerId: z.string().min(1),
  tenantSubscriptionId: z.string().min(1, "Choose the tenant subscription."),
  vmNetworkIds: idList("Choose at least one on-premises VM network for this tenant.").transform((ids) => [
    ...new Set(ids),
  ]),
});
export type AssignCloudInput = z.infer<typeof assignCloudSchema>;

const hhmm = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour, UTC), or leave empty to start now.");

/** The tenant DR setup form; the overlap with the tenant's networks is checked by the service (it needs the database). */
export const setupTenantSchema = z
  .object({
    containerId: z.string().min(1),
    tenantSubscriptionId: z.string().min(1),
    resourceGroup: name("resource group", 90),
    storageAccount: z.string().trim(),
    vnetName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][\w.-]{0,62}[\w]$/, "Network names are 2–64 letters, digits, '-', '_' or '.'."),
    addressSpace: z.string().trim(),
    subnetName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][\w.-]{0,78}[\w]?$/, "Enter a subnet name.")
      .default("default"),
    subnetPrefix: z.string().trim(),
    policyName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Policy names are letters, digits, '-' and '_'."),
    copyFrequencySeconds: z.coerce.number().int(),
    recoveryPointHours: z.coerce.number().int(),
    appConsistentHours: z.coerce.number().int(),
    initialReplicationStart: z
      .union([z.literal(""), hhmm])
      .optional()
      .transform((v) => v || null),
    vmNetworkId: z.string().min(1, "Choose the tenant's on-premises VM network."),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string | null) =>
      message && ctx.addIssue({ code: "custom", path: [path], message });
    issue("resourceGroup", resourceGroupProblem(v.resourceGroup));
    issue("storageAccount", storageNameProblem(v.storageAccount));
    issue("addressSpace", addressSpaceProblem(v.addressSpace, []));
    issue("subnetPrefix", subnetProblem(v.addressSpace, v.subnetPrefix));
    for (const [path, message] of Object.entries(policyProblem(v))) issue(path, message);
  });
export type SetupTenantInput = z.infer<typeof setupTenantSchema>;
export const setupStepSchema = z.enum(["targets", "policy", "mapping"]);
export type SetupStep = z.infer<typeof setupStepSchema>;

export const enableProtectionSchema = z.object({
  vms: z
    .array(
      z.object({
        armName: z.string().min(1),
        targetVmName: z
          .string()
          .trim()
          .regex(
            /^[A-Za-z0-9][A-Za-z0-9-]{0,13}[A-Za-z0-9]?$/,
            "Azure VM names here are 1–15 letters, digits and hyphens.",
          )
          .optional(),
        targetSize: z.string().trim().optional(),
        osType: z.enum(["Windows", "Linux"]).optional(),
      }),
    )
    .min(1, "Select at least one VM.")
    .max(50),
  subnetName: z.string().trim().optional(),
});
export type EnableProtectionInput = z.infer<typeof enableProtectionSchema>;

export const failoverActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("testFailover") }),
  z.object({
    action: z.literal("testFailoverCleanup"),
    notes: z.string().trim().max(1024, "Notes are at most 1024 characters.").default(""),
  }),
  z.object({ action: z.literal("plannedFailover") }),
  z.object({
    action: z.literal("unplannedFailover"),
    recoveryPoint: z.enum(["latest", "latestProcessed"]).default("latestProcessed"),
    shutDownSource: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()).default(false),
  }),
  z.object({ action: z.literal("commit") }),
  z.object({ action: z.literal("failback") }),
  z.object({ action: z.literal("reprotect") }),
  z.object({ action: z.literal("disableProtection") }),
]);
export type FailoverActionInput = z.infer<typeof failoverActionSchema>;
export type DrAction = FailoverActionInput["action"];
