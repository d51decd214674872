import { OpenAPIHono } from "@hono/zod-openapi";
import { staffContextForToken, tenantContextForToken } from "@/lib/api-tokens/context";
import { bearerToken } from "./auth";
import { API_BASE, type ApiEnv } from "./env";
import { idempotency } from "./idempotency";
import { refuseControlCharacters } from "./input-guard";
import { problemResponse, toProblem } from "./problem";
import { RATE_LIMIT, rateLimit } from "./rate-limit";
import { requestTelemetry } from "./request-telemetry";
import { auditRoutes } from "./routes/audit";
import { azureSubscriptionRoutes } from "./routes/azure-subscriptions";
import { memberRoutes } from "./routes/members";
import { planRoutes } from "./routes/plans";
import { regionRoutes } from "./routes/regions";
import { tenantRoutes } from "./routes/tenants";
import { drActionRoutes } from "./routes/dr-actions";
import { drRoutes } from "./routes/dr";
import { drSetupRoutes } from "./routes/dr-setup";
import { lbChangeRoutes } from "./routes/lb-changes";
import { loadBalancerRoutes } from "./routes/load-balancers";
import { operationRoutes } from "./routes/operations";
import { partnerRoutes } from "./routes/partners";
import { subscriptionRoutes } from "./routes/subscriptions";
import { tenantPlanRoutes } from "./routes/tenant-plans";
import { usageRoutes } from "./routes/usage";
import { vmActionRoutes } from "./routes/vm-actions";
import { vmRoutes } from "./routes/vms";
import { webhookRoutes } from "./routes/webhooks";

/** Every resource router, mounted at /api/v1. A new resource is one file in routes/ and one line here. */
const resources = [subscriptionRoutes, vmRoutes, vmActionRoutes, operationRoutes];
resources.push(azureSubscriptionRoutes, regionRoutes, planRoutes, tenantRoutes, memberRoutes, auditRoutes);
resources.push(tenantPlanRoutes, loadBalancerRoutes, lbChangeRoutes, drRoutes, drActionRoutes, drSetupRoutes);
resources.push(usageRoutes, webhookRoutes, partnerRoutes);

export const openApiConfig = {
  openapi: "3.1.0",
  info: {
    title: "Azure service-provider portal API",
    version: "1.0.0",
    contact: { name: "Your service provider" },
    description:
      "Everything the portal does, for scripts and other systems. Authenticate with `Authorization: Bearer azp_…` " +
      "(create tokens in the portal or with `npm run token:create`). Mutations answer 202 with an Operation and a " +
      "Location to poll; errors are RFC 9457 problem+json.",
  },
  servers: [{ url: "/", description: "This portal" }],
  tags: [
    { name: "Subscriptions", description: "A tenant's subscriptions to plans." },
    { name: "Virtual machines", description: "A tenant's Azure VMs." },
    { name: "Operations", description: "What ran, step by step, with Azure's request ids." },
    { name: "Azure subscriptions", description: "Provider: the Azure subscriptions behind the plans (admin)." },
    { name: "Regions", description: "Provider: the regions tenants may deploy to (admin)." },
    { name: "Plans", description: "Provider: what tenants may deploy and how much (admin)." },
    { name: "Tenants", description: "Provider: tenants, their members and their subscriptions to plans (admin)." },
    { name: "Audit log", description: "Provider: every sign-in, change and refused attempt (admin)." },
    { name: "Load balancers", description: "A tenant's Azure load balancers: frontends (VIPs), pools, probes, rules." },
    { name: "Disaster recovery", description: "A tenant's on-premises VMs protected to Azure, and their failovers." },
    { name: "Usage", description: "Metered usage and charges per tenant, meter and period, for billing systems." },
    { name: "Webhooks", description: "Endpoints that receive the portal's events, signed; their delivery logs." },
    { name: "CSP partners", description: "Provider: Partner Center customers and one-flow onboarding (admin)." },
  ],
};

export type ApiOptions = { rateLimit?: { burst: number; perSecond: number } };

/**
 * The REST API: token → the same contexts a session gives → the same services the server actions call. Mounted by
 * app/api/v1/[...route]/route.ts; tests call `createApiApp().request(...)` in process.
 */
export function createApiApp(options: ApiOptions = {}) {
  const app = new OpenAPIHono<ApiEnv>().basePath(API_BASE);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API token: azp_ followed by its id and secret.",
  });
  app.doc31("/openapi.json", openApiConfig);

  app.use("*", requestTelemetry());
  app.use("*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });
  // The document is public; everything else needs a token, then counts against that token's rate limit.
  const isDocument = (path: string) => path === `${API_BASE}/openapi.json`;
  const authenticate = bearerToken();
  const limit = rateLimit(options.rateLimit ?? RATE_LIMIT);
  app.use("*", async (c, next) => (isDocument(c.req.path) ? next() : authenticate(c, next)));
  app.use("*", async (c, next) => (isDocument(c.req.path) ? next() : limit(c, next)));
  // Scope before anything else, even input validation: another tenant's path, or a provider path for a tenant token,
  // is a 404 whatever the request holds. Each route's requires(role) then checks the role, also before validation.
  app.use("*", async (c, next) => {
    if (isDocument(c.req.path)) return next();
    const principal = c.get("principal");
    const tenant = /^\/api\/v1\/tenants\/([^/]+)/.exec(c.req.path)?.[1];
    if (tenant) await tenantContextForToken(principal, { tenant });
    else staffContextForToken(principal, "helpdesk");
    await next();
  });
  app.use("*", refuseControlCharacters());
  app.use("*", idempotency());
  for (const routes of resources) app.route("/", routes);

  app.notFound(async () =>
    problemResponse({
      problem: {
        type: "urn:azure-sp-portal:problem:NotFound",
        title: "Not Found",
        status: 404,
        detail: "No such API path: see /api/v1/openapi.json.",
        code: "NotFound",
      },
      headers: {},
    }),
  );
  app.onError(async (error) => problemResponse(await toProblem(error)));
  return app;
}

/** The document without a server (tests, client generation). */
export function openApiDocument() {
  return createApiApp().getOpenAPI31Document(openApiConfig);
}
