// Test-only helpers for the REST API's integration tests: in-process calls, tokens and a second tenant.
import { db } from "@/lib/db/client";
import { issueApiToken } from "@/lib/api-tokens/service";
import type { TenantRole } from "@/lib/db/client";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import { staffContext, tenant } from "@/test/tenants";
import type { vmTenant } from "@/test/vms";
import { waitForOperation } from "@/test/worker";
import type { createApiApp } from "./app";

export type ApiTestTenant = Awaited<ReturnType<typeof vmTenant>>;
export type Answer = { status: number; headers: Headers; body: Record<string, unknown> & { errors?: unknown[] } };

/** `call(token, "GET", "/tenants/x/vms")` against the app in process; the body is parsed when there is one. */
export function apiCaller(app: ReturnType<typeof createApiApp>) {
  return async (token: string | null, method: string, path: string, body?: unknown, headers = {}) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} } as Answer;
  };
}

export async function tenantToken(t: ApiTestTenant, role: TenantRole, days = 90) {
  const spec = { name: role, expiresInDays: days, scope: "tenant" as const, tenantId: t.ctx.tenantId, role };
  return issueApiToken(t.ctx.user, spec);
}

export async function staffToken(scope: "admin" | "helpdesk") {
  const { user } = await staffContext("admin@api.test");
  return issueApiToken(user, { name: scope, expiresInDays: 90, scope });
}

/** Another tenant on the same plan (the emulator's subscription is onboarded once per database). */
export async function secondTenant(planId: string): Promise<ApiTestTenant> {
  const t = await tenant();
  const { user } = await staffContext(`owner-${t.slug}@api.test`);
  const sub = await subscribeTenantToPlan(user, { tenantId: t.id, planId, selfService: false });
  await waitForOperation(sub.operationId);
  const ctx = {
    user,
    tenantId: t.id,
    tenantSlug: t.slug,
    tenantName: t.name,
    tenantState: "active" as const,
    role: "owner" as const,
  };
  return { ctx, tenantSubscriptionId: sub.id, planId };
}

export const armWriteCount = async (emu: {
  control: { requests: (o: { limit: number }) => Promise<{ value: { method: string }[] }> };
}) => (await emu.control.requests({ limit: 5000 })).value.filter((r) => r.method !== "GET").length;

export const dbCounts = async () => ({
  vms: await db.virtualMachine.count(),
  operations: await db.operation.count(),
});
