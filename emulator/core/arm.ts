import type { IncomingMessage } from "node:http";
import {
  ArmError,
  invalidRequestContent,
  missingRegistration,
  resourceGroupNotFound,
  subscriptionNotFound,
} from "./errors.js";
import { createEtagHelper } from "./etag.js";
import { quotaHelper } from "./quota.js";
import { pageOf } from "./paging.js";
import { roleAt } from "./directory.js";
import { registrationState } from "./registration.js";
import { resourceGroupId } from "./ids.js";
import { checkBody, dropNulls } from "./request-schema.js";
import { checkRequest, responseMismatch } from "../specs/validation/validate.js";
import { toJson } from "./http.js";
import { verifyArmToken } from "./tokens.js";
import type { HttpMethod, JsonBody, Reply, RequestContext, RouteDef } from "./plugin.js";
import type { Runtime } from "./runtime.js";
import type { RequestLogEntry } from "./observe.js";

export interface ArmOutcome {
  reply: Reply;
  meta: Pick<RequestLogEntry, "opType" | "resourceType" | "principal">;
}

const CATEGORY = { read: "reads", write: "writes", action: "writes", delete: "deletes" } as const;
const VERB = { read: "read", write: "write", action: "action", delete: "delete" } as const;

function namespaceOf(template: string): string | undefined {
  const m = /\/providers\/([A-Za-z][\w.]*)(\/|$)/.exec(template);
  return m ? m[1] : undefined;
}

function unmatched(path: string, apiVersion: string | null, allowed?: HttpMethod[]): ArmError {
  if (allowed) return new ArmError(405, "MethodNotAllowed", `The requested resource does not support http method.`);
  const m = /\/providers\/([^/]+)\/([^/]+)/i.exec(path);
  if (m) {
    return new ArmError(
      404,
      "InvalidResourceType",
      `The resource type '${m[2]}' could not be found in the namespace '${m[1]}' for api version '${apiVersion ?? ""}'.`,
    );
  }
  return new ArmError(404, "NotFound", `The requested path '${path}' was not found.`);
}

/** The ARM request pipeline: auth → api-version → subscription → RBAC → throttling → registration → group → handler. */
export async function handleArm(
  rt: Runtime,
  req: IncomingMessage,
  url: URL,
  rawBody: string,
  requestId: string,
  extraHeaders: Record<string, string>,
): Promise<ArmOutcome> {
  const method = (req.method ?? "GET").toUpperCase() as HttpMethod;
  const path = decodeURIComponent(url.pathname);
  const meta: ArmOutcome["meta"] = { opType: "other" };
  rt.lro.settleDue();

  const claims = verifyArmToken(rt.store.state.signingKey, req.headers.authorization);
  const principal = rt.store.findPrincipalByObjectId(claims.oid);
  if (!principal) throw new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
  meta.principal = principal.appId;

  const apiVersion = url.searchParams.get("api-version");
  const matched = rt.router.match(method, path);
  if (!matched || "allowed" in matched) {
    if (!apiVersion) throw missingApiVersion();
    // Azure checks namespace registration before it resolves the type, so an unregistered RP answers 409.
    const m = /^\/subscriptions\/([^/]+)\/(?:resourceGroups\/[^/]+\/)?providers\/([^/]+)\//i.exec(path);
    const s = m ? rt.store.getSubscription(m[1]) : undefined;
    if (
      m &&
      s &&
      s.tenantId.toLowerCase() === claims.tid.toLowerCase() &&
      registrationState(s, m[2], rt.clock.now()) !== "Registered"
    ) {
      throw missingRegistration(m[2]);
    }
    throw unmatched(path, apiVersion, matched && "allowed" in matched ? matched.allowed : undefined);
  }
  const { route, params } = matched;
  meta.opType = route.isPoll ? "poll" : route.operation;
  meta.resourceType = route.resourceType;
  if (route.apiVersions !== "any") {
    if (!apiVersion) throw missingApiVersion();
    if (!route.apiVersions.includes(apiVersion)) {
      throw new ArmError(
        400,
        "InvalidApiVersionParameter",
        `The api-version '${apiVersion}' is invalid. The supported versions are '${route.apiVersions.join(",")}'.`,
      );
    }
  }

  const sub = params.subscriptionId ? rt.store.getSubscription(params.subscriptionId) : undefined;
  if (params.subscriptionId) {
    if (!sub) throw subscriptionNotFound(params.subscriptionId);
    if (sub.tenantId.toLowerCase() !== claims.tid.toLowerCase()) {
      throw new ArmError(
        401,
        "InvalidAuthenticationTokenTenant",
        `The access token is from the wrong issuer '${claims.iss}'. It must match the tenant '${rt.baseUrl}/${sub.tenantId}/' associated with this subscription. Please use the authority (URL) '${rt.baseUrl}/${sub.tenantId}' to get the token.`,
      );
    }
    if (route.authorize) {
      if (!route.authorize({ store: rt.store, principal, subscription: sub, path }))
        throw authorizationFailed(route, principal.objectId, principal.appId, path);
    } else authorize(rt, route, principal.objectId, principal.appId, path);
  }

  if (rt.throttling.enabled) {
    const category = CATEGORY[route.operation];
    const result = rt.throttling.takeArm({
      subscriptionId: params.subscriptionId ?? `tenant-${claims.tid}`,
      principal: principal.objectId,
      region: (params.location ?? "global").toLowerCase(),
      category,
      operation: route.action ?? `${route.resourceType ?? "Microsoft.Resources"}/${VERB[route.operation]}`,
    });
    extraHeaders[`x-ms-ratelimit-remaining-subscription-${category}`] = String(result.remaining);
  }

  const namespace = namespaceOf(route.path);
  const needsRegistration =
    route.requiresRegistration ?? (!!namespace && namespace.toLowerCase() !== "microsoft.resources" && !!sub);
  if (sub && namespace && needsRegistration && registrationState(sub, namespace, rt.clock.now()) !== "Registered") {
    throw missingRegistration(namespace);
  }
  const needsGroup = route.requiresResourceGroup ?? (route.path.includes("{resourceGroupName}") && !!namespace);
  if (needsGroup && sub) {
    const group = rt.store.getResource(resourceGroupId(sub.subscriptionId, params.resourceGroupName));
    if (!group) throw resourceGroupNotFound(params.resourceGroupName);
    const state = (group.body.properties as { provisioningState?: string } | undefined)?.provisioningState;
    if (state === "Deleting" && route.operation !== "read") {
      throw new ArmError(
        409,
        "ResourceGroupBeingDeleted",
        `The resource group '${params.resourceGroupName}' is in deprovisioning state and cannot perform this operation.`,
      );
    }
  }

  const ctx = buildContext(rt, {
    method,
    path,
    params,
    url,
    req,
    rawBody,
    apiVersion: apiVersion ?? "",
    principal,
    sub,
    requestId,
    extraHeaders,
  });
  // PATCH keeps its nulls for the handler (null removes a property) but is type-checked without them.
  const withoutNulls = dropNulls(ctx.body) as JsonBody;
  if (route.bodySchema && method !== "PATCH") ctx.body = withoutNulls;
  // The vendored spec of this api-version, when there is one, replaces the route's own declared shape.
  const specCovered = route.apiVersions !== "any" && !!checkRequest(method, route.path, ctx.apiVersion, withoutNulls);
  if (!specCovered && route.bodySchema) checkBody(route.bodySchema, withoutNulls);
  route.validate?.(ctx);
  const reply = await route.handler(ctx);
  if (rt.config.validateResponses && route.apiVersions !== "any")
    checkResponse(rt, method, route, ctx.apiVersion, reply);
  return { reply, meta };
}

