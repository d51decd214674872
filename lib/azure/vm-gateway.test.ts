import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { SEED } from "@/emulator/seed";
import { clearArmClientCache } from "./clients";
import {
  ArmError,
  createVm,
  deallocateVm,
  deleteNic,
  deletePublicIp,
  deleteVm,
  ensureNic,
  ensurePublicIp,
  ensureResourceGroup,
  ensureVirtualNetwork,
  getNic,
  getPublicIp,
  getVirtualNetwork,
  getVm,
  listAvailableResizeSizes,
  listVirtualNetworks,
  listVmStatuses,
  needsDeallocation,
  pollLro,
  resizeVm,
  setDataDisks,
  startVm,
  withArmObserver,
  type ArmResponseInfo,
  type AzureAccess,
  type LroProgress,
  type VmSpec,
} from "./index";
import { startGatewayEmulator, type GatewayEmulator } from "@/test/gateway-emulator";

const LOCATION = "westeurope";
const PASSWORD = `Pw-${randomUUID()}!A1`;
const BAD_PASSWORD = `weak${Date.now()}`;
const RG = `rg-vm-${randomUUID().slice(0, 8)}`;
const ENV = `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/${RG}/providers`;

let emu: GatewayEmulator;
let access: AzureAccess;
const continuations: string[] = [];
const observed: ArmResponseInfo[] = [];

beforeAll(async () => {
  emu = await startGatewayEmulator();
  access = emu.access(SEED.apps.provider, SEED.subscriptions.provider);
  await ensureResourceGroup(access, RG, LOCATION);
});
afterAll(async () => {
  await emu?.close();
});

/** Polls a started LRO to the end as a restarted worker would: fresh clients for every poll, continuation kept. */
async function finish<T>(started: Promise<LroProgress<T>>): Promise<T> {
  let progress = await withArmObserver({ onResponse: (i) => observed.push(i) }, () => started);
  for (let i = 0; i < 300 && !progress.done; i++) {
    continuations.push(progress.continuation);
    clearArmClientCache();
    await sleep(10);
    progress = await pollLro<T>(access, progress.continuation);
  }
  if (!progress.done) throw new Error("the operation did not finish");
  return progress.result;
}

async function network(name: string) {
  const subnetId = `${ENV}/Microsoft.Network/virtualNetworks/vnet1/subnets/default`;
  const pip = await finish(
    ensurePublicIp(access, {
      resourceGroup: RG,
      name: `${name}-ip`,
      location: LOCATION,
      sku: "Standard",
      allocation: "Static",
    }),
  );
  const nic = await finish(
    ensureNic(access, { resourceGroup: RG, name: `${name}-nic`, location: LOCATION, subnetId, publicIpId: pip.id }),
  );
  return { pip, nic };
}

