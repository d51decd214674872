import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type Pipeline,
  type PipelinePolicy,
} from "@azure/core-rest-pipeline";
import { cloudEndpoints } from "./clouds";
import { appCredential } from "./credential";
import { ArmError, parseRetryAfterMs, toArmError } from "./errors";
import { observePolicy } from "./observe";
import { pacingPolicy } from "./pacing-policy";
import { redactText } from "./redact";
import type { AzureCloudName } from "./types";

/** A CSP partner's app as lib/azure needs it (a subset of the PartnerConnection row). */
export type PartnerAccess = {
  id: string;
  updatedAt: Date;
  partnerTenantId: string;
  clientId: string;
  /** Sealed with encryptSecret(): the secret, or the certificate's PEM bundle; opened only in credential.ts. */
  clientSecretEnc: string;
  /** secret (also when absent) or certificate. */
  credentialKind?: "secret" | "certificate";
  cloud: AzureCloudName;
  partnerCenterEndpoint: string | null;
  armEndpoint: string | null;
  authorityHost: string | null;
  caCertificate: string | null;
};

export type PartnerCustomerInfo = { tenantId: string; companyName: string; domain: string };
export type AzureEntitlement = { subscriptionId: string; friendlyName: string; status: string };
export type AzurePlan = { azurePlanId: string; entitlements: AzureEntitlement[] } | null;

/** The offer id of the Azure plan in Partner Center's catalogue (its subscriptions hold Azure entitlements). */
export const AZURE_PLAN_OFFER_PREFIX = "DZH318Z0BPS6";
const PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/.default";
const PUBLIC_PARTNER_CENTER = "https://api.partnercenter.microsoft.com";
/** The Azure Service Management API: the grant an app needs in a customer's tenant to call ARM there. */
const AZURE_SERVICE_MANAGEMENT_APP_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

export const BUILTIN_ROLE_IDS = {
  Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  Contributor: "b24988ac-6180-42a3-ab88-20f7382dd24c",
} as const;
export type AssignableRole = keyof typeof BUILTIN_ROLE_IDS;

function endpointsOf(access: PartnerAccess) {
  if (access.cloud !== "AzureCloud" && access.cloud !== "Custom")
    throw new ArmError({
      code: "CloudNotSupported",
      message: "Partner Center connections are supported for Azure (global) and custom clouds only.",
      retryable: false,
    });
  const arm = cloudEndpoints(access);
  const partnerCenter =
    access.cloud === "Custom" ? (access.partnerCenterEndpoint ?? "").replace(/\/+$/, "") : PUBLIC_PARTNER_CENTER;
  return { ...arm, partnerCenter };
}

function credentialFor(access: PartnerAccess, tenantId: string) {
  const e = endpointsOf(access);
  return appCredential(tenantId, access, {
    authorityHost: e.authorityHost,
    disableInstanceDiscovery: e.disableInstanceDiscovery,
    ca: e.ca,
  });
}

/**
 * A service that names its request id otherwise (Partner Center MS-RequestId, Graph request-id): the id is copied to
 * x-ms-request-id so the step timeline records it.
 */
export function requestIdFrom(header: string): PipelinePolicy {
  return {
    name: `requestIdFrom:${header}`,
    async sendRequest(request, next) {
      const response = await next(request);
      const id = response.headers.get(header);
      if (id && !response.headers.get("x-ms-request-id")) response.headers.set("x-ms-request-id", id);
      return response;
    },
  };
}
const partnerCenterRequestId = requestIdFrom("ms-requestid");

export function pipelineFor(
  access: PartnerAccess,
  tenantId: string,
  scope: string,
  extra: PipelinePolicy[] = [],
): Pipeline {
  const e = endpointsOf(access);
  // The default retry policies honour Retry-After on 429 and 503 (Partner Center throttles like ARM).
  const pipeline = createPipelineFromOptions({
    retryOptions: { maxRetries: 4, maxRetryDelayInMs: 60_000 },
    ...(e.ca ? { tlsOptions: { ca: e.ca } } : {}),
  });
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: credentialFor(access, tenantId), scopes: scope }));
  for (const policy of [partnerCenterRequestId, observePolicy(), ...extra])
    pipeline.addPolicy(policy, { phase: "Retry" });
  return pipeline;
}

