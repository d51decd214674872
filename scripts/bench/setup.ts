/**
 * Builds what a provider would have before tenants create VMs, through the product's own services: an emulator
 * subscription per plan (own service principal, Owner on it, regional vCPU quota raised), onboarded and validated by
 * the worker, a plan on it with room for the VMs, and a tenant subscribed to that plan (its resource group provisioned
 * by the worker).
 */
import { randomBytes } from "node:crypto";
import { SEED } from "@/emulator/seed";
import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { onboardSubscription } from "@/lib/subscriptions/service";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import { createVms } from "@/lib/vms/create-vms";
import type { CreateVmInput } from "@/lib/vms/schema";
import { waitForOperations, type Stack } from "./stack.ts";

export type TenantSetup = {
  index: number;
  ctx: TenantContext;
  tenantSubscriptionId: string;
  resourceGroup: string;
  planId: string;
  /** The portal's AzureSubscription row id. */
  azureSubscriptionRowId: string;
  /** The Azure (emulator) subscription GUID. */
  armSubscriptionId: string;
};

export const BENCH_REGION = "eastus";
export const BENCH_SIZE = "Standard_D2s_v5"; // 2 vCPUs
export const BENCH_IMAGE = "Canonical:ubuntu-24_04-lts:server:latest";

/**
 * The services' 5 s interactive transactions can expire on a machine far above its CPU count (Prisma P2028). A rolled
 * back setup step left nothing behind, so it is sent again (up to 3 attempts), as an admin would click again.
 */
async function again<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== "P2028") throw error;
      console.log(`[setup] ${what}: the transaction expired on a busy machine; sending it again`);
    }
  }
}

async function staffUser() {
  const user = await db.user.upsert({
    where: { email: "bench-admin@bench.test" },
    create: { email: "bench-admin@bench.test", name: "Bench Admin", passwordHash: "x", staffRole: "admin" },
    update: {},
  });
  return { id: user.id, email: user.email, name: user.name, staffRole: user.staffRole };
}

