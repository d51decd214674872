import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "./jobs";

// The tenant owner's own DR setup, the scheduled refresh and the dashboard, against the emulator's vault and VMM server.
process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };

const { db } = await import("@/lib/db/client");
const { staffContext } = await import("@/test/tenants");
const { parseInput, Forbidden, InvalidInput, NotFound } = await import("@/lib/errors");
const { drTenant, onboarded } = await import("@/test/dr");
const { registerVault, assignCloud } = await import("./admin-service");
const { setupTenant, rerunSetupStep } = await import("./setup-service");
const { enableProtection } = await import("./protection-service");
const { enqueueDrRefreshes, RPO_RETENTION_DAYS } = await import("./schedule");
const { getDrDashboard, getTenantDrSetup } = await import("./queries");
const { setupTenantSchema } = await import("./schema");

type Dr = Awaited<ReturnType<typeof drTenant>>;
let acme: Dr;
let contoso: Dr;
const ids = { acmeCloud: "", contosoCloud: "", yellow: "", blue: "", green: "", contosoSetup: "" };

const setupInput = (over: Record<string, unknown> = {}) =>
  parseInput(setupTenantSchema, {
    containerId: ids.acmeCloud,
    tenantSubscriptionId: acme.tenantSubscriptionId,
    resourceGroup: "AcmeCorpRecoveryGroup",
    storageAccount: `acmedr${randomBytes(3).toString("hex")}`,
    vnetName: "AcmeCorp-DR-VNet",
    addressSpace: "10.20.0.0/16",
    subnetName: "default",
    subnetPrefix: "10.20.1.0/24",
    policyName: "AcmeCorp-Policy",
    copyFrequencySeconds: "900",
    recoveryPointHours: "1",
    appConsistentHours: "1",
    initialReplicationStart: "",
    vmNetworkId: ids.yellow,
    ...over,
  });
