import { GRAPH_AUDIENCE, readSignedToken, type TokenClaims } from "../../core/tokens.js";
import type { Reply, ServiceRoute } from "../../core/plugin.js";
import { graphState, type DelegatedAdminRelationship } from "./model.js";
import { pcState } from "../partner-center/model.js";

type Ctx = Parameters<ServiceRoute["handler"]>[0];

/** Graph's error body: { error: { code, message, innerError: { date, request-id, client-request-id } } }. */
class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function callerOf(ctx: Ctx): TokenClaims {
  const authorization = String(ctx.headers.authorization ?? "");
  if (!authorization) throw new GraphFailure(401, "InvalidAuthenticationToken", "Access token is empty.");
  const claims = readSignedToken(ctx.store.state.signingKey, authorization);
  if (!claims) throw new GraphFailure(401, "InvalidAuthenticationToken", "Access token validation failure.");
  if (claims.aud !== GRAPH_AUDIENCE)
    throw new GraphFailure(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
  return claims;
}

/** `a/b eq 'v' and c eq 'w'`: the only $filter shape these lists take; anything else is Graph's unsupported query. */
function parseFilter(filter: string | null, allowed: string[], resource: string): Record<string, string> {
  if (!filter) return {};
  const out: Record<string, string> = {};
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z/]+)\s+eq\s+'([^']*)'\s*$/.exec(clause);
    if (!m || !allowed.includes(m[1]))
      throw new GraphFailure(
        400,
        "Request_UnsupportedQuery",
        `Unsupported or invalid query filter clause specified for property '${m?.[1] ?? clause.trim()}' of resource '${resource}'.`,
      );
    out[m[1]] = m[2];
  }
  return out;
}

/** One page of `items` with $top and an opaque $skiptoken in @odata.nextLink, as Graph pages collections. */
function page<T>(ctx: Ctx, items: T[], path: string, maxTop: number, context: string) {
  const top = Math.min(maxTop, Math.max(1, Number(ctx.query.get("$top")) || 100));
  const skip = Number(Buffer.from(ctx.query.get("$skiptoken") ?? "", "base64url").toString("utf8")) || 0;
  const next = skip + top < items.length ? skip + top : undefined;
  const query = new URLSearchParams(ctx.query);
  if (next !== undefined) query.set("$skiptoken", Buffer.from(String(next)).toString("base64url"));
  return {
    "@odata.context": `https://${ctx.headers.host}/v1.0/$metadata#${context}`,
    value: items.slice(skip, skip + top),
    ...(next !== undefined ? { "@odata.nextLink": `https://${ctx.headers.host}/v1.0/${path}?${query}` } : {}),
  };
}

/** GET /v1.0/servicePrincipals?$filter=appId eq '{appId}': the caller's directory's service principals. */
function listServicePrincipals(ctx: Ctx, caller: TokenClaims): Reply {
  const filter = parseFilter(ctx.query.get("$filter"), ["appId", "displayName"], "ServicePrincipal");
  const now = ctx.clock.now();
  const tenant = caller.tid.toLowerCase();
  const items = Object.values(ctx.store.state.principals)
    .filter(
      (p) =>
        p.tenantId.toLowerCase() === tenant &&
        // Entra shows a consented app's service principal only once it exists there (replication after the consent).
        (p.availableAfterMs === undefined || p.availableAfterMs <= now) &&
        (filter.appId === undefined || p.appId.toLowerCase() === filter.appId.toLowerCase()) &&
        (filter.displayName === undefined || p.displayName === filter.displayName),
    )
    .map((p) => ({
      id: p.objectId,
      appId: p.appId,
      displayName: p.displayName,
      accountEnabled: true,
      servicePrincipalType: "Application",
      appOwnerOrganizationId: p.homeTenantId ?? p.tenantId,
      signInAudience: p.homeTenantId ? "AzureADMultipleOrgs" : "AzureADMyOrg",
      servicePrincipalNames: [p.appId],
    }));
  return { status: 200, body: page(ctx, items, "servicePrincipals", 999, "servicePrincipals") };
}

