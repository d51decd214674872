import { newGuid } from "../../core/ids.js";
import { readSignedToken, PARTNER_CENTER_AUDIENCE } from "../../core/tokens.js";
import type { Reply, ServiceRoute } from "../../core/plugin.js";
import type { Store } from "../../core/store.js";
import type { Clock } from "../../core/clock.js";
import { AZURE_PLAN_OFFER_ID, hasGdap, pcState, type PcCustomer, type PcPartner } from "./model.js";

type Ctx = Parameters<ServiceRoute["handler"]>[0];

/**
 * Partner Center's error body as its REST error codes page documents it: { code, description, data, source }, the code
 * a string from the page's table (e.g. 20002 "The partner ID … has no commerce relationship with the customer ID …").
 */
const pcError = (status: number, code: string, description: string): Reply => ({
  status,
  body: { code, description, data: [], source: "PartnerFD" },
});

class PcFailure extends Error {
  constructor(readonly reply: Reply) {
    super("partner center error");
  }
}

/** The caller's partner: a valid token for Partner Center's audience from an app registered by a partner tenant. */
function partnerOf(ctx: Ctx): PcPartner {
  const authorization = String(ctx.headers.authorization ?? "");
  if (!authorization) throw new PcFailure(pcError(401, "800001", "Partner token missing in request context."));
  const claims = readSignedToken(ctx.store.state.signingKey, authorization);
  if (!claims || claims.aud !== PARTNER_CENTER_AUDIENCE) throw new PcFailure(pcError(401, "400", "Access denied."));
  const partner = pcState(ctx.store).partners[claims.tid];
  if (!partner || !partner.appIds.includes(claims.appid)) throw new PcFailure(pcError(403, "2032", "Access denied."));
  return partner;
}

/**
 * Partner Center's throttling: a request budget per partner per window, then 429 with Retry-After and the body its
 * API throttling guidance shows ({ statusCode, message }, not the error-code shape).
 */
