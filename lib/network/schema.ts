import { z } from "zod";
import { probeLimits } from "./lb-rules";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter the ${label}.` })
    .int(`The ${label} is a whole number.`)
    .min(min, `The ${label} is ${min}–${max}.`)
    .max(max, `The ${label} is ${min}–${max}.`);
const name = (what: string) => z.string().trim().min(1, `Name the ${what}.`);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const lbSkus = ["Standard", "Basic"] as const;
export const probeProtocols = ["Tcp", "Http", "Https"] as const;
export const ruleProtocols = ["Tcp", "Udp", "All"] as const;
export type LbSku = (typeof lbSkus)[number];

/** The guide's example (Azure's "multiple VIPs" how-to): an HTTP probe every 5 s, two probes, a TCP rule. */
export const guideDefaults = {
  probeProtocol: "Http",
  probePort: 80,
  probePath: "/",
  probeInterval: 5,
  probeCount: 2,
  ruleProtocol: "Tcp",
  frontendPort: 80,
  backendPort: 80,
  idleTimeout: 4,
  floatingIp: false,
  tcpReset: false,
  publicIpAllocation: "Static",
} as const;

// Probe and rule fields are flat, with the names the forms use, so a field error lands beside its input.
const probeShape = {
  probeName: name("health probe"),
  probeProtocol: z.enum(probeProtocols).default(guideDefaults.probeProtocol),
  probePort: int("probe port", 1, 65535).default(guideDefaults.probePort),
  probePath: z.preprocess(blankToUndefined, z.string().trim().optional()),
  probeInterval: int("probe interval", probeLimits.interval.min, probeLimits.interval.max).default(
    guideDefaults.probeInterval,
  ),
  probeCount: int("probe count", probeLimits.count.min, probeLimits.count.max).default(guideDefaults.probeCount),
};
const ruleShape = {
  ruleName: name("load-balancing rule"),
  ruleProtocol: z.enum(ruleProtocols).default(guideDefaults.ruleProtocol),
  frontendPort: int("frontend port", 0, 65534),
  backendPort: int("backend port", 0, 65535),
  backendPool: z.string().trim().min(1, "Choose a backend pool."),
  floatingIp: checkbox.default(false),
  idleTimeout: int("idle timeout", 4, 30).default(guideDefaults.idleTimeout),
  tcpReset: checkbox.default(false),
};
const publicIpShape = {
  publicIpName: z.preprocess(blankToUndefined, z.string().trim().optional()),
  publicIpAllocation: z.enum(["Static", "Dynamic"]).default("Static"),
};

/** Azure keeps requestPath for Http/Https only; a Tcp probe drops what the form may still hold. */
const dropTcpPath = <T extends { probeProtocol: string; probePath?: string }>(v: T): T =>
  v.probeProtocol === "Tcp" ? { ...v, probePath: undefined } : v;

export const addFrontendSchema = z
  .object({
    loadBalancerId: z.string().min(1),
    frontendName: name("frontend"),
    publicIpMode: z.enum(["new", "existing"]).default("new"),
    ...publicIpShape,
    publicIpSku: z.enum(lbSkus).default("Standard"),
    existingPublicIpId: z.preprocess(blankToUndefined, z.string().optional()),
    /** "new" adds the probe described by the probe fields; any other value names an existing probe. */
    probeChoice: z.string().default("new"),
    ...probeShape,
    ...ruleShape,
  })
  .transform(dropTcpPath)
  .superRefine((v, ctx) => {
    if (v.publicIpMode === "new" && !v.publicIpName)
      ctx.addIssue({ code: "custom", path: ["publicIpName"], message: "Name the new public IP address." });
    if (v.publicIpMode === "existing" && !v.existingPublicIpId)
      ctx.addIssue({ code: "custom", path: ["existingPublicIpId"], message: "Choose a public IP address." });
  });
export type AddFrontendInput = z.infer<typeof addFrontendSchema>;

export const createLoadBalancerSchema = z
  .object({
    tenantSubscriptionId: z.string().min(1, "Choose a subscription."),
    name: name("load balancer"),
    region: z.string().min(1, "Choose a region."),
    sku: z.enum(lbSkus).default("Standard"),
    frontendName: name("frontend"),
    ...publicIpShape,
    publicIpName: name("public IP address"),
    memberVmIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().min(1)).max(100, "At most 100 VMs here."),
    ),
    ...probeShape,
    ...ruleShape,
    // The new pool is the rule's pool: named here rather than chosen.
    backendPool: name("backend pool"),
  })
  .transform(dropTcpPath);
export type CreateLoadBalancerInput = z.infer<typeof createLoadBalancerSchema>;

export const removeFrontendSchema = z.object({
  loadBalancerId: z.string().min(1),
  frontendName: z.string().min(1),
  /** "release" deletes the frontend's public IP address; "keep" leaves it unattached for another frontend. */
  publicIp: z.enum(["release", "keep"]).default("release"),
});
export type RemoveFrontendInput = z.infer<typeof removeFrontendSchema>;

export const updateProbeSchema = z.object({ loadBalancerId: z.string().min(1), ...probeShape }).transform(dropTcpPath);
export type UpdateProbeInput = z.infer<typeof updateProbeSchema>;

export const updateRuleSchema = z.object({
  loadBalancerId: z.string().min(1),
  ...ruleShape,
  probeChoice: z.string().default(""),
  /** Another frontend moves the rule there; blank keeps it where it is. */
  frontendName: z.preprocess(blankToUndefined, z.string().trim().optional()),
});
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

/** "Add rule" on an existing frontend: the rule, and a new probe or an existing one (as in addFrontendSchema). */
export const addRuleSchema = z
  .object({
    loadBalancerId: z.string().min(1),
    frontendName: z.string().trim().min(1, "Choose a frontend."),
    probeChoice: z.string().default("new"),
    ...probeShape,
    ...ruleShape,
  })
  .transform(dropTcpPath);
export type AddRuleInput = z.infer<typeof addRuleSchema>;

export const removeRuleSchema = z.object({ loadBalancerId: z.string().min(1), ruleName: z.string().min(1) });
export type RemoveRuleInput = z.infer<typeof removeRuleSchema>;