function relationshipBody(r: DelegatedAdminRelationship) {
  return {
    "@odata.type": "#microsoft.graph.delegatedAdminRelationship",
    id: r.id,
    displayName: r.displayName,
    duration: r.duration,
    customer: { tenantId: r.customerTenantId, displayName: r.customerDisplayName },
    accessDetails: { unifiedRoles: r.unifiedRoles.map((roleDefinitionId) => ({ roleDefinitionId })) },
    status: r.status,
    autoExtendDuration: "PT0S",
    createdDateTime: r.createdDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime,
    activatedDateTime: r.activatedDateTime,
    endDateTime: r.endDateTime,
  };
}

/** The caller's (partner's) relationships; only a partner tenant has any. */
const relationshipsOf = (ctx: Ctx, caller: TokenClaims) =>
  Object.values(graphState(ctx.store).relationships)
    .filter((r) => r.partnerTenantId.toLowerCase() === caller.tid.toLowerCase())
    .sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime));

function listRelationships(ctx: Ctx, caller: TokenClaims): Reply {
  const filter = parseFilter(
    ctx.query.get("$filter"),
    ["customer/tenantId", "status", "displayName"],
    "DelegatedAdminRelationship",
  );
  const items = relationshipsOf(ctx, caller)
    .filter(
      (r) =>
        (filter["customer/tenantId"] === undefined ||
          r.customerTenantId.toLowerCase() === filter["customer/tenantId"].toLowerCase()) &&
        (filter.status === undefined || r.status === filter.status) &&
        (filter.displayName === undefined || r.displayName === filter.displayName),
    )
    .map(relationshipBody);
  return {
    status: 200,
    body: page(ctx, items, "tenantRelationships/delegatedAdminRelationships", 300, "delegatedAdminRelationships"),
  };
}

function relationshipOf(ctx: Ctx, caller: TokenClaims, id: string) {
  const r = relationshipsOf(ctx, caller).find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!r) throw new GraphFailure(404, "NotFound", `The delegated admin relationship with id '${id}' was not found.`);
  return r;
}

function listAccessAssignments(ctx: Ctx, caller: TokenClaims): Reply {
  const r = relationshipOf(ctx, caller, ctx.params[0]);
  const items = r.accessAssignments.map((a) => ({
    "@odata.type": "#microsoft.graph.delegatedAdminAccessAssignment",
    id: a.id,
    status: a.status,
    accessContainer: { accessContainerId: a.groupId, accessContainerType: "securityGroup" },
    accessDetails: { unifiedRoles: a.unifiedRoles.map((roleDefinitionId) => ({ roleDefinitionId })) },
    createdDateTime: a.createdDateTime,
    lastModifiedDateTime: a.lastModifiedDateTime,
  }));
  return {
    status: 200,
    body: page(
      ctx,
      items,
      `tenantRelationships/delegatedAdminRelationships/${r.id}/accessAssignments`,
      300,
      `tenantRelationships/delegatedAdminRelationships('${r.id}')/accessAssignments`,
    ),
  };
}

function route(pattern: string, fn: (ctx: Ctx, caller: TokenClaims) => Reply): ServiceRoute {
  return {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/${pattern}/?$`, "i"),
    handler(ctx) {
      const clientRequestId = String(ctx.headers["client-request-id"] ?? "");
      ctx.setHeader("request-id", ctx.requestId);
      if (clientRequestId) ctx.setHeader("client-request-id", clientRequestId);
      try {
        pcState(ctx.store); // upgrades a state saved before GDAP relationships were modelled
        return fn(ctx, callerOf(ctx));
      } catch (e) {
        if (!(e instanceof GraphFailure)) throw e;
        return {
          status: e.status,
          body: {
            error: {
              code: e.code,
              message: e.message,
              innerError: {
                date: ctx.clock.iso().replace(/\.\d+Z$/, ""),
                "request-id": ctx.requestId,
                "client-request-id": clientRequestId || ctx.requestId,
              },
            },
          },
        };
      }
    },
  };
}

const ID = "([0-9a-fA-F-]{73})";

/** The Microsoft Graph v1.0 subset a CSP onboarding reads (https://graph.microsoft.com/v1.0/...). */
export const graphRoutes: ServiceRoute[] = [
  route("servicePrincipals", listServicePrincipals),
  route("tenantRelationships/delegatedAdminRelationships", listRelationships),
  route(`tenantRelationships/delegatedAdminRelationships/${ID}`, (ctx, caller) => ({
    status: 200,
    body: relationshipBody(relationshipOf(ctx, caller, ctx.params[0])),
  })),
  route(`tenantRelationships/delegatedAdminRelationships/${ID}/accessAssignments`, listAccessAssignments),
];
