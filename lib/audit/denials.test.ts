import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { idleResult } from "@/lib/utils/action-result";

// The session is the one thing outside Prisma the context reads; the actions, context, audit and database are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createVmAction, vmPowerAction } = await import("@/lib/vms/actions");
const { subscribeToPlanAction } = await import("@/lib/tenancy/actions");
const { removeRuleAction } = await import("@/lib/network/actions");
const { onboardSubscriptionAction } = await import("@/lib/subscriptions/actions");
const { listAuditEvents } = await import("./queries");
const { getOperation } = await import("@/lib/jobs/queries");
const { auditRefusal } = await import("./denials");

setupTestDatabase();

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

async function tenantWithVm(name: string) {
  const slug = `${name.toLowerCase()}-${randomBytes(2).toString("hex")}`;
  const tenant = await db.tenant.create({ data: { slug, name } });
  const sub = await db.azureSubscription.create({
    data: {
      displayName: `${name} Azure`,
      cloud: "Custom",
      subscriptionId: randomUUID(),
      directoryId: randomUUID(),
      clientId: randomUUID(),
      clientSecretEnc: "sealed",
      state: "active",
    },
  });
  const plan = await db.plan.create({
    data: {
      name: `${name} plan ${slug}`,
      state: "public",
      azureSubscriptionId: sub.id,
      quotaVms: 5,
      quotaVcpus: 20,
      quotaPublicIps: 2,
      quotaLoadBalancers: 1,
      quotaProtectedVms: 0,
    },
  });
  const ts = await db.tenantSubscription.create({
    data: { tenantId: tenant.id, planId: plan.id, name: "Main", resourceGroup: `portal-${slug}` },
  });
  const vm = await db.virtualMachine.create({
    data: {
      tenantId: tenant.id,
      tenantSubscriptionId: ts.id,
      name: `${slug}-db01`,
      region: "eastus",
      size: "Standard_B2s",
      vcpus: 2,
      memoryMb: 4096,
      osType: "Linux",
      imagePublisher: "Canonical",
      imageOffer: "ubuntu-24_04-lts",
      imageSku: "server",
      imageVersion: "latest",
      adminUsername: "azureops",
      networkName: "default",
      subnetName: "default",
      provisioningState: "Succeeded",
      powerState: "deallocated",
    },
  });
  const member = async (role: "owner" | "reader") =>
    db.user.create({
      data: {
        email: `${role}-${slug}@denials.test`,
        name: role,
        passwordHash: "x",
        memberships: { create: { tenantId: tenant.id, role } },
      },
    });
  return { tenant, plan, ts, vm, owner: await member("owner"), reader: await member("reader") };
}

let contoso: Awaited<ReturnType<typeof tenantWithVm>>;
let acme: Awaited<ReturnType<typeof tenantWithVm>>;
beforeAll(async () => {
  contoso = await tenantWithVm("Contoso");
  acme = await tenantWithVm("Acme");
});
// The audit log is append-only (a trigger refuses deletes): each test reads what was written since it began.
let since: Date;
beforeEach(async () => {
  session.userId = null;
  since = (await db.$queryRaw<{ now: Date }[]>`select clock_timestamp() as now`)[0].now;
});

const denials = () =>
  db.auditEvent.findMany({ where: { outcome: "denied", at: { gte: since } }, orderBy: { at: "asc" } });
const signInAs = (user: { id: string }) => void (session.userId = user.id);

