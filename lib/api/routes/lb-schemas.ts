import { z } from "@hono/zod-openapi";
import {
  addFrontendSchema,
  addRuleSchema,
  createLoadBalancerSchema,
  probeProtocols,
  removeFrontendSchema,
  ruleProtocols,
  updateProbeSchema,
  updateRuleSchema,
} from "@/lib/network/schema";
import type { LoadBalancerDetail } from "@/lib/network/queries";
import { API_BASE } from "../env";
import { etagOf } from "../etag";
import { tenantParam } from "./vm-schemas";

const dateTime = z.string().openapi({ format: "date-time" });
const pathParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name, in: "path" } });

export const lbParams = z.object({ tenant: tenantParam, loadBalancerId: pathParam("loadBalancerId") });
export const frontendParams = lbParams.extend({ frontendName: pathParam("frontendName") });
export const probeParams = lbParams.extend({ probeName: pathParam("probeName") });
export const ruleParams = lbParams.extend({ ruleName: pathParam("ruleName") });

/**
 * The forms' schemas (lib/network/schema.ts) without the ids the URL carries. They refuse bad types and ranges at the
 * edge; the handler then parses the whole form schema again with the URL's ids (parseInput), so its cross-field rules
 * (a new public IP needs a name, a Tcp probe has no path) and the control-character check apply exactly as on the form.
 */
export const createLoadBalancerBody = createLoadBalancerSchema.in.openapi("CreateLoadBalancer", {
  description: "The guide's shape: a frontend on a new public IP, a pool of the tenant's VMs, a probe and a rule.",
});
export const addFrontendBody = addFrontendSchema.in.omit({ loadBalancerId: true }).openapi("AddLoadBalancerFrontend", {
  description:
    'A frontend VIP on a new public IP (or an unattached one), with a new probe (probeChoice "new") or an existing one, and its rule.',
});
export const addRuleBody = addRuleSchema.in.omit({ loadBalancerId: true }).openapi("AddLoadBalancerRule");
export const updateProbeBody = updateProbeSchema.in
  .omit({ loadBalancerId: true, probeName: true })
  .openapi("UpdateLoadBalancerProbe");
export const updateRuleBody = updateRuleSchema
  .omit({ loadBalancerId: true, ruleName: true })
  .openapi("UpdateLoadBalancerRule");
export const removeFrontendQuery = removeFrontendSchema.pick({ publicIp: true });
export const refreshLoadBalancersBody = z
  .object({ tenantSubscriptionId: z.string().min(1, "Choose a subscription.").max(64) })
  .openapi("RefreshLoadBalancers");

const probeSchema = z
  .object({
    name: z.string(),
    protocol: z.enum(probeProtocols),
    port: z.number().int(),
    requestPath: z.string().optional(),
    intervalSeconds: z.number().int(),
    probeCount: z.number().int(),
  })
  .openapi("LoadBalancerProbe");
const ruleSchema = z
  .object({
    name: z.string(),
    protocol: z.enum(ruleProtocols),
    frontendName: z.string(),
    frontendPort: z.number().int(),
    backendPort: z.number().int(),
    backendPoolName: z.string(),
    probeName: z.string().optional(),
    floatingIp: z.boolean(),
    idleTimeoutMinutes: z.number().int(),
    tcpReset: z.boolean(),
  })
  .openapi("LoadBalancerRule");

export const loadBalancerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    subscription: z.object({ id: z.string() }),
    resourceGroup: z.string(),
    region: z.string(),
    sku: z.string(),
    provisioningState: z.string().openapi({ example: "Succeeded" }),
    errorMessage: z.string().nullable(),
    isDiscovered: z.boolean().openapi({ description: "Found in Azure by a refresh rather than created here." }),
    azureResourceId: z.string().nullable(),
    frontends: z.array(
      z.object({
        name: z.string(),
        publicIpName: z.string().nullable(),
        publicIpAddress: z.string().nullable(),
        publicIpId: z.string().nullable(),
      }),
    ),
    backendPools: z.array(
      z.object({
        name: z.string(),
        members: z.array(
          z.object({
            vmId: z.string().nullable(),
            vmName: z.string(),
            privateIp: z.string().nullable(),
            powerState: z.string().nullable(),
          }),
        ),
      }),
    ),
    probes: z.array(probeSchema),
    rules: z.array(ruleSchema),
    lastRefreshedAt: dateTime.nullable(),
    updatedAt: dateTime,
    etag: z.string().openapi({ description: "The ETag header's value: send it as If-Match on a change." }),
    href: z.string(),
  })
  .openapi("LoadBalancer");

export const publicIpOptionSchema = z
  .object({
    id: z.string().openapi({ description: 'Send it as existingPublicIpId with publicIpMode "existing".' }),
    name: z.string(),
    ipAddress: z.string().nullable(),
    sku: z.string(),
    resourceGroup: z.string(),
  })
  .openapi("LoadBalancerPublicIpOption");

/** Any write to the row (a change accepted, a job's result, a refresh) moves updatedAt, so the tag follows each version. */
export const lbEtag = (lb: { updatedAt: Date }) => etagOf("LoadBalancer", lb.updatedAt);

export const lbUrl = (tenant: string, id: string) => `${API_BASE}/tenants/${tenant}/load-balancers/${id}`;

export function toApiLoadBalancer(tenant: string, lb: LoadBalancerDetail) {
  return {
    id: lb.id,
    name: lb.name,
    subscription: { id: lb.tenantSubscriptionId },
    resourceGroup: lb.resourceGroup,
    region: lb.region,
    sku: lb.sku,
    provisioningState: lb.provisioningState,
    errorMessage: lb.errorMessage,
    isDiscovered: lb.isDiscovered,
    azureResourceId: lb.azureResourceId,
    frontends: lb.frontends.map((f) => ({
      name: f.name,
      publicIpName: f.publicIpName ?? null,
      publicIpAddress: f.publicIpAddress ?? null,
      publicIpId: f.publicIpId ?? null,
    })),
    backendPools: lb.backendPools.map((p) => ({
      name: p.name,
      members: p.members.map(({ vmId, vmName, privateIp, powerState }) => ({ vmId, vmName, privateIp, powerState })),
    })),
    probes: lb.probes,
    rules: lb.rules,
    lastRefreshedAt: lb.lastRefreshedAt?.toISOString() ?? null,
    updatedAt: lb.updatedAt.toISOString(),
    etag: lbEtag(lb),
    href: lbUrl(tenant, lb.id),
  };
}