function throttle(store: Store, clock: Clock, partnerTenantId: string): void {
  const state = pcState(store);
  const windowMs = clock.scaledMs(state.rateLimit.windowSeconds);
  const now = clock.now();
  const recent = (state.usage[partnerTenantId] ?? []).filter((t) => t > now - windowMs);
  if (recent.length >= state.rateLimit.requests) {
    state.usage[partnerTenantId] = recent;
    const retryAfter = Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000));
    throw new PcFailure({
      status: 429,
      body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.` },
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  recent.push(now);
  state.usage[partnerTenantId] = recent;
}

function customerOf(store: Store, partner: PcPartner, id: string): PcCustomer {
  const customer = Object.values(partner.customers).find((c) => c.tenantId.toLowerCase() === id.toLowerCase());
  if (customer) return customer;
  // A directory that exists but is not this partner's customer, or no such tenant at all.
  if (Object.keys(store.state.directories).some((t) => t.toLowerCase() === id.toLowerCase()))
    throw new PcFailure(
      pcError(
        403,
        "20002",
        `The partner ID ${partner.tenantId} has no commerce relationship with the customer ID ${id}.`,
      ),
    );
  throw new PcFailure(pcError(404, "60003", "Tenant not found."));
}

const link = (uri: string) => ({ uri, method: "GET", headers: [] });

function customerBody(store: Store, partner: PcPartner, c: PcCustomer) {
  return {
    id: c.tenantId,
    commerceId: c.tenantId,
    companyProfile: { tenantId: c.tenantId, domain: c.domain, companyName: c.companyName },
    relationshipToPartner: "reseller",
    allowDelegatedAccess: hasGdap(store, partner, c),
    links: { self: link(`/customers/${c.tenantId}`) },
    attributes: { objectType: "Customer" },
  };
}

function azurePlanBody(c: PcCustomer) {
  const plan = c.azurePlan!;
  return {
    id: plan.id,
    offerId: AZURE_PLAN_OFFER_ID,
    offerName: "Azure plan",
    friendlyName: "Azure plan",
    quantity: 1,
    unitType: "Licenses",
    status: "active",
    billingType: "usage",
    termDuration: "",
    links: { self: link(`/customers/${c.tenantId}/subscriptions/${plan.id}`) },
    attributes: { objectType: "Subscription" },
  };
}

const collection = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  totalCount: items.length,
  items,
  ...extra,
  attributes: { objectType: "Collection" },
});

/** GET /v1/customers?size=N: a page of customers; the next page is asked for with the MS-ContinuationToken header. */
function listCustomers(ctx: Ctx, partner: PcPartner): Reply {
  const size = Math.min(500, Math.max(1, Number(ctx.query.get("size")) || 500));
  const all = Object.values(partner.customers).sort((a, b) => a.companyName.localeCompare(b.companyName));
  const token = String(ctx.headers["ms-continuationtoken"] ?? "");
  const start = token ? Number(Buffer.from(token, "base64url").toString("utf8")) : 0;
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    return pcError(400, "800002", "Invalid request input: the continuation token is not valid.");
  const page = all.slice(start, start + size);
  const next = start + size < all.length ? Buffer.from(String(start + size)).toString("base64url") : undefined;
  return {
    status: 200,
    body: {
      ...collection(page.map((c) => customerBody(ctx.store, partner, c))),
      totalCount: page.length,
      links: {
        self: link(`/customers?size=${size}`),
        ...(next
          ? {
              next: {
                uri: `/customers?size=${size}`,
                method: "GET",
                headers: [{ key: "MS-ContinuationToken", value: next }],
              },
            }
          : {}),
      },
      continuationToken: next,
    },
  };
}

function createConsent(ctx: Ctx, customer: PcCustomer): Reply {
  const appId = String(ctx.body.applicationId ?? "");
  const grants = ctx.body.applicationGrants;
  if (!/^[0-9a-f-]{36}$/i.test(appId) || !Array.isArray(grants) || grants.length === 0)
    return pcError(
      400,
      "800002",
      "Invalid request input: applicationId and at least one applicationGrant are required.",
    );
  // Not in the error-code table: the HTTP status stands as the code, as Partner Center's generic replies do.
  if (customer.consents[appId.toLowerCase()]) return pcError(409, "409", "Permission entry already exists.");
  const app = ctx.store.findPrincipalByAppId(appId);
  if (!app) return pcError(400, "800002", `Invalid request input: application ${appId} was not found.`);
  customer.consents[appId.toLowerCase()] = { createdAt: ctx.clock.iso(), displayName: String(ctx.body.displayName) };
  if (customer.consentYieldsPrincipal) {
    // The service principal shows in the customer's directory a while after the consent (Entra replication).
    ctx.store.state.principals[`${app.appId}@${customer.tenantId}`] = {
      appId: app.appId,
      objectId: newGuid(),
      tenantId: customer.tenantId,
      displayName: app.displayName,
      secret: "",
      homeTenantId: app.tenantId,
      availableAfterMs: ctx.clock.now() + ctx.clock.scaledMs(pcState(ctx.store).consentDelaySeconds),
    };
  }
  ctx.store.markDirty();
  return {
    status: 201,
    body: {
      applicationId: appId,
      applicationGrants: grants,
      displayName: ctx.body.displayName,
      attributes: { objectType: "ApplicationConsent" },
    },
  };
}

const GUID = "([0-9a-fA-F-]{36})";

function route(method: "GET" | "POST", path: string, fn: (ctx: Ctx, partner: PcPartner) => Reply): ServiceRoute {
  return {
    method,
    pattern: new RegExp(`^/v1/${path}/?$`, "i"),
    handler(ctx) {
      ctx.setHeader("MS-RequestId", String(ctx.headers["ms-requestid"] ?? ctx.requestId));
      ctx.setHeader("MS-CorrelationId", String(ctx.headers["ms-correlationid"] ?? newGuid()));
      try {
        const partner = partnerOf(ctx);
        throttle(ctx.store, ctx.clock, partner.tenantId);
        return fn(ctx, partner);
      } catch (e) {
        if (e instanceof PcFailure) return e.reply;
        throw e;
      }
    },
  };
}

/** The Partner Center REST API subset a CSP onboarding uses (https://api.partnercenter.microsoft.com/v1/...). */
export const partnerCenterRoutes: ServiceRoute[] = [
  route("GET", "customers", listCustomers),
  route("GET", `customers/${GUID}`, (ctx, p) => ({
    status: 200,
    body: customerBody(ctx.store, p, customerOf(ctx.store, p, ctx.params[0])),
  })),
  route("GET", `customers/${GUID}/subscriptions`, (ctx, p) => {
    const c = customerOf(ctx.store, p, ctx.params[0]);
    return { status: 200, body: collection(c.azurePlan ? [azurePlanBody(c)] : []) };
  }),
  route("GET", `customers/${GUID}/subscriptions/${GUID}/azureEntitlements`, (ctx, p) => {
    const c = customerOf(ctx.store, p, ctx.params[0]);
    if (!c.azurePlan || c.azurePlan.id.toLowerCase() !== ctx.params[1].toLowerCase())
      return pcError(404, "20003", `Subscription with ID ${ctx.params[1]} was not found.`);
    const items = c.azurePlan.entitlements.map((id) => ({
      id,
      friendlyName: ctx.store.getSubscription(id)?.displayName ?? id,
      status: ctx.store.getSubscription(id)?.state === "Enabled" ? "active" : "disabled",
      subscriptionId: c.azurePlan!.id,
      entitlementType: "Subscription",
    }));
    return { status: 200, body: collection(items) };
  }),
  route("POST", `customers/${GUID}/applicationconsents`, (ctx, p) =>
    createConsent(ctx, customerOf(ctx.store, p, ctx.params[0])),
  ),
];
