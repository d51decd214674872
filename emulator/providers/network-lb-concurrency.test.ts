import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID } from "../seed.js";
import {
  API,
  createGroup,
  createStandardIp,
  createVnet,
  fast,
  LOCATION,
  netId,
  networkClient,
} from "./network/test-kit.js";

const open: TestEmulator[] = [];
afterAll(async () => {
  for (const emu of open) await emu.close();
});

describe("a load balancer write in progress", () => {
  it("answers a second write with 429 RetryableError / RetryableErrorDueToAnotherOperation", async () => {
    // Real-time clock so the first operation is certainly still running when the second request arrives.
    const emu = await startTestEmulator({ timeScale: 1 });
    open.push(emu);
    await createGroup(emu, "rg-lock");
    const pip = await createStandardIp(networkClient(emu), "rg-lock", "pip-lock");
    const path = `${netId("rg-lock", "loadBalancers", "lb-lock")}?api-version=${API}`;
    const body = {
      location: LOCATION,
      sku: { name: "Standard" },
      properties: { frontendIPConfigurations: [{ name: "fe", properties: { publicIPAddress: { id: pip.id } } }] },
    };
    const first = await emu.arm(PROVIDER_APP_ID, "PUT", path, body);
    expect(first.status).toBe(201);
    expect(first.headers["azure-asyncoperation"]).toContain(
      "/providers/Microsoft.Network/locations/westeurope/operations/",
    );
    expect(first.body.properties.provisioningState).toBe("Updating");
    const second = await emu.arm(PROVIDER_APP_ID, "PUT", path, { ...body, tags: { second: "write" } });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe("RetryableError");
    expect(second.body.error.details[0].code).toBe("RetryableErrorDueToAnotherOperation");
    expect(second.body.error.details[0].message).toContain("Operation PutLoadBalancerOperation");
    expect(Number(second.headers["retry-after"])).toBeGreaterThan(0);
    const read = await emu.arm(PROVIDER_APP_ID, "GET", path);
    expect(read.body.tags).toEqual({});
  });
});

describe("network state across a restart", () => {
  it("keeps resources and allocations after the emulator restarts on the same data dir", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "emu-net-"));
    let second: TestEmulator | undefined;
    try {
      const first = await startTestEmulator({ dataDir });
      await createGroup(first, "rg-persist");
      const client = networkClient(first);
      await createVnet(client, "rg-persist", "vnet-p");
      const subnet = { id: netId("rg-persist", "virtualNetworks", "vnet-p") + "/subnets/default" };
      await client.networkInterfaces.createOrUpdate(
        "rg-persist",
        "nic-p1",
        { location: LOCATION, ipConfigurations: [{ name: "c", subnet }] },
        fast,
      );
      const pip1 = await createStandardIp(client, "rg-persist", "pip-p1");
      await first.close();

      second = await startTestEmulator({ dataDir });
      const again = networkClient(second);
      expect((await again.networkInterfaces.get("rg-persist", "nic-p1")).ipConfigurations?.[0].privateIPAddress).toBe(
        "10.0.0.4",
      );
      const nic2 = await again.networkInterfaces.createOrUpdate(
        "rg-persist",
        "nic-p2",
        { location: LOCATION, ipConfigurations: [{ name: "c", subnet }] },
        fast,
      );
      expect(nic2.ipConfigurations?.[0].privateIPAddress).toBe("10.0.0.5");
      const pip2 = await createStandardIp(again, "rg-persist", "pip-p2");
      expect(pip2.ipAddress).not.toBe(pip1.ipAddress);
    } finally {
      await second?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