export async function setupTenantSubscriptions(
  stack: Pick<Stack, "control" | "emulator">,
  /** tenantsPerPlan: tenants subscribed to each plan (default 1), each with its own resource group and network. */
  opts: { count: number; vmsEach: number; label: string; tenantsPerPlan?: number },
): Promise<TenantSetup[]> {
  const { control, emulator } = stack;
  await db.allowedRegion.createMany({
    data: [
      { name: "eastus", displayName: "East US" },
      { name: "westus", displayName: "West US" },
    ],
    skipDuplicates: true,
  });
  const admin = await staffUser();

  const onboarded = [];
  for (let i = 0; i < opts.count; i++) {
    const sub = await control.addSubscription({
      tenantId: SEED.tenants.provider,
      displayName: `${opts.label} ${i + 1}`,
    });
    // The regional vCPU quota (default 100) must hold every VM of this subscription.
    await control.setCoreQuota(sub.subscriptionId, {
      [BENCH_REGION]: Math.max(1000, opts.vmsEach * (opts.tenantsPerPlan ?? 1) * 2 * 2),
    });
    const principal = await control.addPrincipal({
      tenantId: SEED.tenants.provider,
      displayName: `${opts.label.toLowerCase()}-automation-${i + 1}`,
    });
    await control.assignRole({ appId: principal.appId, scope: `/subscriptions/${sub.subscriptionId}`, role: "Owner" });
    const row = await again("onboard a subscription", () =>
      onboardSubscription(null, {
        displayName: `${opts.label} ${i + 1} (emulator)`,
        cloud: "Custom",
        armEndpoint: emulator.url,
        authorityHost: emulator.url,
        caCertificate: emulator.caPem,
        directoryId: principal.tenantId,
        subscriptionId: sub.subscriptionId,
        clientId: principal.appId,
        clientSecret: principal.secret,
      }),
    );
    onboarded.push({ ...row, armSubscriptionId: sub.subscriptionId });
  }
  const validation = await waitForOperations(
    onboarded.map((o) => o.operationId),
    { timeoutMs: 120_000 },
  );
  const badValidation = validation.ops.filter((o) => o.state !== "succeeded");
  if (validation.timedOut || badValidation.length) {
    throw new Error(
      `Subscription validation did not succeed: ${badValidation.map((o) => `${o.state} ${o.errorMessage ?? ""}`).join("; ")}`,
    );
  }

  const out: TenantSetup[] = [];
  const provisioning: string[] = [];
  for (const [i, o] of onboarded.entries()) {
    const plan = await db.plan.create({
      data: {
        name: `${opts.label} plan ${i + 1} ${randomBytes(2).toString("hex")}`,
        state: "private",
        azureSubscriptionId: o.id,
        allowedSizes: ["Standard_B2s", "Standard_D2s_v5", "Standard_D4s_v5"],
        allowedImages: [{ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" }],
        quotaVms: opts.vmsEach,
        quotaVcpus: opts.vmsEach * 2,
        quotaPublicIps: opts.vmsEach,
        quotaLoadBalancers: 2,
        quotaProtectedVms: 0,
      },
    });
    for (let k = 0; k < (opts.tenantsPerPlan ?? 1); k++) {
      const slug = `${opts.label.toLowerCase()}-${i + 1}-${randomBytes(2).toString("hex")}`;
      const tenant = await db.tenant.create({ data: { slug, name: `${opts.label} tenant ${i + 1}` } });
      const owner = await db.user.create({
        data: { email: `owner@${slug}.test`, name: `Owner ${i + 1}`, passwordHash: "x" },
      });
      await db.membership.create({ data: { userId: owner.id, tenantId: tenant.id, role: "owner" } });
      const sub = await again("subscribe a tenant", () =>
        subscribeTenantToPlan(admin, { tenantId: tenant.id, planId: plan.id, selfService: false }),
      );
      provisioning.push(sub.operationId);
      const ts = await db.tenantSubscription.findUniqueOrThrow({ where: { id: sub.id } });
      out.push({
        index: out.length,
        ctx: {
          user: { id: owner.id, email: owner.email, name: owner.name, staffRole: null },
          tenantId: tenant.id,
          tenantSlug: slug,
          tenantName: tenant.name,
          tenantState: "active",
          role: "owner",
        },
        tenantSubscriptionId: sub.id,
        resourceGroup: ts.resourceGroup,
        planId: plan.id,
        azureSubscriptionRowId: o.id,
        armSubscriptionId: o.armSubscriptionId,
      });
    }
  }
  const provisioned = await waitForOperations(provisioning, { timeoutMs: 120_000 });
  const bad = provisioned.ops.filter((o) => o.state !== "succeeded");
  if (provisioned.timedOut || bad.length)
    throw new Error(
      `Tenant subscription provisioning did not succeed: ${bad.map((o) => `${o.state} ${o.errorMessage ?? ""}`).join("; ")}`,
    );
  return out;
}

/** The create form's input for `count` Linux VMs named `<prefix>-01…`, each with a public IP (public IP → NIC → VM). */
export function bulkLinuxVms(tenantSubscriptionId: string, prefix: string, count: number): CreateVmInput {
  return {
    tenantSubscriptionId,
    region: BENCH_REGION,
    image: BENCH_IMAGE,
    osType: "Linux",
    size: BENCH_SIZE,
    name: prefix,
    count,
    adminUsername: "azureops",
    authType: "password",
    adminPassword: "Correct-Horse-42!",
    network: "default",
    publicIp: true,
    dataDiskCount: 0,
    dataDiskSizeGb: 128,
  };
}

/**
 * One bulk submit through `createVms`, sent again (up to 3 attempts) when it fails — it is one transaction, so a failed
 * submit leaves nothing behind — and, if it still fails, split in two halves. Every failure is logged and returned.
 */
export async function submitBulk(t: TenantSetup, prefix: string, count: number, log: (m: string) => void) {
  const failures: string[] = [];
  const attempt = async (p: string, n: number) => {
    const s0 = Date.now();
    try {
      return await createVms(t.ctx, bulkLinuxVms(t.tenantSubscriptionId, p, n));
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] : String(error);
      failures.push(`${n} VMs after ${((Date.now() - s0) / 1000).toFixed(2)} s: ${message}`);
      log(`  bulk submit of ${n} failed after ${((Date.now() - s0) / 1000).toFixed(2)} s: ${message}`);
      return null;
    }
  };
  for (let i = 0; i < 3; i++) {
    const created = await attempt(prefix, count);
    if (created) return { created, failures };
  }
  const half = Math.ceil(count / 2);
  const a = await attempt(`${prefix}a`, half);
  const b = a && count > half ? await attempt(`${prefix}b`, count - half) : [];
  if (!a || !b) throw new Error(`could not submit the VMs: ${failures.join("; ")}`);
  return { created: [...a, ...b], failures };
}
