import { z } from "zod";

export const planStates = ["public", "private", "retired"] as const;
export type PlanStateValue = (typeof planStates)[number];

/** The quota fields of a plan, in the order forms and summaries show them, with units and upper bounds. */
export const quotaFields = {
  quotaVms: { label: "Virtual machines", noun: "virtual machines", unit: "VMs", max: 10_000, defaultValue: 10 },
  quotaVcpus: { label: "vCPUs", noun: "vCPUs", unit: "vCPUs", max: 100_000, defaultValue: 40 },
  quotaPublicIps: {
    label: "Public IP addresses",
    noun: "public IP addresses",
    unit: "IPs",
    max: 1_000,
    defaultValue: 5,
  },
  quotaLoadBalancers: {
    label: "Load balancers",
    noun: "load balancers",
    unit: "load balancers",
    max: 1_000,
    defaultValue: 2,
  },
  quotaProtectedVms: { label: "Protected VMs", noun: "protected VMs", unit: "VMs", max: 10_000, defaultValue: 5 },
} as const;
export type QuotaField = keyof typeof quotaFields;
export const quotaFieldNames = Object.keys(quotaFields) as QuotaField[];
export type PlanQuotas = Record<QuotaField, number>;

const quota = (field: QuotaField) => {
  const { noun, max } = quotaFields[field];
  return z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v.trim()) : v),
    z
      .number({ error: `Enter how many ${noun} the plan allows (0 for none).` })
      .int("Use a whole number.")
      .min(0, "A quota cannot be negative; use 0 to offer none.")
      .max(max, `Use at most ${max.toLocaleString("en-US")}.`),
  );
};

/** FormData sends one value as a string and several as an array; both become an array here. */
const list = <T extends z.ZodType>(item: T, emptyMessage: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).min(1, emptyMessage),
  );

export const imageChoiceSchema = z.object({
  publisher: z.string().trim().min(1).max(128),
  offer: z.string().trim().min(1).max(128),
  sku: z.string().trim().min(1).max(128),
  /** "latest", or one version from the subscription's discovered catalogue (checked by the service). */
  version: z.string().trim().min(1, "Choose a version.").max(64),
});
export type ImageChoice = z.infer<typeof imageChoiceSchema>;

/** Forms post each chosen image as a JSON string; the service and tests pass objects. */
const imageChoice = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}, imageChoiceSchema);

const planFields = {
  name: z.string().trim().min(1, "Give the plan a name tenants will recognise.").max(64, "Use at most 64 characters."),
  description: z.string().trim().max(500, "Use at most 500 characters.").default(""),
  azureSubscriptionId: z
    .string({ error: "Choose the Azure subscription behind this plan." })
    .trim()
    .min(1, "Choose the Azure subscription behind this plan."),
  allowedSizes: list(z.string().trim().min(1).max(128), "Choose at least one VM size tenants may use.").transform(
    (sizes) => [...new Set(sizes)],
  ),
  allowedImages: list(imageChoice, "Choose at least one OS image tenants may use."),
  quotaVms: quota("quotaVms"),
  quotaVcpus: quota("quotaVcpus"),
  quotaPublicIps: quota("quotaPublicIps"),
  quotaLoadBalancers: quota("quotaLoadBalancers"),
  quotaProtectedVms: quota("quotaProtectedVms"),
  offersDr: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
};

/** A new plan starts public (tenants may subscribe themselves) or private (the admin subscribes tenants). */
export const createPlanSchema = z.object({
  ...planFields,
  state: z.enum(["public", "private"], { error: "Choose who may subscribe." }).default("private"),
});
export type CreatePlanInput = z.infer<typeof createPlanSchema>;

/** Editing never changes the state: that has its own use case (setPlanState) with its own confirmation. */
export const updatePlanSchema = z.object({ id: z.string().min(1), ...planFields });
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

export const setPlanStateSchema = z.object({ id: z.string().min(1), state: z.enum(planStates) });
export type SetPlanStateInput = z.infer<typeof setPlanStateSchema>;
