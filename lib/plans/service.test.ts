import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { InvalidInput, Conflict, NotFound } from "@/lib/errors";
import type { Discovery } from "@/lib/subscriptions/discovery";
import type { StaffContext } from "@/lib/auth/context";
import type { CreatePlanInput } from "./schema";

setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { createPlan, updatePlan, setPlanState, deletePlan } = await import("./service");
const { getPlanDetail, listAttachableSubscriptions, listPlans, listPublicPlans } = await import("./queries");

const discovery: Discovery = {
  regions: [
    { name: "eastus", displayName: "East US" },
    { name: "westeurope", displayName: "West Europe" },
  ],
  sizes: [
    {
      name: "Standard_B2s",
      vCpus: 2,
      memoryMb: 4096,
      maxDataDisks: 4,
      family: "standardBSFamily",
      regions: ["eastus", "westeurope"],
    },
    {
      name: "Standard_D4s_v5",
      vCpus: 4,
      memoryMb: 16384,
      maxDataDisks: 8,
      family: "standardDSv5Family",
      regions: ["eastus"],
    },
    {
      name: "Standard_E2s_v5",
      vCpus: 2,
      memoryMb: 16384,
      maxDataDisks: 4,
      family: "standardESv5Family",
      regions: ["westeurope"],
    },
  ],
  images: [
    {
      publisher: "Canonical",
      offer: "ubuntu-24_04-lts",
      sku: "server",
      osType: "Linux",
      versions: ["24.04.202501010"],
    },
    {
      publisher: "MicrosoftWindowsServer",
      offer: "WindowsServer",
      sku: "2022-datacenter",
      osType: "Windows",
      versions: ["20348.1.1"],
    },
  ],
  quota: { eastus: { used: 0, limit: 100 } },
};