const as = (dr: Dr, role: "owner" | "operator" | "reader", over: Partial<Dr["ctx"]> = {}) => ({
  ...dr.ctx,
  role,
  ...over,
});
const succeeded = async (operationId: string) => {
  const op = await waitForOperation(operationId);
  if (op.state !== "succeeded") throw new Error(`${op.kind} ${op.state}: ${op.errorMessage}`);
  return op;
};
const setupOps = () => db.operation.count({ where: { kind: "dr.setupTenant" } });

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const admin = await staffContext();
  acme = await drTenant(emu, SEED.apps.acme, SEED.subscriptions.acme, "acmecorp");
  contoso = await drTenant(emu, SEED.apps.contoso, SEED.subscriptions.contoso, "contoso");
  const provider = await onboarded(emu, SEED.apps.provider, SEED.subscriptions.provider);
  await succeeded(
    (
      await registerVault(admin, {
        azureSubscriptionId: provider,
        resourceGroup: "WAPRecoveryGroup",
        name: "WAPRecoveryVault",
        region: "westus",
      })
    ).operationId,
  );
  const fabric = await db.fabric.findFirstOrThrow({ include: { containers: true, networks: true } });
  ids.acmeCloud = fabric.containers.find((c) => c.friendlyName === "AcmeCorp Cloud")!.id;
  ids.contosoCloud = fabric.containers.find((c) => c.friendlyName === "Contoso Cloud")!.id;
  ids.yellow = fabric.networks.find((n) => n.friendlyName === "YellowNetwork")!.id;
  ids.blue = fabric.networks.find((n) => n.friendlyName === "BlueNetwork")!.id;
  // A third VM network of the VMM server that the provider gives nobody: unclaimed, so no tenant's owner may map it.
  ids.green = (
    await db.drVmNetwork.create({
      data: { vaultId: fabric.vaultId, fabricId: fabric.id, armName: "GreenNetwork", friendlyName: "GreenNetwork" },
    })
  ).id;
  // The provider gives each tenant its cloud and its own on-premises VM network.
  await assignCloud(admin, {
    containerId: ids.acmeCloud,
    tenantSubscriptionId: acme.tenantSubscriptionId,
    vmNetworkIds: [ids.yellow],
  });
  await assignCloud(admin, {
    containerId: ids.contosoCloud,
    tenantSubscriptionId: contoso.tenantSubscriptionId,
    vmNetworkIds: [ids.blue],
  });
  // Contoso's owner sets Contoso up first, so its network and setup exist for the isolation checks.
  const r = await setupTenant(
    as(contoso, "owner"),
    setupInput({
      containerId: ids.contosoCloud,
      tenantSubscriptionId: contoso.tenantSubscriptionId,
      resourceGroup: "ContosoRecoveryGroup",
      policyName: "Contoso-Policy",
      vmNetworkId: ids.blue,
    }),
  );
  ids.contosoSetup = r.setupId;
  await succeeded(r.operationId);
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("tenant owner's self-service DR setup", () => {
  it("shows the owner its assigned cloud, only the networks the provider gave it (not another tenant's, not unclaimed ones) and whether the plan offers DR", async () => {
    const view = await getTenantDrSetup(as(acme, "reader"));
    expect(view?.container.friendlyName).toBe("AcmeCorp Cloud");
    expect(view?.tenantSubscription.plan.offersDr).toBe(true);
    expect(view?.networks.map((n) => n.friendlyName)).toEqual(["YellowNetwork"]);
    expect((await getTenantDrSetup(as(contoso, "reader")))?.networks.map((n) => n.friendlyName)).toEqual([
      "BlueNetwork",
    ]);
  });

  it("refuses a reader, an operator, a plan without DR and a suspended tenant before anything is saved or sent to Azure", async () => {
    await emu.control.resetCounters();
    const before = await setupOps();
    await expect(setupTenant(as(acme, "reader"), setupInput())).rejects.toBeInstanceOf(Forbidden);
    await expect(setupTenant(as(acme, "operator"), setupInput())).rejects.toBeInstanceOf(Forbidden);
    await expect(setupTenant(as(acme, "owner", { tenantState: "suspended" }), setupInput())).rejects.toBeInstanceOf(
      Forbidden,
    );
    const plan = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: acme.tenantSubscriptionId },
      select: { planId: true },
    });
    await db.plan.update({ where: { id: plan.planId }, data: { offersDr: false } });
    try {
      await expect(setupTenant(as(acme, "owner"), setupInput())).rejects.toThrow(
        /plan does not include disaster recovery/,
      );
    } finally {
      await db.plan.update({ where: { id: plan.planId }, data: { offersDr: true } });
    }
    expect(await setupOps()).toBe(before);
    expect(await db.tenantDrSetup.count({ where: { tenantId: acme.ctx.tenantId } })).toBe(0);
    const counters = await emu.control.counters();
    expect(counters.writes + counters.deletes + counters.actions).toBe(0);
  });

  it("keeps the owner to its own cloud, subscription and networks, and makes no Azure call for any of it", async () => {
    await emu.control.resetCounters();
    const before = await setupOps();
    const owner = as(acme, "owner");
    // Another tenant's cloud does not exist for this owner.
    await expect(
      setupTenant(
        owner,
        setupInput({ containerId: ids.contosoCloud, tenantSubscriptionId: contoso.tenantSubscriptionId }),
      ),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(setupTenant(owner, setupInput({ containerId: ids.contosoCloud }))).rejects.toBeInstanceOf(NotFound);
    // Its own cloud cannot replicate into another tenant's subscription.
    await expect(
      setupTenant(owner, setupInput({ tenantSubscriptionId: contoso.tenantSubscriptionId })),
    ).rejects.toMatchObject({
      fieldErrors: { tenantSubscriptionId: [expect.stringContaining("another tenant subscription")] },
    });
    // Contoso's network is not AcmeCorp's to map, and neither is a network the provider gave nobody.
    await expect(setupTenant(owner, setupInput({ vmNetworkId: ids.blue }))).rejects.toMatchObject({
      fieldErrors: { vmNetworkId: [expect.stringContaining("not one of your networks")] },
    });
    await expect(setupTenant(owner, setupInput({ vmNetworkId: ids.green }))).rejects.toMatchObject({
      fieldErrors: { vmNetworkId: [expect.stringContaining("not one of your networks")] },
    });
    // Contoso's setup cannot be re-run by AcmeCorp's owner.
    await expect(rerunSetupStep(owner, ids.contosoSetup, "mapping")).rejects.toBeInstanceOf(NotFound);
    // Bad input is refused at the edge, beside its field.
    expect(() => setupInput({ addressSpace: "10.20.0.0/33" })).toThrow(InvalidInput);
    expect(await setupOps()).toBe(before);
    const counters = await emu.control.counters();
    expect(counters.writes + counters.deletes + counters.actions).toBe(0);
    expect(await db.tenantDrSetup.findUniqueOrThrow({ where: { id: ids.contosoSetup } })).toMatchObject({
      tenantId: contoso.ctx.tenantId,
      vmNetworkId: ids.blue,
    });
    expect(await db.tenantDrSetup.count({ where: { tenantId: acme.ctx.tenantId } })).toBe(0);
    expect(await db.drVmNetwork.findUniqueOrThrow({ where: { id: ids.green } })).toMatchObject({ tenantId: null });
    expect(await db.drVmNetwork.findUniqueOrThrow({ where: { id: ids.blue } })).toMatchObject({
      tenantId: contoso.ctx.tenantId,
    });
  });

  it("sets its own DR up with the network the provider gave it, through the same operation as the admin's, and re-runs one step", async () => {
    const owner = as(acme, "owner");
    const { setupId, operationId } = await setupTenant(owner, setupInput());
    const op = await succeeded(operationId);
    expect(op).toMatchObject({ kind: "dr.setupTenant", tenantId: acme.ctx.tenantId, actorId: acme.ctx.user.id });
    expect(op.steps.map((s) => s.name)).toContain("Map VM network");
    const setup = await db.tenantDrSetup.findUniqueOrThrow({ where: { id: setupId } });
    expect(setup).toMatchObject({
      tenantId: acme.ctx.tenantId,
      vmNetworkId: ids.yellow,
      targetsState: "succeeded",
      policyState: "succeeded",
      mappingState: "succeeded",
    });
    expect(setup.storageAccountId).toContain(`/subscriptions/${SEED.subscriptions.acme}/`);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "dr.setupTenant", targetId: setupId },
      orderBy: { at: "desc" },
    });
    expect(audit.detail).toMatchObject({ selfService: true });

    const rerun = await succeeded((await rerunSetupStep(owner, setupId, "mapping")).id);
    expect(rerun.steps.map((s) => s.name)).toEqual(["Map VM network"]);
    await expect(rerunSetupStep(as(acme, "reader"), setupId, "mapping")).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("scheduled replication refresh and the DR dashboard", () => {
  it("shows an empty dashboard while nothing is protected, and the timer skips setups without protected VMs", async () => {
    expect(await getDrDashboard(as(acme, "reader"))).toMatchObject({
      total: 0,
      byHealth: {},
      worstRpoSeconds: null,
      tests: [],
      rpo: { vms: [], points: [] },
    });
    expect(await enqueueDrRefreshes()).toBe(0);
  });

  it("refreshes every protected VM on the timer: health, RPO, recovery point and RPO samples; samples past the retention are pruned", async () => {
    const cloud = await db.protectionContainer.findUniqueOrThrow({ where: { id: ids.acmeCloud } });
    const vm01 = (cloud.vms as { armName: string; name: string }[]).find((v) => v.name === "VM01")!;
    const [created] = await enableProtection(as(acme, "operator"), { vms: [{ armName: vm01.armName }] });
    await succeeded(created.operationId);
    // The protect operation hands the initial replication to a follow: let it end first, or its later read would set
    // the item aside the timer's refresh (a read older than the item's last one is not saved, nor sampled).
    const follow = await db.operation.findFirst({ where: { kind: "dr.followReplication", targetId: created.id } });
    if (follow) await succeeded(follow.id);
    const old = await db.rpoSample.create({
      data: {
        tenantId: acme.ctx.tenantId,
        protectedItemId: created.id,
        rpoSeconds: 42,
        at: new Date(Date.now() - (RPO_RETENTION_DAYS + 1) * 86_400_000),
      },
    });

    let item = await db.protectedItem.findUniqueOrThrow({ where: { id: created.id } });
    // At least one timed refresh: the follow may already have seen the VM Protected with a recovery point, and only
    // the timer's refresh samples the RPO.
    for (let n = 0; n < 60 && (n === 0 || !(item.protectionState === "Protected" && item.lastRecoveryPointAt)); n++) {
      expect(await enqueueDrRefreshes()).toBe(1);
      const refresh = await db.operation.findFirstOrThrow({
        where: { kind: "dr.refreshProtection", tenantId: acme.ctx.tenantId },
        orderBy: { createdAt: "desc" },
      });
      expect(refresh.actorId).toBeNull();
      await succeeded(refresh.id);
      item = await db.protectedItem.findUniqueOrThrow({ where: { id: created.id } });
      if (!item.lastRecoveryPointAt) await new Promise((r) => setTimeout(r, 200));
    }
    expect(item).toMatchObject({ protectionState: "Protected", replicationHealth: "Normal" });
    expect(item.lastRecoveryPointAt).not.toBeNull();
    expect(item.rpoSeconds).not.toBeNull();
    expect(await db.rpoSample.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.rpoSample.count({ where: { protectedItemId: created.id } })).toBeGreaterThan(0);

    const dash = await getDrDashboard(as(acme, "reader"));
    expect(dash).toMatchObject({
      total: 1,
      byHealth: { Normal: 1 },
      worstRpoSeconds: item.rpoSeconds,
      rpo: { vms: ["VM01"], targetSeconds: 900 },
      tests: [{ vmName: "VM01", lastTestFailoverAt: null }],
    });
    expect(dash.rpo.points.length).toBeGreaterThan(0);
    expect(dash.rpo.points.every((p) => typeof p.VM01 === "number")).toBe(true);
    // Contoso's dashboard knows nothing of AcmeCorp's VM.
    expect(await getDrDashboard(as(contoso, "owner"))).toMatchObject({ total: 0, rpo: { vms: [] } });
  });
});
