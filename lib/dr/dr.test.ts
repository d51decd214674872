import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { vaultIdFor } from "@/emulator/providers/site-recovery/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "./jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };

const { db } = await import("@/lib/db/client");
const { staffContext } = await import("@/test/tenants");
const { parseInput, InvalidInput, NotFound, Conflict } = await import("@/lib/errors");
const { drTenant, onboarded } = await import("@/test/dr");
const { registerVault, assignCloud, refreshFabric } = await import("./admin-service");
const { setupTenant } = await import("./setup-service");
const { enableProtection, refreshProtection, runDrAction } = await import("./protection-service");
const { assignCloudSchema, setupTenantSchema } = await import("./schema");
const { createVaultCredentials } = await import("./vault-credentials-service");
const { getVaultCredentialsFile } = await import("./vault-credentials-queries");
const { getCloudSetup, getDrOverview } = await import("./queries");

let admin: Awaited<ReturnType<typeof staffContext>>;
let acme: Awaited<ReturnType<typeof drTenant>>;
let contoso: Awaited<ReturnType<typeof drTenant>>;
const ids = { acmeCloud: "", contosoCloud: "", yellow: "", blue: "", vm01: "" };

const guideSetup = (over: Record<string, unknown> = {}) => ({
  containerId: ids.acmeCloud,
  tenantSubscriptionId: acme.tenantSubscriptionId,
  resourceGroup: "AcmeCorpRecoveryGroup",
  storageAccount: "drstorageacct1",
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
const succeeded = async (p: Promise<{ operationId?: string; id?: string }>) => {
  const r = await p;
  const op = await waitForOperation((r.operationId ?? r.id)!);
  if (op.state !== "succeeded")
    throw new Error(
      `${op.kind} ${op.state}: ${op.errorMessage} (${op.steps.map((s) => `${s.name}=${s.state}`).join(", ")})`,
    );
  return op;
};
const item = () => db.protectedItem.findUniqueOrThrow({ where: { id: ids.vm01 } });
const tagsUrl = (id: string) => `${id}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01`;
/** A customer's own tag added beside whatever the resource carries (the Tags API, operation Merge). */
const customerTag = (app: string, id: string, tags: Record<string, string>) =>
  emu.arm(app, "PATCH", tagsUrl(id), { operation: "Merge", properties: { tags } });
const tagsOf = async (app: string, id: string) =>
  (await emu.arm(app, "GET", tagsUrl(id))).body.properties.tags as Record<string, string>;

/**
 * Azure's initial replication takes a minute or more; on the test emulator's clock (0.01) it is over in a second or two,
 * which a loaded machine can let pass before the enable or reprotect operation reads the item, and then there is
 * nothing left to follow. Holding it (the emulator's stand-in for the Hyper-V hosts' link stalling) keeps it in progress
 * until the test has seen the operation start following it, on the usual clock.
 */
const holdReplication = (hold: boolean) =>
  emu.control.call("POST", "site-recovery/hold-replication", {
    vaultId: vaultIdFor(SEED.subscriptions.provider),
    hold,
  });

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  admin = await staffContext();
  acme = await drTenant(emu, SEED.apps.acme, SEED.subscriptions.acme, "acmecorp");
  contoso = await drTenant(emu, SEED.apps.contoso, SEED.subscriptions.contoso, "contoso");
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

describe("DR for AcmeCorp, walking the provider guide", () => {
  it("registers the existing vault and reads the VMM server, its clouds, VMs and networks", async () => {
    const provider = await onboarded(emu, SEED.apps.provider, SEED.subscriptions.provider);
    // The provider's vault exists before the portal picks it, with the provider's own tag: the vault's PUT keeps it.
    const vaultId = `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/WAPRecoveryGroup/providers/Microsoft.RecoveryServices/vaults/WAPRecoveryVault`;
    await customerTag(SEED.apps.provider, vaultId, { costCenter: "dr" });
    const op = await succeeded(
      registerVault(admin, {
        azureSubscriptionId: provider,
        resourceGroup: "WAPRecoveryGroup",
        name: "WAPRecoveryVault",
        region: "westus",
      }),
    );
    expect(op.steps.map((s) => s.name)).toEqual([
      "Ensure resource group",
      "Create or pick the vault",
      "Read registered VMM servers",
      "Read clouds and their VMs",
      "Read VM networks",
    ]);
    expect(await tagsOf(SEED.apps.provider, vaultId)).toMatchObject({
      costCenter: "dr",
      "portal-operation": op.id,
      "portal-role": "disaster-recovery",
    });
    const fabric = await db.fabric.findFirstOrThrow({ include: { containers: true, networks: true } });
    expect(fabric).toMatchObject({
      friendlyName: "vmm01.provider.local",
      health: "Normal",
      connectionStatus: "Connected",
    });
    expect(fabric.containers.map((c) => c.friendlyName).sort()).toEqual(["AcmeCorp Cloud", "Contoso Cloud"]);
    const acmeCloud = fabric.containers.find((c) => c.friendlyName === "AcmeCorp Cloud")!;
    expect((acmeCloud.vms as { name: string }[]).map((v) => v.name).sort()).toEqual(["VM01", "VM02", "WEB01"]);
    ids.acmeCloud = acmeCloud.id;
    ids.contosoCloud = fabric.containers.find((c) => c.friendlyName === "Contoso Cloud")!.id;
    ids.yellow = fabric.networks.find((n) => n.friendlyName === "YellowNetwork")!.id;
    ids.blue = fabric.networks.find((n) => n.friendlyName === "BlueNetwork")!.id;
  });

  it("generates registration settings: a certificate uploaded to the vault, the settings sealed, the file naming the vault", async () => {
    const vault = await db.recoveryVault.findFirstOrThrow();
    const op = await succeeded(createVaultCredentials(admin, vault.id));
    expect(op.steps.map((s) => s.state)).toEqual(["succeeded"]);
    const rows = await db.sealedSecret.findMany({ where: { purpose: { startsWith: "dr.vaultCredentials:" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].sealed).not.toContain("PRIVATE KEY");
    expect(JSON.stringify(op.steps)).not.toContain("PRIVATE KEY");
    const file = await getVaultCredentialsFile(admin);
    expect(file.fileName).toMatch(/^WAPRecoveryVault_.*\.VaultCredentials$/);
    expect(file.xml).toContain("<ResourceName>WAPRecoveryVault</ResourceName>");
    expect(file.xml).toMatch(/<AadTenantId>[^<]+<\/AadTenantId>/);
    expect(file.xml).toMatch(/<ServicePrincipalClientId>[^<]+<\/ServicePrincipalClientId>/);
    // The vault's numeric id, digits intact: the emulator's is above 2^53 like Azure's, and the audience carries it as text.
    const resourceId = /<ResourceId>([^<]+)<\/ResourceId>/.exec(file.xml)![1];
    const audience = /<AadVaultAudience>[^<]*\/RecoveryServices\/(\d+)<\/AadVaultAudience>/.exec(file.xml)![1];
    expect(BigInt(audience)).toBeGreaterThan(2n ** 53n);
    expect(resourceId).toBe(audience);
    await succeeded(createVaultCredentials(admin, vault.id));
    expect(await db.sealedSecret.count({ where: { purpose: { startsWith: "dr.vaultCredentials:" } } })).toBe(1);
  });

  it("assigns each cloud to one tenant with the VM networks the provider gives it, and never a cloud or a network to two", async () => {
    const network = (id: string) => db.drVmNetwork.findUniqueOrThrow({ where: { id }, select: { tenantId: true } });
    // At least one network, checked at the edge; a form's single ticked box arrives as one string.
    const form = (networks: string[]) => {
      const f = new FormData();
      f.set("containerId", ids.acmeCloud);
      f.set("tenantSubscriptionId", acme.tenantSubscriptionId);
      for (const n of networks) f.append("vmNetworkIds", n);
      return f;
    };
    const refused = (() => {
      try {
        parseInput(assignCloudSchema, form([]));
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(InvalidInput);
    expect(refused).toMatchObject({
      fieldErrors: { vmNetworkIds: ["Choose at least one on-premises VM network for this tenant."] },
    });
    expect(parseInput(assignCloudSchema, form([ids.yellow])).vmNetworkIds).toEqual([ids.yellow]);

    await assignCloud(admin, parseInput(assignCloudSchema, form([ids.yellow])));
    expect(await network(ids.yellow)).toEqual({ tenantId: acme.ctx.tenantId });
    expect(await network(ids.blue)).toEqual({ tenantId: null });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "dr.assignCloud", targetId: ids.acmeCloud },
    });
    expect(audit.detail).toMatchObject({ vmNetworks: ["YellowNetwork"] });

    // AcmeCorp's network is refused beside the field, and nothing of the assignment is written.
    await expect(
      assignCloud(admin, {
        containerId: ids.contosoCloud,
        tenantSubscriptionId: contoso.tenantSubscriptionId,
        vmNetworkIds: [ids.blue, ids.yellow],
      }),
    ).rejects.toMatchObject({ fieldErrors: { vmNetworkIds: ["YellowNetwork is already given to another tenant."] } });
    await expect(
      assignCloud(admin, {
        containerId: ids.contosoCloud,
        tenantSubscriptionId: contoso.tenantSubscriptionId,
        vmNetworkIds: ["no-such-network"],
      }),
    ).rejects.toMatchObject({ fieldErrors: { vmNetworkIds: [expect.stringContaining("VM networks of this vault")] } });
    expect(await db.protectionContainer.findUniqueOrThrow({ where: { id: ids.contosoCloud } })).toMatchObject({
      tenantId: null,
      tenantSubscriptionId: null,
    });
    expect(await network(ids.blue)).toEqual({ tenantId: null });

    // A subscription whose plan offers no DR is neither offered nor accepted for a cloud (issue 12, 8c).
    const contosoPlan = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: contoso.tenantSubscriptionId },
      select: { planId: true },
    });
    await db.plan.update({ where: { id: contosoPlan.planId }, data: { offersDr: false } });
    try {
      expect((await getDrOverview(admin)).tenantSubscriptions.map((t) => t.id)).not.toContain(
        contoso.tenantSubscriptionId,
      );
      await expect(
        assignCloud(admin, {
          containerId: ids.contosoCloud,
          tenantSubscriptionId: contoso.tenantSubscriptionId,
          vmNetworkIds: [ids.blue],
        }),
      ).rejects.toMatchObject({
        fieldErrors: { tenantSubscriptionId: [expect.stringContaining("does not offer disaster recovery")] },
      });
      expect(await db.protectionContainer.findUniqueOrThrow({ where: { id: ids.contosoCloud } })).toMatchObject({
        tenantId: null,
        tenantSubscriptionId: null,
      });
      expect(await network(ids.blue)).toEqual({ tenantId: null });
    } finally {
      await db.plan.update({ where: { id: contosoPlan.planId }, data: { offersDr: true } });
    }
    expect((await getDrOverview(admin)).tenantSubscriptions.map((t) => t.id)).toContain(contoso.tenantSubscriptionId);

    await assignCloud(admin, {
      containerId: ids.contosoCloud,
      tenantSubscriptionId: contoso.tenantSubscriptionId,
      vmNetworkIds: [ids.blue],
    });
    expect(await network(ids.blue)).toEqual({ tenantId: contoso.ctx.tenantId });
    await expect(
      assignCloud(admin, {
        containerId: ids.acmeCloud,
        tenantSubscriptionId: contoso.tenantSubscriptionId,
        vmNetworkIds: [ids.blue],
      }),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await network(ids.yellow)).toEqual({ tenantId: acme.ctx.tenantId });
  });

  it("refuses bad setup input with field errors and makes no Azure call", async () => {
    await db.virtualNetwork.create({
      data: {
        tenantId: acme.ctx.tenantId,
        tenantSubscriptionId: acme.tenantSubscriptionId,
        name: "vnet-westus",
        region: "westus",
        addressSpace: "10.1.0.0/16",
      },
    });
    await emu.control.resetCounters();
    const fields = async (over: Record<string, unknown>) => {
      try {
        await setupTenant(admin, parseInput(setupTenantSchema, guideSetup(over)));
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInput);
        return Object.keys((e as InstanceType<typeof InvalidInput>).fieldErrors);
      }
      throw new Error("expected InvalidInput");
    };
    expect(await fields({ copyFrequencySeconds: "60" })).toEqual(["copyFrequencySeconds"]);
    expect(await fields({ appConsistentHours: "4" })).toEqual(["appConsistentHours"]);
    expect(await fields({ addressSpace: "10.1.0.0/16", subnetPrefix: "10.1.1.0/24" })).toEqual(["addressSpace"]);
    expect(await fields({ storageAccount: "DR_Storage" })).toEqual(["storageAccount"]);
    expect(await fields({ tenantSubscriptionId: contoso.tenantSubscriptionId })).toEqual(["tenantSubscriptionId"]);
    // BlueNetwork is Contoso's: not offered on AcmeCorp's setup page, and refused beside the field (issue 12, 8b).
    expect((await getCloudSetup(admin, ids.acmeCloud)).networks.map((n) => n.friendlyName)).toEqual(["YellowNetwork"]);
    expect(await fields({ vmNetworkId: ids.blue })).toEqual(["vmNetworkId"]);
    const counters = await emu.control.counters();
    expect(counters.writes + counters.deletes).toBe(0);
    expect(await db.tenantDrSetup.count()).toBe(0);
  });

  it("sets AcmeCorp up: storage (Standard_GRS) and network in AcmeCorp's subscription, policy 900 s / 1 / 1 h, YellowNetwork mapped", async () => {
    const op = await succeeded(setupTenant(admin, parseInput(setupTenantSchema, guideSetup())));
    expect(op.steps.every((s) => s.state === "succeeded")).toBe(true);
    const setup = await db.tenantDrSetup.findFirstOrThrow({ where: { tenantId: acme.ctx.tenantId } });
    expect(setup).toMatchObject({ targetsState: "succeeded", policyState: "succeeded", mappingState: "succeeded" });
    expect(setup.storageAccountId).toContain(
      `/subscriptions/${SEED.subscriptions.acme}/resourceGroups/AcmeCorpRecoveryGroup/providers/Microsoft.Storage/storageAccounts/drstorageacct1`,
    );
    const account = await emu
      .storage(SEED.apps.acme, SEED.subscriptions.acme)
      .storageAccounts.getProperties("AcmeCorpRecoveryGroup", "drstorageacct1");
    expect(account).toMatchObject({ location: "westus", sku: { name: "Standard_GRS" } });
    // The portal's tags (issue 15 point 1): the tenant, its plan, the setup operation, and what it is for.
    const ts = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: setup.tenantSubscriptionId },
      select: { planId: true, tenant: { select: { id: true, slug: true } } },
    });
    expect(account.tags).toEqual({
      "portal-tenant": ts.tenant.slug,
      "portal-tenant-id": ts.tenant.id,
      "portal-plan": ts.planId,
      "portal-operation": op.id,
      "portal-role": "disaster-recovery",
    });
    const vault = `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/WAPRecoveryGroup/providers/Microsoft.RecoveryServices/vaults/WAPRecoveryVault`;
    const policy = await emu.arm(
      SEED.apps.provider,
      "GET",
      `${vault}/replicationPolicies/AcmeCorp-Policy?api-version=2023-06-01`,
    );
    expect(policy.body.properties.providerSpecificDetails).toMatchObject({
      replicationInterval: 900,
      recoveryPointHistoryDurationInHours: 1,
      applicationConsistentSnapshotFrequencyInHours: 1,
      activeStorageAccountId: setup.storageAccountId,
    });
    expect((await db.protectionContainer.findUniqueOrThrow({ where: { id: ids.acmeCloud } })).pairingStatus).toBe(
      "Paired",
    );
    // Running it again converges on the same resources, and keeps the tags AcmeCorp added to them since: a PUT
    // replaces a resource's tags, so each carries the resource's own (portal-operation stays the first run's).
    const targets = [setup.storageAccountId!, setup.vnetId!, setup.testVnetId!];
    for (const id of targets) await customerTag(SEED.apps.acme, id, { owner: "acme-it" });
    await succeeded(setupTenant(admin, parseInput(setupTenantSchema, guideSetup())));
    for (const id of targets)
      expect(await tagsOf(SEED.apps.acme, id)).toMatchObject({ owner: "acme-it", "portal-operation": op.id });
  });

  it("keeps tenants apart: Contoso cannot map AcmeCorp's network, see or act on AcmeCorp's VMs", async () => {
    await expect(
      setupTenant(
        admin,
        parseInput(
          setupTenantSchema,
          guideSetup({
            containerId: ids.contosoCloud,
            tenantSubscriptionId: contoso.tenantSubscriptionId,
            storageAccount: "contosodr1",
            policyName: "Contoso-Policy",
          }),
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: { vmNetworkId: [expect.stringContaining("another tenant")] } });
    await holdReplication(true);
    const [vm01] = await enableProtection(acme.ctx, {
      vms: [
        {
          armName: (
            (await db.protectionContainer.findUniqueOrThrow({ where: { id: ids.acmeCloud } })).vms as {
              armName: string;
              name: string;
            }[]
          ).find((v) => v.name === "VM01")!.armName,
        },
      ],
    });
    ids.vm01 = vm01.id;
    await expect(runDrAction(contoso.ctx, vm01.id, { action: "testFailover" })).rejects.toBeInstanceOf(NotFound);
    await expect(enableProtection(contoso.ctx, { vms: [{ armName: (await item()).armName }] })).rejects.toBeInstanceOf(
      NotFound,
    );
    await waitForOperation(vm01.operationId);
  });

  it("protects VM01 and follows its initial replication until Azure says Protected, with no refresh asked for", async () => {
    const op = await waitForOperation(
      (await db.operation.findFirstOrThrow({ where: { kind: "dr.enableProtection", targetId: ids.vm01 } })).id,
    );
    expect(op.state).toBe("succeeded");
    expect(op.steps.find((s) => s.name === "Record the ASR job")?.detail).toContain("Enable protection");
    expect(op.steps.at(-1)?.detail).toMatch(/Initial replication in progress.*followed until Azure finishes/);
    // Issue 12, point 7: the portal said "Initial replication in progress (5 %)" until the next scheduled refresh.
    const follow = await db.operation.findFirstOrThrow({ where: { kind: "dr.followReplication", targetId: ids.vm01 } });
    expect(follow).toMatchObject({ tenantId: acme.ctx.tenantId, actorId: null, targetName: "VM01" });
    await holdReplication(false);
    const followed = await waitForOperation(follow.id);
    expect(followed.state).toBe("succeeded");
    expect(followed.steps.map((s) => [s.name, s.detail])).toEqual([["Follow replication", "Protected"]]);
    expect(await db.operation.count({ where: { kind: "dr.refreshProtection" } })).toBe(0);
    const vm = await item();
    expect(vm).toMatchObject({
      protectionState: "Protected",
      replicationHealth: "Normal",
      initialReplicationPercent: 100,
      activeLocation: "Primary",
    });
    expect(vm.allowedOperations).toContain("TestFailover");
    expect(vm.lastRecoveryPointAt).not.toBeNull();
    // The follow's reads are many and close together: RPO is sampled by the scheduled refresh only (issue 12 review, 4).
    expect(await db.rpoSample.count({ where: { protectedItemId: ids.vm01 } })).toBe(0);
    // One GET of the item per poll, paced by Azure's progress: a handful, not a busy loop.
    const gets = (await emu.control.requests({ limit: 1000 })).value.filter(
      (r) =>
        r.method === "GET" && r.path.toLowerCase().endsWith(`/replicationprotecteditems/${vm.armName.toLowerCase()}`),
    );
    expect(gets.length).toBeLessThan(30);
  });

  it("refuses protecting more VMs than the plan allows, with the figures, and records nothing", async () => {
    const { plan } = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: acme.tenantSubscriptionId },
      select: { plan: true },
    });
    const vms = (await db.protectionContainer.findUniqueOrThrow({ where: { id: ids.acmeCloud } })).vms as {
      armName: string;
      name: string;
    }[];
    const other = vms.find((v) => v.name !== "VM01")!;
    await db.plan.update({ where: { id: plan.id }, data: { quotaProtectedVms: 1 } });
    try {
      await expect(enableProtection(acme.ctx, { vms: [{ armName: other.armName }] })).rejects.toThrow(
        "Your plan protects at most 1 VMs: 1 protected + 1 requested.",
      );
      expect(await db.protectedItem.count({ where: { armName: other.armName } })).toBe(0);
    } finally {
      await db.plan.update({ where: { id: plan.id }, data: { quotaProtectedVms: plan.quotaProtectedVms } });
    }
  });

  it("runs a test failover with the ASR job's tasks on the operation, then cleans it up with notes", async () => {
    const started = runDrAction(acme.ctx, ids.vm01, { action: "testFailover" });
    // While it is queued or running, no other action starts on the VM (the API could start one; the page hid it).
    await started;
    await expect(runDrAction(acme.ctx, ids.vm01, { action: "plannedFailover" })).rejects.toThrow(
      /is busy: Test failover is (queued|running)\. Wait for it to finish/,
    );
    const tfo = await succeeded(started);
    expect(tfo.steps.find((s) => s.name === "Record the ASR job")?.detail).toMatch(
      /Test failover: Succeeded.*Create test virtual machine/,
    );
    const after = await item();
    expect(after).toMatchObject({
      testFailoverState: "WaitingForCompletion",
      allowedOperations: ["TestFailoverCleanup"],
    });
    expect(after.lastTestFailoverAt).not.toBeNull();
    await succeeded(runDrAction(acme.ctx, ids.vm01, { action: "testFailoverCleanup", notes: "DR drill OK" }));
    expect(await item()).toMatchObject({ testFailoverState: "None", lastTestFailoverNotes: "DR drill OK" });
  });

  it("fails over (planned), commits, fails back, commits and reprotects", async () => {
    await expect(runDrAction(acme.ctx, ids.vm01, { action: "commit" })).rejects.toBeInstanceOf(Conflict);
    await succeeded(runDrAction(acme.ctx, ids.vm01, { action: "plannedFailover" }));
    // Nothing replicates after a failover: no RPO until reprotect (issue 12, 10c).
    expect(await item()).toMatchObject({ protectionState: "FailedOver", activeLocation: "Recovery", rpoSeconds: null });
    // The VM Azure made carries the portal's tags (issue 15 point 1), given when protection was enabled.
    const inventory = await emu.control.inventory();
    const failedOver = inventory.subscriptions[SEED.subscriptions.acme].filter(
      (r) => r.type === "Microsoft.Compute/virtualMachines",
    );
    expect(failedOver.map((r) => r.body.tags)).toContainEqual(
      expect.objectContaining({ "portal-role": "disaster-recovery", "portal-protected-item": ids.vm01 }),
    );
    await succeeded(runDrAction(acme.ctx, ids.vm01, { action: "commit" }));
    expect((await item()).protectionState).toBe("FailoverCommitted");
    await succeeded(runDrAction(acme.ctx, ids.vm01, { action: "failback" }));
    expect(await item()).toMatchObject({ protectionState: "FailedBack", activeLocation: "Primary" });
    await succeeded(runDrAction(acme.ctx, ids.vm01, { action: "commit" }));
    expect((await item()).allowedOperations).toContain("ReverseReplicate");
    await holdReplication(true);
    await succeeded(runDrAction(acme.ctx, ids.vm01, { action: "reprotect" }));
    // Reprotect starts a new initial replication, followed like the first one.
    const follow = await db.operation.findFirstOrThrow({
      where: { kind: "dr.followReplication", targetId: ids.vm01 },
      orderBy: { createdAt: "desc" },
    });
    await holdReplication(false);
    expect((await waitForOperation(follow.id)).state).toBe("succeeded");
    expect(await item()).toMatchObject({ protectionState: "Protected", initialReplicationPercent: 100 });
    // The DR events (webhooks), one per action that succeeded, with the operation's end.
    const events = await db.outboxEvent.findMany({
      where: { resourceId: ids.vm01, type: { startsWith: "dr." } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.type, (e.data as { kind: string }).kind])).toEqual([
      ["dr.test_failover_completed", "dr.testFailover"],
      ["dr.failover_completed", "dr.plannedFailover"],
      ["dr.commit_completed", "dr.commit"],
      ["dr.commit_completed", "dr.commit"],
    ]);
  });

  it("puts the portal's tags back on the vault, its group and AcmeCorp's DR group, storage and networks on refresh, once", async () => {
    const vault = await db.recoveryVault.findFirstOrThrow();
    const setup = await db.tenantDrSetup.findFirstOrThrow({ where: { tenantId: acme.ctx.tenantId } });
    const provider = [
      `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/WAPRecoveryGroup`,
      vault.azureResourceId!,
    ];
    const tenant = [
      `/subscriptions/${SEED.subscriptions.acme}/resourceGroups/AcmeCorpRecoveryGroup`,
      setup.storageAccountId!,
      setup.vnetId!,
      setup.testVnetId!,
    ];
    // Resources as made before the portal tagged them: only the customer's own tags.
    for (const id of provider)
      await emu.arm(SEED.apps.provider, "PUT", tagsUrl(id), { properties: { tags: { costCenter: "dr" } } });
    for (const id of tenant)
      await emu.arm(SEED.apps.acme, "PUT", tagsUrl(id), { properties: { tags: { owner: "acme-it" } } });
    const refreshBoth = async () => {
      await succeeded(refreshFabric(admin, vault.id));
      await succeeded(refreshProtection(acme.ctx));
    };
    await refreshBoth();

    const registered = await db.operation.findFirstOrThrow({ where: { kind: "dr.registerVault" } });
    for (const id of provider)
      expect((await emu.arm(SEED.apps.provider, "GET", tagsUrl(id))).body.properties.tags).toEqual({
        costCenter: "dr",
        "portal-operation": registered.id,
        "portal-role": "disaster-recovery",
      });
    const setUp = await db.operation.findFirstOrThrow({
      where: { kind: "dr.setupTenant", targetId: setup.id },
      orderBy: { createdAt: "asc" },
    });
    const ts = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: setup.tenantSubscriptionId },
      select: { planId: true },
    });
    for (const id of tenant)
      expect((await emu.arm(SEED.apps.acme, "GET", tagsUrl(id))).body.properties.tags).toEqual({
        owner: "acme-it",
        "portal-tenant": acme.ctx.tenantSlug,
        "portal-tenant-id": acme.ctx.tenantId,
        "portal-plan": ts.planId,
        "portal-operation": setUp.id,
        "portal-role": "disaster-recovery",
      });

    const since = new Date().toISOString();
    await refreshBoth();
    const log = (await emu.control.requests({ since, limit: 1000 })).value;
    expect(log.filter((r) => /\/providers\/Microsoft\.Resources\/tags\//i.test(r.path))).toEqual([]);
  });

  it("fails a setup whose storage name is taken in Azure, at the name check, before creating anything", async () => {
    await assignCloud(admin, {
      containerId: ids.contosoCloud,
      tenantSubscriptionId: contoso.tenantSubscriptionId,
      vmNetworkIds: [ids.blue],
    });
    await emu
      .storage(SEED.apps.acme, SEED.subscriptions.acme)
      .storageAccounts.create("AcmeCorpRecoveryGroup", "acmecorpdrstore", {
        location: "westus",
        sku: { name: "Standard_LRS" },
        kind: "StorageV2",
      });
    const { operationId } = await setupTenant(
      admin,
      parseInput(
        setupTenantSchema,
        guideSetup({
          containerId: ids.contosoCloud,
          tenantSubscriptionId: contoso.tenantSubscriptionId,
          resourceGroup: "ContosoRecoveryGroup",
          storageAccount: "acmecorpdrstore",
          policyName: "Contoso-Policy",
          vmNetworkId: ids.blue,
        }),
      ),
    );
    const op = await waitForOperation(operationId);
    expect(op.state).toBe("failed");
    expect(op.errorMessage).toMatch(/acmecorpdrstore is already taken/);
    expect(op.steps.find((s) => s.state === "failed")?.name).toBe("Check storage account name");
    for (
      let n = 0;
      n < 50 &&
      (await db.tenantDrSetup.findFirstOrThrow({ where: { tenantId: contoso.ctx.tenantId } })).targetsState ===
        "running";
      n++
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(await db.tenantDrSetup.findFirstOrThrow({ where: { tenantId: contoso.ctx.tenantId } })).toMatchObject({
      targetsState: "failed",
      lastError: expect.stringContaining("already taken"),
    });
    expect(
      await emu
        .storage(SEED.apps.contoso, SEED.subscriptions.contoso)
        .storageAccounts.getProperties("ContosoRecoveryGroup", "acmecorpdrstore")
        .catch((e) => e.statusCode),
    ).toBe(404);
  });
});