let ctx: StaffContext;
beforeAll(async () => {
  const user = await db.user.create({
    data: { email: "admin@plans.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  ctx = { user: { id: user.id, email: user.email, name: user.name, staffRole: "admin" }, staffRole: "admin" };
  await db.allowedRegion.create({ data: { name: "eastus", displayName: "East US" } });
});

async function subscription(state: "active" | "error" | "validating" = "active") {
  const sub = await db.azureSubscription.create({
    data: {
      subscriptionId: randomUUID(),
      displayName: `Sub ${randomUUID().slice(0, 6)}`,
      cloud: "Custom",
      directoryId: randomUUID(),
      clientId: randomUUID(),
      clientSecretEnc: "not-a-real-secret",
      state,
      discovery,
    },
  });
  return sub.id;
}

const input = (azureSubscriptionId: string, overrides: Partial<CreatePlanInput> = {}): CreatePlanInput => ({
  name: `Plan ${randomUUID().slice(0, 8)}`,
  description: "",
  state: "private",
  azureSubscriptionId,
  allowedSizes: ["Standard_B2s", "Standard_D4s_v5"],
  allowedImages: [
    { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
    { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter", version: "20348.1.1" },
  ],
  quotaVms: 10,
  quotaVcpus: 40,
  quotaPublicIps: 5,
  quotaLoadBalancers: 2,
  quotaProtectedVms: 5,
  offersDr: true,
  ...overrides,
});

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return (error as InvalidInput).fieldErrors;
}

async function subscribeTenant(planId: string) {
  const tenant = await db.tenant.create({ data: { slug: `t-${randomUUID().slice(0, 8)}`, name: "Contoso" } });
  return db.tenantSubscription.create({
    data: { tenantId: tenant.id, planId, name: "Main", resourceGroup: `rg-${randomUUID()}` },
  });
}

describe("plans", () => {
  it("creates a plan with its audit event and shows it with friendly names, specs and usage", async () => {
    const subId = await subscription();
    const plan = await createPlan(ctx, input(subId, { name: "Gold" }));
    const detail = await getPlanDetail(ctx, plan.id);
    expect(detail.sizes.map((s) => [s.name, s.vCpus, s.regions])).toEqual([
      ["Standard_B2s", 2, ["eastus"]],
      ["Standard_D4s_v5", 4, ["eastus"]],
    ]);
    expect(detail.images.map((i) => i.label)).toEqual(["Ubuntu Server 24.04 LTS", "Windows Server 2022 Datacenter"]);
    expect(detail.usage.quotaVms).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.create", targetId: plan.id } });
    expect(audit.actorEmail).toBe("admin@plans.test");
    expect((await listPlans(ctx, { q: "gold", skip: 0, take: 20 })).rows.map((r) => r.name)).toEqual(["Gold"]);
  });

  it("refuses a second plan on the same subscription with a field error, and offers the subscription to nobody else", async () => {
    const subId = await subscription();
    await createPlan(ctx, input(subId));
    const errors = await fieldErrors(createPlan(ctx, input(subId)));
    expect(errors.azureSubscriptionId?.[0]).toContain("already backs plan");
    expect((await listAttachableSubscriptions(ctx)).map((s) => s.id)).not.toContain(subId);
  });

  it("lets only one of two concurrent plans on the same subscription win, the loser getting a field error", async () => {
    const subId = await subscription();
    const results = await Promise.allSettled([
      createPlan(ctx, input(subId)),
      createPlan(ctx, input(subId)),
      createPlan(ctx, input(subId)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(InvalidInput);
      expect(Object.keys((r.reason as InvalidInput).fieldErrors)).toEqual(["azureSubscriptionId"]);
    }
    expect(await db.plan.count({ where: { azureSubscriptionId: subId } })).toBe(1);
  });

  it("refuses a duplicate name, whatever its case", async () => {
    await createPlan(ctx, input(await subscription(), { name: "Silver" }));
    const errors = await fieldErrors(createPlan(ctx, input(await subscription(), { name: "silver" })));
    expect(errors.name?.[0]).toContain("already exists");
  });

  it("lets only one of two concurrent plans with the same name win", async () => {
    const [a, b] = [await subscription(), await subscription()];
    const results = await Promise.allSettled([
      createPlan(ctx, input(a, { name: "Race" })),
      createPlan(ctx, input(b, { name: "Race" })),
    ]);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(Object.keys((rejected[0].reason as InvalidInput).fieldErrors)).toEqual(["name"]);
  });

  it("refuses a subscription that is not active", async () => {
    const errors = await fieldErrors(createPlan(ctx, input(await subscription("error"))));
    expect(errors.azureSubscriptionId?.[0]).toContain("only active subscriptions");
    expect((await listAttachableSubscriptions(ctx)).every((s) => s.state === "active")).toBe(true);
  });

  it("refuses sizes outside the allowed regions and unknown image versions, writing nothing", async () => {
    const subId = await subscription();
    const before = { plans: await db.plan.count(), audit: await db.auditEvent.count() };
    const errors = await fieldErrors(
      createPlan(
        ctx,
        input(subId, {
          allowedSizes: ["Standard_E2s_v5"],
          allowedImages: [{ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "9.9.9" }],
        }),
      ),
    );
    expect(errors.allowedSizes?.[0]).toContain("Standard_E2s_v5");
    expect(errors.allowedImages?.[0]).toContain("no version 9.9.9");
    expect({ plans: await db.plan.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("retiring keeps existing tenant subscriptions and hides the plan from self-service", async () => {
    const plan = await createPlan(ctx, input(await subscription(), { state: "public" }));
    const ts = await subscribeTenant(plan.id);
    expect((await listPublicPlans()).map((p) => p.id)).toContain(plan.id);
    await setPlanState(ctx, plan.id, "retired");
    expect((await db.tenantSubscription.findUniqueOrThrow({ where: { id: ts.id } })).state).toBe("active");
    expect((await listPublicPlans()).map((p) => p.id)).not.toContain(plan.id);
    expect(await db.auditEvent.count({ where: { action: "plan.retire", targetId: plan.id } })).toBe(1);
    expect((await getPlanDetail(ctx, plan.id)).tenantSubscriptions.map((t) => t.tenant.name)).toEqual(["Contoso"]);
  });

  it("refuses to delete a plan with tenant subscriptions, and deleting one without frees its subscription", async () => {
    const used = await createPlan(ctx, input(await subscription()));
    await subscribeTenant(used.id);
    await expect(deletePlan(ctx, used.id)).rejects.toBeInstanceOf(Conflict);
    expect(await db.plan.count({ where: { id: used.id } })).toBe(1);

    const subId = await subscription();
    const unused = await createPlan(ctx, input(subId));
    await deletePlan(ctx, unused.id);
    await expect(getPlanDetail(ctx, unused.id)).rejects.toBeInstanceOf(NotFound);
    expect((await listAttachableSubscriptions(ctx)).map((s) => s.id)).toContain(subId);
    expect(await db.auditEvent.count({ where: { action: "plan.delete", targetId: unused.id } })).toBe(1);
  });

  it("updates a plan, records what changed, and keeps a plan with tenants on its subscription", async () => {
    const subId = await subscription();
    const plan = await createPlan(ctx, input(subId));
    await updatePlan(ctx, { ...input(subId, { name: "Bronze", quotaVms: 20 }), id: plan.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.update", targetId: plan.id } });
    expect((audit.detail as { changed: string[] }).changed.sort()).toEqual(["name", "quotaVms"]);

    await subscribeTenant(plan.id);
    const errors = await fieldErrors(
      updatePlan(ctx, { ...input(await subscription(), { name: "Bronze" }), id: plan.id }),
    );
    expect(errors.azureSubscriptionId?.[0]).toContain("cannot move");
  });

  it("refuses quotas below what a tenant subscription already uses, field by field", async () => {
    const subId = await subscription();
    const plan = await createPlan(ctx, input(subId));
    const ts = await subscribeTenant(plan.id);
    for (const [i, hasPublicIp] of [true, true, false].entries()) {
      await db.virtualMachine.create({
        data: {
          tenantId: ts.tenantId,
          tenantSubscriptionId: ts.id,
          name: `vm${i}`,
          region: "eastus",
          size: "Standard_B2s",
          vcpus: 2,
          memoryMb: 4096,
          osType: "Linux",
          imagePublisher: "Canonical",
          imageOffer: "ubuntu-24_04-lts",
          imageSku: "server",
          imageVersion: "latest",
          adminUsername: "azureuser",
          networkName: "vnet",
          subnetName: "default",
          hasPublicIp,
        },
      });
    }
    expect((await getPlanDetail(ctx, plan.id)).usage).toMatchObject({
      quotaVms: 3,
      quotaVcpus: 6,
      quotaPublicIps: 2,
      quotaLoadBalancers: 0,
    });
    // A load balancer's frontend IP counts against the same public IP quota as the tenant's own quota check counts it.
    const where = { tenantId: ts.tenantId, tenantSubscriptionId: ts.id, resourceGroup: "rg-lb", region: "eastus" };
    const lb = await db.loadBalancer.create({ data: { ...where, name: "web-lb" } });
    await db.publicIpAddress.create({ data: { ...where, name: "web-lb-ip", loadBalancerId: lb.id } });
    expect((await getPlanDetail(ctx, plan.id)).usage).toMatchObject({
      quotaVms: 3,
      quotaVcpus: 6,
      quotaPublicIps: 3,
      quotaLoadBalancers: 1,
    });
    const errors = await fieldErrors(
      updatePlan(ctx, { ...input(subId, { quotaVms: 2, quotaVcpus: 6, quotaPublicIps: 2 }), id: plan.id }),
    );
    expect(Object.keys(errors).sort()).toEqual(["quotaPublicIps", "quotaVms"]);
    expect(errors.quotaVms?.[0]).toContain("already use 3 VMs");
    await updatePlan(ctx, { ...input(subId, { quotaVms: 3, quotaVcpus: 6, quotaPublicIps: 3 }), id: plan.id });
  });
});
