/**
 * Issue 14's API figures: `GET /api/v1/tenants/{tenant}/vms` (first page of 20) for a tenant with 20 VMs and one with
 * 2,000, through the real Hono app in this process (token check, rate limit, scope gate, query, JSON), and the token
 * check alone (p95). Uses the tenants figure 2 fills.
 */
import type { TenantContext } from "@/lib/auth/context";
import { createApiApp } from "@/lib/api/app";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import { createTenantApiToken } from "@/lib/api-tokens/service";

export type ApiListResult = { smallMs: number; largeMs: number; ratio: number; tokenCheckP95Ms: number; runs: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function time(fn: () => Promise<unknown>) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchApiList(small: TenantContext, large: TenantContext, opts: { runs: number }) {
  // The limit is the API's real middleware, set high so a benchmark's burst measures the list, not the 429.
  const api = createApiApp({ rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } });
  const token = async (ctx: TenantContext) =>
    (await createTenantApiToken(ctx, { name: "bench", role: "reader", expiresInDays: 90 })).token;
  const [smallToken, largeToken] = [await token(small), await token(large)];
  const list = async (ctx: TenantContext, bearer: string) => {
    const res = await api.request(`/api/v1/tenants/${ctx.tenantSlug}/vms?top=20`, {
      headers: { Authorization: `Bearer ${bearer}` },
    });
    if (res.status !== 200) throw new Error(`GET /vms for ${ctx.tenantSlug}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  for (let i = 0; i < 10; i++) {
    await list(small, smallToken);
    await list(large, largeToken);
  }
  const samples = { small: [] as number[], large: [] as number[], token: [] as number[] };
  for (let i = 0; i < opts.runs; i++) {
    samples.small.push(await time(() => list(small, smallToken)));
    samples.large.push(await time(() => list(large, largeToken)));
    samples.token.push(await time(() => authenticateApiToken(smallToken)));
  }
  const result: ApiListResult = {
    smallMs: median(samples.small),
    largeMs: median(samples.large),
    ratio: median(samples.large) / median(samples.small),
    tokenCheckP95Ms: p95(samples.token),
    runs: opts.runs,
  };
  return result;
}

/**
 * `--via api`: figure 1's bulks go through `POST /api/v1/tenants/{tenant}/vms` with an operator token per tenant, as
 * a provider's automation would send them, instead of the service the page's action calls.
 */
export async function apiBulkSubmitter(tenants: TenantContext[]) {
  const api = createApiApp({ rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } });
  const tokens = new Map<string, string>();
  for (const ctx of tenants)
    tokens.set(
      ctx.tenantId,
      (await createTenantApiToken(ctx, { name: "bench", role: "operator", expiresInDays: 90 })).token,
    );
  return async (ctx: TenantContext, input: unknown) => {
    const res = await api.request(`/api/v1/tenants/${ctx.tenantSlug}/vms`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens.get(ctx.tenantId)}`, "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    if (res.status !== 202) throw new Error(`POST /vms for ${ctx.tenantSlug}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { operations: { id: string }[] };
    return body.operations.map((o) => ({ operationId: o.id }));
  };
}
