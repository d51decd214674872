// Test-only: the typed API client over the in-process app, with an operator token of the tenant, and the README's
// wait loop on an operation.
import type { Caller } from "@/lib/auth/context";
import { createApiApp } from "@/lib/api/app";
import { createPortalClient } from "@/lib/api/client";
import { issueApiToken } from "@/lib/api-tokens/service";

export async function typedClientFor(ctx: { tenantId: string; user: Caller }) {
  const app = createApiApp();
  const { token } = await issueApiToken(ctx.user, {
    name: "readme",
    expiresInDays: 90,
    scope: "tenant",
    tenantId: ctx.tenantId,
    role: "operator",
  });
  return createPortalClient({ baseUrl: "http://portal.test", token, fetch: async (r) => app.fetch(r) });
}
export type TypedClient = Awaited<ReturnType<typeof typedClientFor>>;

/** GET the operation's URL until it has ended, as the README's loop does. */
export async function waitForApiOperation(api: TypedClient, tenant: string, href: string) {
  const operationId = href.split("/").pop()!;
  for (let i = 0; i < 900; i++) {
    const { data } = await api.GET("/api/v1/tenants/{tenant}/operations/{operationId}", {
      params: { path: { tenant, operationId } },
    });
    if (data && ["succeeded", "failed", "cancelled"].includes(data.state)) return data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${href} did not end`);
}
