// Test-only: the provider's subscription (for the vault) and DR tenants each on their own CSP subscription, as in the guide.
import type { TestEmulator } from "@/emulator/testing";
import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { staffContext, tenant } from "@/lib/jobs/fixtures";
import { waitForOperation } from "@/lib/jobs/testing";
import { onboardFromEmulator } from "@/lib/subscriptions/testing";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";

export async function onboarded(emu: TestEmulator, appId: string, subscriptionId: string) {
  const { id, operationId } = await onboardFromEmulator(emu, { appId, subscriptionId, displayName: `Emulator ${subscriptionId.slice(0, 8)}` });
  const op = await waitForOperation(operationId);
  if (op.state !== "succeeded") throw new Error(`validation ${op.state}: ${op.errorMessage}`);
  return id;
}

/** A tenant subscribed to a DR plan whose Azure subscription is the tenant's own CSP subscription. */
export async function drTenant(emu: TestEmulator, appId: string, subscriptionId: string, slug: string) {
  const azureSubscriptionId = await onboarded(emu, appId, subscriptionId);
  const plan = await db.plan.create({ data: { name: `DR ${slug}`, state: "public", azureSubscriptionId, quotaVms: 5, quotaVcpus: 20, quotaPublicIps: 2, quotaLoadBalancers: 1, quotaProtectedVms: 5, offersDr: true } });
  const t = await tenant(slug);
  const { user } = await staffContext(`owner@${slug}.test`);
  const sub = await subscribeTenantToPlan(user, { tenantId: t.id, planId: plan.id, selfService: false });
  await waitForOperation(sub.operationId);
  const ctx: TenantContext = { user, tenantId: t.id, tenantSlug: t.slug, tenantName: t.name, tenantState: "active", role: "owner" };
  return { ctx, tenantSubscriptionId: sub.id, azureSubscriptionId };
}