const httpClient = createDefaultHttpClient();

export type Sent = { status: number; body: Record<string, unknown>; headers: { get(n: string): string | undefined } };

export async function send(
  pipeline: Pipeline,
  url: string,
  options: { method?: "GET" | "POST" | "PUT"; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const request = createPipelineRequest({
    url,
    method: options.method ?? "GET",
    headers: createHttpHeaders({ accept: "application/json", "content-type": "application/json", ...options.headers }),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  let response;
  try {
    response = await pipeline.sendRequest(httpClient, request);
  } catch (e) {
    throw toArmError(e);
  }
  let body: Record<string, unknown> = {};
  try {
    body = response.bodyAsText ? (JSON.parse(response.bodyAsText) as Record<string, unknown>) : {};
  } catch {
    // not JSON: the status says enough
  }
  return { status: response.status, body, headers: { get: (n) => response.headers.get(n) } };
}

/**
 * A Partner Center, Graph or ARM error reply as one ArmError whose message quotes the service's code and request id.
 * Partner Center answers { code, description } (its REST error codes) or, when throttling, { statusCode, message };
 * Graph and ARM answer { error: { code, message } }. Their request ids: MS-RequestId, request-id, x-ms-request-id.
 */
export function serviceFailure(service: "Partner Center" | "Microsoft Graph" | "ARM", sent: Sent): ArmError {
  const b = sent.body as {
    code?: unknown;
    description?: string;
    statusCode?: number;
    message?: string;
    error?: { code?: string; message?: string };
  };
  const code =
    b.error?.code ??
    (b.code !== undefined && b.code !== null ? `PartnerCenter${String(b.code)}` : undefined) ??
    (sent.status === 429 ? "TooManyRequests" : `Http${sent.status}`);
  const requestId =
    sent.headers.get("ms-requestid") ?? sent.headers.get("request-id") ?? sent.headers.get("x-ms-request-id");
  const text = b.error?.message ?? b.description ?? b.message ?? `HTTP ${sent.status}`;
  const quoted = b.error?.code ?? (b.code !== undefined ? String(b.code) : String(sent.status));
  return new ArmError({
    status: sent.status,
    code,
    message: redactText(`${service}: ${text} (code ${quoted}${requestId ? `, request id ${requestId}` : ""})`),
    requestId,
    correlationId:
      sent.headers.get("ms-correlationid") ??
      sent.headers.get("client-request-id") ??
      sent.headers.get("x-ms-correlation-request-id"),
    retryAfterMs: parseRetryAfterMs(sent.headers),
  });
}

/** Partner Center's REST API as the partner's app (app-only), through a pipeline that retries 429 after Retry-After. */
export function partnerCenter(access: PartnerAccess) {
  const base = `${endpointsOf(access).partnerCenter}/v1`;
  const pipeline = pipelineFor(access, access.partnerTenantId, PARTNER_CENTER_SCOPE);
  const get = async (path: string, headers?: Record<string, string>) => {
    const sent = await send(pipeline, `${base}${path}`, { headers });
    if (sent.status >= 400) throw serviceFailure("Partner Center", sent);
    return sent;
  };
  return {
    /** Every customer, page by page (Partner Center pages with an MS-ContinuationToken header). */
    async listCustomers(pageSize = 100): Promise<PartnerCustomerInfo[]> {
      const out: PartnerCustomerInfo[] = [];
      let continuation: string | undefined;
      do {
        const { body } = await get(
          `/customers?size=${pageSize}`,
          continuation ? { "MS-ContinuationToken": continuation } : undefined,
        );
        const page = body as {
          items?: { id: string; companyProfile?: { tenantId?: string; companyName?: string; domain?: string } }[];
          links?: { next?: { headers?: { key: string; value: string }[] } };
        };
        for (const c of page.items ?? [])
          out.push({
            tenantId: (c.companyProfile?.tenantId ?? c.id).toLowerCase(),
            companyName: c.companyProfile?.companyName ?? c.id,
            domain: c.companyProfile?.domain ?? "",
          });
        continuation = page.links?.next?.headers?.find((h) => h.key.toLowerCase() === "ms-continuationtoken")?.value;
      } while (continuation);
      return out;
    },
    /** The customer's Azure plan and the Azure subscriptions under it, or null when the customer has no Azure plan. */
    async getAzurePlan(customerTenantId: string): Promise<AzurePlan> {
      const { body } = await get(`/customers/${customerTenantId}/subscriptions`);
      const items = (body.items ?? []) as { id: string; offerId?: string; status?: string }[];
      const plan = items.find((s) => s.offerId?.startsWith(AZURE_PLAN_OFFER_PREFIX) && s.status !== "deleted");
      if (!plan) return null;
      const ents = await get(`/customers/${customerTenantId}/subscriptions/${plan.id}/azureEntitlements`);
      const entitlements = ((ents.body.items ?? []) as { id: string; friendlyName?: string; status?: string }[]).map(
        (e) => ({ subscriptionId: e.id.toLowerCase(), friendlyName: e.friendlyName ?? e.id, status: e.status ?? "" }),
      );
      return { azurePlanId: plan.id, entitlements };
    },
    /** Consents the partner's app into the customer's tenant for ARM; an existing consent is reused ("exists"). */
    async createConsent(customerTenantId: string, displayName: string): Promise<"created" | "exists"> {
      const sent = await send(pipeline, `${base}/customers/${customerTenantId}/applicationconsents`, {
        method: "POST",
        body: {
          applicationId: access.clientId,
          applicationGrants: [
            { enterpriseApplicationId: AZURE_SERVICE_MANAGEMENT_APP_ID, scope: "user_impersonation" },
          ],
          displayName,
        },
      });
      if (sent.status === 409) return "exists";
      if (sent.status >= 400) throw serviceFailure("Partner Center", sent);
      return "created";
    },
  };
}

/** The partner's app inside one customer's tenant (after consent): its service principal and ARM calls there. */
export function customerTenant(access: PartnerAccess, customerTenantId: string) {
  const e = endpointsOf(access);
  return {
    /**
     * PUT of a role assignment with a name of our choosing, so a re-run writes the same one; Azure's RoleAssignmentExists
     * (the same principal, role and scope under another name) counts as done.
     */
    async assignRole(opts: { subscriptionId: string; name: string; principalId: string; role: AssignableRole }) {
      const scope = `/subscriptions/${opts.subscriptionId}`;
      const pipeline = pipelineFor(access, customerTenantId, e.scope, [pacingPolicy(opts.subscriptionId)]);
      const sent = await send(
        pipeline,
        `${e.resourceManager}${scope}/providers/Microsoft.Authorization/roleAssignments/${opts.name}?api-version=2022-04-01`,
        {
          method: "PUT",
          body: {
            properties: {
              roleDefinitionId: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE_IDS[opts.role]}`,
              principalId: opts.principalId,
              principalType: "ServicePrincipal",
            },
          },
        },
      );
      if (sent.status === 409 && (sent.body.error as { code?: string } | undefined)?.code === "RoleAssignmentExists")
        return "exists" as const;
      if (sent.status >= 400) throw serviceFailure("ARM", sent);
      return "created" as const;
    },
    /** Reads the subscription as the app: proves the credential and the role work before anything is saved. */
    async readSubscription(subscriptionId: string): Promise<{ displayName: string; state: string }> {
      const pipeline = pipelineFor(access, customerTenantId, e.scope, [pacingPolicy(subscriptionId)]);
      const sent = await send(pipeline, `${e.resourceManager}/subscriptions/${subscriptionId}?api-version=2022-12-01`);
      if (sent.status >= 400) throw serviceFailure("ARM", sent);
      return { displayName: String(sent.body.displayName ?? subscriptionId), state: String(sent.body.state ?? "") };
    },
  };
}
