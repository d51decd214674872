import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";

const database = setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { recordVmUsage, recordProtectedItemUsage, recordLoadBalancerUsage } = await import("./record");
const { rollupDays } = await import("./rollup");
const { runUsageRollup } = await import("./run");

const t = (iso: string) => new Date(iso);
const op = { source: "operation" } as const;

/** A plan, a tenant and its subscription, written directly (no Azure needed to meter). */
async function owner() {
  const suffix = randomBytes(3).toString("hex");
  const sub = await db.azureSubscription.create({
    data: {
      subscriptionId: `sub-${suffix}`,
      displayName: "Usage",
      cloud: "Custom",
      directoryId: "d",
      clientId: "c",
      clientSecretEnc: "x",
      state: "active",
    },
  });
  const plan = await db.plan.create({
    data: {
      name: `Usage ${suffix}`,
      azureSubscriptionId: sub.id,
      quotaVms: 10,
      quotaVcpus: 40,
      quotaPublicIps: 5,
      quotaLoadBalancers: 2,
      quotaProtectedVms: 5,
    },
  });
  const tenant = await db.tenant.create({ data: { slug: `u-${suffix}`, name: "Usage" } });
  const tsub = await db.tenantSubscription.create({
    data: { tenantId: tenant.id, planId: plan.id, name: "main", resourceGroup: `rg-${suffix}` },
  });
  return { sub, plan, tenant, tsub };
}

type Owner = Awaited<ReturnType<typeof owner>>;

async function vmRow(o: Owner, name: string, over: Record<string, unknown> = {}) {
  return db.virtualMachine.create({
    data: {
      tenantId: o.tenant.id,
      tenantSubscriptionId: o.tsub.id,
      name,
      region: "westeurope",
      size: "Standard_D2s_v3",
      vcpus: 2,
      memoryMb: 8192,
      osType: "Linux",
      imagePublisher: "Canonical",
      imageOffer: "ubuntu",
      imageSku: "server",
      imageVersion: "latest",
      adminUsername: "azureuser",
      networkName: "vnet",
      subnetName: "default",
      ...over,
    },
  });
}

/** A state change as the jobs save it: the row's write and the recorder in one transaction, at an explicit time. */
async function change(vmId: string, at: string, data: Record<string, unknown> | "delete") {
  await db.$transaction(async (tx) => {
    if (data === "delete") await tx.virtualMachine.delete({ where: { id: vmId } });
    else await tx.virtualMachine.update({ where: { id: vmId }, data });
    await recordVmUsage(tx, vmId, t(at), op);
  });
}

async function daily(tenantSubscriptionId: string) {
  const rows = await db.usageDaily.findMany({
    where: { tenantSubscriptionId },
    orderBy: [{ day: "asc" }, { meter: "asc" }, { sku: "asc" }, { seq: "asc" }],
  });
  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    meter: r.meter,
    sku: r.sku,
    seq: r.seq,
    quantity: Number(r.quantity),
    unit: r.unit,
    closed: r.closed,
  }));
}

const find = (rows: Awaited<ReturnType<typeof daily>>, day: string, meter: string, sku: string, seq = 0) =>
  rows.find((r) => r.day === day && r.meter === meter && r.sku === sku && r.seq === seq)?.quantity;