const spec = (name: string, nicId: string, extra: Partial<VmSpec> = {}): VmSpec => ({
  resourceGroup: RG,
  name,
  location: LOCATION,
  size: "Standard_D2s_v5",
  image: { publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2", version: "latest" },
  computerName: name,
  adminUsername: "azureuser",
  adminPassword: PASSWORD,
  osType: "Linux",
  nicId,
  dataDisks: [{ lun: 0, sizeGb: 32 }],
  tags: { portal: "gateway-test" },
  ...extra,
});

const inventoryIds = async () =>
  (await emu.control.inventory()).subscriptions[SEED.subscriptions.provider].map((r) => r.id.toLowerCase());

describe("network and VM gateways against the emulator", () => {
  let nicId: string;
  let pipId: string;

  it("builds a network, creates a VM from continuations on fresh clients and reads it running with its private IP", async () => {
    const vnet = await finish(
      ensureVirtualNetwork(access, {
        resourceGroup: RG,
        name: "vnet1",
        location: LOCATION,
        addressSpace: ["10.1.0.0/16"],
        subnets: [{ name: "default", prefix: "10.1.0.0/24" }],
      }),
    );
    expect(vnet).toMatchObject({
      name: "vnet1",
      addressSpace: ["10.1.0.0/16"],
      subnets: [{ name: "default", prefix: "10.1.0.0/24" }],
    });
    expect(await getVirtualNetwork(access, RG, "vnet1")).toMatchObject({ provisioningState: "Succeeded" });
    expect((await listVirtualNetworks(access, RG)).map((v) => v.name)).toEqual(["vnet1"]);

    const { pip, nic } = await network("web01");
    expect(pip).toMatchObject({ sku: "Standard", allocation: "Static" });
    expect(pip.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(nic).toMatchObject({ publicIpId: pip.id, backendPoolIds: [] });
    expect(nic.privateIp).toMatch(/^10\.1\.0\.\d+$/);
    nicId = nic.id;
    pipId = pip.id;

    const started = await createVm(access, spec("web01", nic.id));
    expect(started.done).toBe(false);
    const created = await finish(Promise.resolve(started));
    expect(created).toMatchObject({ name: "web01", provisioningState: "Succeeded", size: "Standard_D2s_v5" });

    const vm = await getVm(access, RG, "web01");
    expect(vm).toMatchObject({
      powerState: "running",
      osType: "Linux",
      privateIps: [nic.privateIp],
      nicIds: [nic.id],
      dataDisks: [{ lun: 0, sizeGb: 32 }],
    });
    expect(vm?.osDiskId).toContain("/disks/web01_OsDisk_1_");
    expect((await getNic(access, RG, "web01-nic"))?.vmId?.toLowerCase()).toBe(vm?.id.toLowerCase());
    expect(await getVm(access, RG, "no-such-vm")).toBeNull();
    expect(await getPublicIp(access, RG, "no-such-ip")).toBeNull();
  });

  it("refuses a cross-family resize while running, then deallocates, resizes and starts", async () => {
    const sizes = (await listAvailableResizeSizes(access, RG, "web01")).map((s) => s.name);
    expect(sizes).toContain("Standard_D4s_v5");
    expect(sizes).not.toContain("Standard_E2s_v5");
    const err = await resizeVm(access, RG, "web01", "Standard_E2s_v5").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArmError);
    expect(needsDeallocation(err)).toBe(true);

    await finish(deallocateVm(access, RG, "web01"));
    expect((await getVm(access, RG, "web01"))?.powerState).toBe("deallocated");
    expect((await finish(resizeVm(access, RG, "web01", "Standard_E2s_v5"))).size).toBe("Standard_E2s_v5");
    await finish(startVm(access, RG, "web01"));
    expect(await getVm(access, RG, "web01")).toMatchObject({ powerState: "running", size: "Standard_E2s_v5" });
  });

  it("adds a data disk by LUN and keeps the existing one", async () => {
    const vm = await finish(
      setDataDisks(access, RG, "web01", [
        { lun: 0, sizeGb: 32 },
        { lun: 1, sizeGb: 64 },
      ]),
    );
    expect(vm.dataDisks.map((d) => [d.lun, d.sizeGb])).toEqual([
      [0, 32],
      [1, 64],
    ]);
  });

  it("lists every VM's status page by page, with no GET per VM", async () => {
    for (const n of ["app01", "app02", "app03"]) {
      const { nic } = await network(n);
      await finish(createVm(access, spec(n, nic.id, { size: "Standard_B1s", dataDisks: [] })));
    }
    const before = (await emu.control.requests({ limit: 5000 })).value.length;
    const statuses = await listVmStatuses(access);
    const calls = (await emu.control.requests({ limit: 5000 })).value
      .slice(before)
      .filter((r) => r.path.includes("Microsoft.Compute"));
    const mine = statuses.filter((s) => s.resourceGroup === RG).map((s) => [s.name, s.powerState, s.provisioningState]);
    expect(mine).toEqual(
      expect.arrayContaining(["web01", "app01", "app02", "app03"].map((n) => [n, "running", "Succeeded"])),
    );
    expect(calls.length).toBeGreaterThan(1);
    expect(
      calls.every((c) => c.method === "GET" && /\/providers\/Microsoft\.Compute\/virtualMachines$/i.test(c.path)),
    ).toBe(true);
  });

  it("deletes the VM with its NIC and disks, then the public IP; deleting again is done at once", async () => {
    const vm = await getVm(access, RG, "web01");
    const owned = [
      vm!.id,
      nicId,
      vm!.osDiskId!,
      ...(await inventoryIds()).filter((id) => id.includes("/disks/web01_disk")),
    ].map((id) => id.toLowerCase());
    expect(owned).toHaveLength(5);
    await finish(deleteVm(access, RG, "web01"));
    const left = await inventoryIds();
    expect(owned.filter((id) => left.includes(id))).toEqual([]);
    expect((await getPublicIp(access, RG, "web01-ip"))?.attachedTo).toBeUndefined();
    await finish(deletePublicIp(access, RG, "web01-ip"));
    expect(await inventoryIds()).not.toContain(pipId.toLowerCase());
    expect(await deleteVm(access, RG, "web01")).toEqual({ done: true, result: null });
    expect(await deleteNic(access, RG, "web01-nic")).toEqual({ done: true, result: null });
  });

  it("turns a weak admin password into a terminal InvalidParameter with a request id", async () => {
    const { nic } = await network("bad01");
    const err = await createVm(access, spec("bad01", nic.id, { adminPassword: BAD_PASSWORD })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArmError);
    expect(err).toMatchObject({ status: 400, code: "InvalidParameter", retryable: false });
    expect((err as ArmError).requestId).toBeTruthy();
    expect(JSON.stringify({ ...(err as ArmError), message: (err as ArmError).message })).not.toContain(BAD_PASSWORD);
  });

  it("never lets a password into a continuation, the request log, the observer or the stored VM", async () => {
    expect(continuations.length).toBeGreaterThan(5);
    const { value: log } = await emu.control.requests({ limit: 5000 });
    const seen = JSON.stringify([continuations, log, observed, await emu.control.inventory()]);
    for (const secret of [PASSWORD, BAD_PASSWORD]) expect(seen).not.toContain(secret);
    const vmContinuations = continuations
      .map((c) => JSON.parse(c) as { kind: string; args: unknown })
      .filter((c) => c.kind.startsWith("vm."));
    expect(
      vmContinuations.map((c) =>
        Object.keys(c.args as object)
          .sort()
          .join(","),
      ),
    ).toContain("name,resourceGroup");
  });
});