describe("refused attempts are audited as denied", () => {
  it("a reader's mutation: actor, the refusal and the tenant, with the role it needed", async () => {
    signInAs(contoso.reader);
    const result = await subscribeToPlanAction(contoso.tenant.slug, idleResult, form({ planId: contoso.plan.id }));
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("needs the owner role") });
    const [event, ...more] = await denials();
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      action: "access.role",
      actorId: contoso.reader.id,
      actorEmail: contoso.reader.email,
      tenantId: contoso.tenant.id,
      targetType: "Tenant",
      targetId: contoso.tenant.id,
      targetName: "Contoso",
    });
    expect(event.detail).toMatchObject({ required: "owner", role: "reader" });
    expect(await db.tenantSubscription.count({ where: { tenantId: contoso.tenant.id } })).toBe(1);
  });

  it("another tenant's object by id: the same 404 as a missing one, audited only when the id is another tenant's", async () => {
    signInAs(acme.owner);
    const foreign = await vmPowerAction(acme.tenant.slug, "start", form({ vmId: contoso.vm.id }));
    const missing = await vmPowerAction(acme.tenant.slug, "start", form({ vmId: "no-such-vm" }));
    expect(foreign).toEqual(missing);
    expect(foreign).toMatchObject({ ok: false, formError: "Virtual machine not found." });
    const events = await denials();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "access.object",
      actorEmail: acme.owner.email,
      tenantId: acme.tenant.id,
      targetType: "VirtualMachine",
      targetId: contoso.vm.id,
    });
    expect(events[0].detail).toMatchObject({ ownerTenantId: contoso.tenant.id });
    expect((await db.virtualMachine.findUniqueOrThrow({ where: { id: contoso.vm.id } })).provisioningState).toBe(
      "Succeeded",
    );
  });

  it("another tenant's load balancer by id: refused as missing, audited against its owner, the rule kept", async () => {
    const rules = [
      {
        name: "Rule1",
        frontend: "FE1",
        backendPool: "BE",
        probe: "Probe1",
        protocol: "Tcp",
        frontendPort: 80,
        backendPort: 80,
      },
    ];
    const lb = await db.loadBalancer.create({
      data: {
        tenantId: contoso.tenant.id,
        tenantSubscriptionId: contoso.ts.id,
        name: "web-lb",
        resourceGroup: contoso.ts.resourceGroup,
        region: "eastus",
        provisioningState: "Succeeded",
        azureResourceId: "/lb",
        rules,
      },
    });
    signInAs(acme.owner);
    const result = await removeRuleAction(acme.tenant.slug, form({ loadBalancerId: lb.id, ruleName: "Rule1" }));
    expect(result).toMatchObject({ ok: false, formError: "Load balancer not found." });
    const events = await denials();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "access.object",
      actorEmail: acme.owner.email,
      tenantId: acme.tenant.id,
      targetType: "LoadBalancer",
      targetId: lb.id,
    });
    expect(await db.operation.count({ where: { targetId: { startsWith: lb.id } } })).toBe(0);
  });

  it("another tenant's operation by id, as its page reads it: the same 404 as a missing one, audited against its owner", async () => {
    const op = await db.operation.create({
      data: {
        kind: "vm.start",
        tenantId: contoso.tenant.id,
        targetType: "VirtualMachine",
        targetId: contoso.vm.id,
        targetName: contoso.vm.name,
        input: {},
      },
    });
    const scope = {
      kind: "tenant" as const,
      tenantId: acme.tenant.id,
      user: { id: acme.owner.id, email: acme.owner.email },
    };
    const foreign = await getOperation(scope, op.id).then(
      () => null,
      (e: Error) => e,
    );
    const missing = await getOperation(scope, "no-such-operation").then(
      () => null,
      (e: Error) => e,
    );
    expect(foreign?.message).toBe("Operation not found.");
    expect(missing?.message).toBe(foreign?.message);
    await auditRefusal(foreign);
    await auditRefusal(missing);
    const events = await denials();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "access.object",
      actorEmail: acme.owner.email,
      tenantId: acme.tenant.id,
      targetType: "Operation",
      targetId: op.id,
    });
    expect(events[0].detail).toMatchObject({ ownerTenantId: contoso.tenant.id });
  });

  it("a replay for another tenant: refused as a typo would be, audited against that tenant; a real typo is not audited", async () => {
    signInAs(acme.owner);
    expect(await vmPowerAction(contoso.tenant.slug, "start", form({ vmId: contoso.vm.id }))).toMatchObject({
      ok: false,
      formError: "Page not found.",
    });
    expect(await vmPowerAction("no-such-tenant", "start", form({ vmId: contoso.vm.id }))).toMatchObject({
      ok: false,
      formError: "Page not found.",
    });
    const events = await denials();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "access.tenant",
      actorEmail: acme.owner.email,
      tenantId: contoso.tenant.id,
      targetType: "Tenant",
      targetName: "Contoso",
    });
    expect(events[0].detail).toMatchObject({ reason: "not a member" });
  });

  it("a VM create in another tenant's subscription: denied against that subscription, the refused password nowhere", async () => {
    signInAs(acme.owner);
    const password = `Correct-Horse-${randomBytes(4).toString("hex")}!`;
    const result = await createVmAction(
      acme.tenant.slug,
      idleResult,
      form({
        tenantSubscriptionId: contoso.ts.id,
        region: "eastus",
        image: "Canonical:ubuntu-24_04-lts:server:latest",
        osType: "Linux",
        size: "Standard_B2s",
        name: "stolen-01",
        adminUsername: "azureops",
        authType: "password",
        adminPassword: password,
        confirmPassword: password,
      }),
    );
    expect(result).toMatchObject({ ok: false, formError: "Subscription not found." });
    const events = await denials();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "access.object",
      actorEmail: acme.owner.email,
      targetType: "TenantSubscription",
      targetId: contoso.ts.id,
    });
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { at: { gte: since } } }))).not.toContain(password);
    expect(await db.virtualMachine.count({ where: { name: "stolen-01" } })).toBe(0);
  });

  it("a refused staff action keeps none of the refused payload, its client secret least of all", async () => {
    signInAs(acme.owner);
    const secret = `Sup3r~secret-${randomBytes(6).toString("hex")}`;
    const result = await onboardSubscriptionAction(
      idleResult,
      form({
        displayName: "Stolen",
        cloud: "AzureCloud",
        directoryId: randomUUID(),
        subscriptionId: randomUUID(),
        clientId: randomUUID(),
        clientSecret: secret,
      }),
    );
    expect(result).toMatchObject({ ok: false });
    const events = await denials();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "access.staff",
      actorEmail: acme.owner.email,
      targetType: "Area",
      targetName: "admin",
    });
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { at: { gte: since } } }))).not.toContain(secret);
    expect(await db.azureSubscription.count({ where: { displayName: "Stolen" } })).toBe(0);
  });

  it("admins filter the audit log on denied", async () => {
    signInAs(contoso.reader);
    await subscribeToPlanAction(contoso.tenant.slug, idleResult, form({ planId: contoso.plan.id }));
    await db.auditEvent.create({
      data: { action: "auth.login", actorId: contoso.reader.id, actorEmail: contoso.reader.email },
    });
    const admin = {
      user: { id: "admin", email: "admin@denials.test", name: "Admin", staffRole: "admin" as const },
      staffRole: "admin" as const,
    };
    const denied = await listAuditEvents(admin, { q: contoso.reader.email, outcome: "denied", skip: 0, take: 50 });
    expect(denied.rows.length).toBeGreaterThan(0);
    expect(new Set(denied.rows.map((r) => r.action))).toEqual(new Set(["access.role"]));
    const succeeded = await listAuditEvents(admin, { q: contoso.reader.email, outcome: "success", skip: 0, take: 50 });
    expect(succeeded.rows.map((r) => r.action)).toEqual(["auth.login"]);
  });
});