describe("usage over a scripted timeline (recorder with explicit times, rollup in SQL)", () => {
  let o: Owner;
  let vmId: string;

  beforeAll(async () => {
    o = await owner();
    // Created 1 Dec 10:00 with a public IP and a 100 GB data disk (Premium: a D2s_v3 is premium-capable).
    const vm = await vmRow(o, "web01", { hasPublicIp: true, dataDisks: [{ lun: 0, sizeGb: 100 }] });
    vmId = vm.id;
    await change(vmId, "2026-12-01T10:00:00Z", {
      provisioningState: "Succeeded",
      powerState: "running",
      azureResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web01`,
    });
    await change(vmId, "2026-12-01T12:00:00Z", { powerState: "stopped" }); // still allocated: still billed
    await change(vmId, "2026-12-01T14:00:00Z", { powerState: "deallocated" });
    await change(vmId, "2026-12-01T16:00:00Z", { powerState: "running" });
    await change(vmId, "2026-12-01T20:00:00Z", { size: "Standard_D4s_v3" }); // resize mid-day
    await change(vmId, "2026-12-02T06:30:00Z", "delete");
  });

  it("meters compute while allocated (stopped included, deallocated not), per size, to the second", async () => {
    await rollupDays(t("2026-12-01T00:00:00Z"), t("2026-12-03T00:00:00Z"), t("2026-12-05T00:00:00Z"));
    const rows = await daily(o.tsub.id);
    expect(find(rows, "2026-12-01", "vm.compute.linux", "Standard_D2s_v3")).toBe(8); // 10–14 and 16–20
    expect(find(rows, "2026-12-01", "vm.compute.linux", "Standard_D4s_v3")).toBe(4); // 20–24
    expect(find(rows, "2026-12-02", "vm.compute.linux", "Standard_D4s_v3")).toBe(6.5);
    expect(find(rows, "2026-12-02", "vm.compute.linux", "Standard_D2s_v3")).toBeUndefined();
    expect(rows.find((r) => r.meter === "vm.compute.linux")?.unit).toBe("1 Hour");
  });

  it("pro-rates disks by the calendar month and meters the public IP by the hour while they exist", async () => {
    const rows = await daily(o.tsub.id);
    // 14 h and 6.5 h of a 31-day December (744 h), OS disk 30 GB → P4, data disk 100 GB → P10.
    expect(find(rows, "2026-12-01", "disk.managed", "P4 LRS")).toBeCloseTo(14 / 744, 10);
    expect(find(rows, "2026-12-02", "disk.managed", "P10 LRS")).toBeCloseTo(6.5 / 744, 10);
    expect(find(rows, "2026-12-01", "ip.standard", "Standard")).toBe(14);
    expect(find(rows, "2026-12-02", "ip.standard", "Standard")).toBe(6.5);
    expect(rows.find((r) => r.meter === "disk.managed")?.unit).toBe("1/Month");
  });

  it("writes the same rows when run again (upsert by key), and nothing for the untouched days", async () => {
    const before = await daily(o.tsub.id);
    await rollupDays(t("2026-11-30T00:00:00Z"), t("2026-12-04T00:00:00Z"), t("2026-12-05T00:00:00Z"));
    expect(await daily(o.tsub.id)).toEqual(before);
  });

  it("pro-rates a whole day of February as 1/28 of a month", async () => {
    const f = await owner();
    const vm = await vmRow(f, "feb01", { size: "Standard_A2_v2" });
    await change(vm.id, "2027-02-10T00:00:00Z", {
      provisioningState: "Succeeded",
      powerState: "deallocated",
      azureResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/feb01",
    });
    await rollupDays(t("2027-02-10T00:00:00Z"), t("2027-02-11T00:00:00Z"), t("2027-02-12T00:00:00Z"));
    const rows = await daily(f.tsub.id);
    // Deallocated from the start: no compute; the A2_v2 (no premium storage) OS disk is Standard HDD, S4.
    expect(rows.map((r) => [r.meter, r.sku, r.quantity])).toEqual([
      ["disk.managed", "S4 LRS", Number((1 / 28).toFixed(10))],
    ]);
  });

  it("meters protection, replica storage and the failed-over VM's compute", async () => {
    const p = await owner();
    const vault = await db.recoveryVault.create({
      data: { azureSubscriptionId: p.sub.id, resourceGroup: "dr", name: "vault", region: "westeurope" },
    });
    const fabric = await db.fabric.create({
      data: { vaultId: vault.id, armName: "fab", friendlyName: "VMM", health: "Normal" },
    });
    const container = await db.protectionContainer.create({
      data: {
        vaultId: vault.id,
        fabricId: fabric.id,
        armName: "cloud",
        friendlyName: "Cloud",
        tenantId: p.tenant.id,
        tenantSubscriptionId: p.tsub.id,
        vms: [{ armName: "vm-1", name: "app", disks: [{ sizeGb: 127 }, { sizeGb: 50 }] }],
      },
    });
    const item = await db.protectedItem.create({
      data: {
        tenantId: p.tenant.id,
        containerId: container.id,
        armName: "vm-1",
        vmName: "app",
        targetVmName: "app-dr",
        targetSize: "Standard_B2s",
        osType: "Windows",
        state: "enabling",
      },
    });
    const save = (at: string, data: Record<string, unknown>) =>
      db.$transaction(async (tx) => {
        await tx.protectedItem.update({ where: { id: item.id }, data });
        await recordProtectedItemUsage(tx, item.id, t(at), { source: "sync" });
      });
    await save("2026-12-01T00:00:00Z", { state: "protected", activeLocation: "Primary" });
    await save("2026-12-01T12:00:00Z", { activeLocation: "Recovery" }); // failed over: the VM runs in Azure
    await rollupDays(t("2026-12-01T00:00:00Z"), t("2026-12-02T00:00:00Z"), t("2026-12-03T00:00:00Z"));
    const rows = await daily(p.tsub.id);
    expect(find(rows, "2026-12-01", "dr.protected", "Azure")).toBeCloseTo(1 / 31, 10);
    expect(find(rows, "2026-12-01", "dr.storage", "Standard LRS")).toBeCloseTo(177 / 31, 8);
    expect(find(rows, "2026-12-01", "vm.compute.windows", "Standard_B2s")).toBe(12);
  });

  it("closes days after the grace period, then books a late change as an adjustment, never an edit", async () => {
    // A load balancer with 7 rules, reported late (its interval starts on 1 Dec, already closed by then).
    const closing = await runUsageRollup(t("2026-12-03T07:00:00Z"));
    expect(closing?.closed).toContain("2026-12-02");
    const closedRows = await daily(o.tsub.id);
    expect(closedRows.every((r) => r.closed)).toBe(true);
    expect(await db.outboxEvent.count({ where: { type: "usage.day_closed", resourceId: o.tsub.id } })).toBe(2);

    const lb = await db.loadBalancer.create({
      data: {
        tenantId: o.tenant.id,
        tenantSubscriptionId: o.tsub.id,
        name: "lb1",
        resourceGroup: "rg",
        region: "westeurope",
        azureResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb1",
        provisioningState: "Succeeded",
        rules: Array.from({ length: 7 }, (_, i) => ({ name: `r${i}` })),
      },
    });
    await db.$transaction((tx) => recordLoadBalancerUsage(tx, lb.id, t("2026-12-01T18:00:00Z"), { source: "sync" }));
    await db.$transaction(async (tx) => {
      await tx.loadBalancer.delete({ where: { id: lb.id } });
      await recordLoadBalancerUsage(tx, lb.id, t("2026-12-01T21:00:00Z"), { source: "sync" });
    });
    await runUsageRollup(t("2026-12-03T08:00:00Z"));
    const rows = await daily(o.tsub.id);
    // The closed day's own rows are as they were; the LB's 3 hours and 2 overage rules × 3 h are adjustments.
    expect(rows.filter((r) => r.seq === 0)).toEqual(closedRows);
    expect(find(rows, "2026-12-01", "lb.standard.included", "Standard", 1)).toBe(3);
    expect(find(rows, "2026-12-01", "lb.standard.overage", "Standard", 1)).toBe(6);
    const adjustment = await db.usageDaily.findFirstOrThrow({ where: { tenantSubscriptionId: o.tsub.id, seq: 1 } });
    expect(adjustment.postedOn.toISOString().slice(0, 10)).toBe("2026-12-03");

    // Once booked, running again adds nothing.
    await runUsageRollup(t("2026-12-03T09:00:00Z"));
    expect(await daily(o.tsub.id)).toEqual(rows);
  });
});

describe("a rollup killed mid-run", () => {
  it("loses and duplicates nothing: the next run writes every row once with exact quantities", async () => {
    // 3,000 VMs running all day for 10 days (30,000 intervals of 24 h), 300 tenant subscriptions of 10 VMs.
    const o = await owner();
    await db.$executeRaw`
      INSERT INTO "UsageInterval" (id, "tenantId", "tenantSubscriptionId", "planId", "resourceType", "resourceId",
        "resourceName", meter, region, sku, units, "startAt", "endAt", source)
      SELECT 'k' || v || '-' || d, ${o.tenant.id}, 'kill-sub-' || (v % 300), ${o.plan.id}, 'VirtualMachine',
             'kill-vm-' || v, 'vm' || v, 'vm.compute.linux', 'westeurope', 'Standard_D2s_v3', 1,
             TIMESTAMPTZ '2026-11-01 00:00:00+00' + d * interval '24 hours',
             TIMESTAMPTZ '2026-11-01 00:00:00+00' + (d + 1) * interval '24 hours', 'sync'
      FROM generate_series(1, 3000) v, generate_series(0, 9) d`;
    const from = "2026-11-01T00:00:00Z";
    const to = "2026-11-11T00:00:00Z";

    // A separate process runs the rollup and is killed with SIGKILL while its transaction is open.
    const script = `import("@/lib/usage/rollup").then(async ({ rollupDays }) => {
      await rollupDays(new Date("${from}"), new Date("${to}"), new Date("2026-11-20T00:00:00Z"));
      console.log("finished");
      process.exit(0);
    });`;
    // node itself with tsx's loader: the tsx CLI would run the script in a grandchild that outlives a SIGKILL.
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
      env: { ...process.env, DATABASE_URL: database.url() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let killedInside = false;
    for (let i = 0; i < 600 && !killedInside; i++) {
      const [running] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity
        WHERE query LIKE '%usage_computed%' AND state = 'active' AND pid <> pg_backend_pid()`;
      if (Number(running.n) > 0) {
        child.kill("SIGKILL");
        killedInside = true;
      } else await new Promise((r) => setTimeout(r, 25));
    }
    await exited;
    expect(killedInside, output).toBe(true);
    expect(output).not.toContain("finished");
    // The killed transaction committed nothing (PostgreSQL rolls it back when its connection drops).
    for (let i = 0; i < 100; i++) {
      const [left] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE '%usage_computed%' AND pid <> pg_backend_pid()`;
      if (Number(left.n) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await db.usageDaily.count({ where: { tenantSubscriptionId: { startsWith: "kill-sub-" } } })).toBe(0);

    await rollupDays(t(from), t(to), t("2026-11-20T00:00:00Z"));
    await rollupDays(t(from), t(to), t("2026-11-20T00:00:00Z"));
    const totals = await db.usageDaily.groupBy({
      by: ["day"],
      where: { tenantSubscriptionId: { startsWith: "kill-sub-" } },
      _count: { _all: true },
      _sum: { quantity: true },
    });
    expect(totals).toHaveLength(10);
    for (const d of totals) {
      expect(d._count._all).toBe(300); // one row per tenant subscription and day
      expect(Number(d._sum.quantity)).toBe(3000 * 24);
    }
  });
});