/**
 * Test mode (issue 17 point 4): a reply that does not match the spec's schema for its status code becomes a 500
 * naming the mismatch, and is recorded so the test fixture fails on close even if the caller swallowed the error.
 */
function checkResponse(rt: Runtime, method: string, route: RouteDef, apiVersion: string, reply: Reply): void {
  const body = reply.body === undefined ? undefined : (JSON.parse(toJson(reply.body)) as unknown);
  const mismatch = responseMismatch(method, route.path, apiVersion, reply.status, body);
  if (!mismatch) return;
  rt.responseMismatches.push(mismatch);
  console.error(`[emulator] EmulatorResponseMismatch: ${mismatch}`);
  throw new ArmError(500, "EmulatorResponseMismatch", mismatch);
}

function missingApiVersion(): ArmError {
  return new ArmError(
    400,
    "MissingApiVersionParameter",
    "The api-version query parameter (?api-version=) is required for all requests.",
  );
}

function authorize(rt: Runtime, route: RouteDef, objectId: string, appId: string, path: string): void {
  const role = roleAt(rt.store, objectId, path);
  const allowed = role === "Owner" || role === "Contributor" || (role === "Reader" && route.operation === "read");
  if (allowed) return;
  throw authorizationFailed(route, objectId, appId, path);
}

function authorizationFailed(route: RouteDef, objectId: string, appId: string, path: string): ArmError {
  const action =
    route.action ?? `${route.resourceType ?? "Microsoft.Resources/subscriptions"}/${VERB[route.operation]}`;
  return new ArmError(
    403,
    "AuthorizationFailed",
    `The client '${appId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

interface ContextInput {
  method: HttpMethod;
  path: string;
  params: Record<string, string>;
  url: URL;
  req: IncomingMessage;
  rawBody: string;
  apiVersion: string;
  principal: RequestContext["principal"];
  sub: RequestContext["subscription"];
  requestId: string;
  extraHeaders: Record<string, string>;
}

function buildContext(rt: Runtime, i: ContextInput): RequestContext {
  let body: JsonBody = {};
  if (i.rawBody.trim()) {
    try {
      const parsed: unknown = JSON.parse(i.rawBody);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as JsonBody;
    } catch (e) {
      throw invalidRequestContent(
        `The request content was invalid and could not be deserialized: '${(e as Error).message}'.`,
      );
    }
  }
  return {
    method: i.method,
    path: i.path,
    params: i.params,
    query: i.url.searchParams,
    headers: i.req.headers,
    body,
    apiVersion: i.apiVersion,
    principal: i.principal,
    subscription: i.sub,
    requestId: i.requestId,
    store: rt.store,
    lro: rt.lro,
    clock: rt.clock,
    etag: createEtagHelper(i.req.headers),
    quota: quotaHelper,
    url: (p) => rt.baseUrl + p,
    page: (items) =>
      pageOf(items, i.url.searchParams, rt.config.pageSize, (q) => `${rt.baseUrl}${i.url.pathname}?${q.toString()}`),
    throttle: (policies) => {
      if (!rt.throttling.enabled) return;
      i.extraHeaders["x-ms-ratelimit-remaining-resource"] = rt.throttling.takeRp(i.sub?.subscriptionId ?? "", policies);
    },
    setHeader: (name, value) => {
      i.extraHeaders[name] = value;
    },
  };
}
