import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID } from "../seed.js";
import { createGroup, rgId } from "./network/test-kit.js";
import { findReferenced } from "./referenced.js";
import { Store } from "../core/store.js";
import type { State } from "../core/state.js";

let emu: TestEmulator;
const RG = "rg-referenced";
beforeAll(async () => {
  emu = await startTestEmulator();
  await createGroup(emu, RG);
});
afterAll(async () => {
  await emu?.close();
});

const register = (body: unknown) =>
  emu.control.call("POST", "resources/referenced", body).then(
    (r) => ({ ok: true as const, r }),
    (e: Error) => ({ ok: false as const, message: e.message }),
  );

describe("resources a served request may reference (POST /_emulator/resources/referenced)", () => {
  it("registers a resource of a type no provider serves; ARM has no route for it", async () => {
    const id = `${rgId(RG)}/providers/Microsoft.Compute/images/golden`;
    const got = await register({
      id,
      location: "West US",
      properties: { storageProfile: { osDisk: { osType: "Linux" } } },
    });
    expect(got.ok).toBe(true);
    const store = new Store((await emu.control.snapshot()) as unknown as State);
    const record = findReferenced(store, id.toUpperCase(), "Microsoft.Compute/images");
    expect(record?.body).toMatchObject({
      name: "golden",
      location: "westus",
      properties: { provisioningState: "Succeeded" },
    });
    expect(findReferenced(store, id, "Microsoft.Compute/snapshots")).toBeUndefined();
    const res = await emu.arm(PROVIDER_APP_ID, "GET", `${id}?api-version=2026-04-01`);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it("refuses a served type, a group that does not exist, an id outside a group and an unknown region", async () => {
    const served = await register({
      id: `${rgId(RG)}/providers/Microsoft.Compute/virtualMachines/vm1`,
      location: "eastus",
    });
    expect(served).toMatchObject({ ok: false, message: expect.stringContaining("create it through ARM") });
    const noGroup = await register({
      id: rgId("rg-missing") + "/providers/Microsoft.Compute/images/x",
      location: "eastus",
    });
    expect(noGroup).toMatchObject({ ok: false, message: expect.stringContaining("does not exist") });
    expect(
      await register({ id: "/subscriptions/x/providers/Microsoft.Compute/images/x", location: "eastus" }),
    ).toMatchObject({
      ok: false,
    });
    const region = await register({ id: `${rgId(RG)}/providers/Microsoft.Compute/images/y`, location: "moon" });
    expect(region).toMatchObject({ ok: false, message: expect.stringContaining("region") });
  });
});
