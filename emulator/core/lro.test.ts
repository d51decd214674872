import { describe, expect, it } from "vitest";
import { Clock } from "./clock.js";
import { LroEngine } from "./lro.js";
import { Store } from "./store.js";

const ID = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Test/widgets/w1";

function setup() {
  const store = new Store();
  const lro = new LroEngine(store, new Clock(0), () => null);
  store.putResource(ID, { name: "w1", type: "Microsoft.Test/widgets", location: "eastus", properties: {} });
  return { store, lro };
}

const stateOf = (store: Store) =>
  (store.getResource(ID)?.body.properties as { provisioningState?: string }).provisioningState;

describe("LRO engine", () => {
  it("runs named effects when an operation succeeds", () => {
    const { store, lro } = setup();
    lro.registerEffect("test.assignIp", ({ store: s, op }, args) => {
      const r = s.getResource(op.resourceId)!;
      r.body.properties = { ...(r.body.properties as object), ip: args.ip };
    });
    const op = lro.begin({
      resourceId: ID,
      kind: "create",
      durationSeconds: 60,
      apiVersion: "v1",
      effects: [{ name: "test.assignIp", args: { ip: "10.0.0.4" } }],
    });
    expect(lro.statusBody(op)).toMatchObject({ status: "Succeeded", name: op.id });
    expect(store.getResource(ID)?.body.properties).toMatchObject({ provisioningState: "Succeeded", ip: "10.0.0.4" });
  });

  it("ends Failed with the error and marks the resource Failed", () => {
    const { store, lro } = setup();
    const op = lro.begin({
      resourceId: ID,
      kind: "create",
      durationSeconds: 60,
      apiVersion: "v1",
      failure: { code: "AllocationFailed", message: "No capacity." },
    });
    expect(lro.statusBody(op)).toMatchObject({ status: "Failed", error: { code: "AllocationFailed" } });
    expect(stateOf(store)).toBe("Failed");
    expect(() => lro.locationReply(op)).toThrow("No capacity.");
  });

  it("keeps an operation InProgress until its scaled time has passed", () => {
    const store = new Store();
    const lro = new LroEngine(store, new Clock(1), () => 5);
    store.putResource(ID, { name: "w1", type: "Microsoft.Test/widgets", properties: {} });
    const op = lro.begin({ resourceId: ID, kind: "delete", durationSeconds: 3600, apiVersion: "v1" });
    expect(stateOf(store)).toBe("Deleting");
    expect(lro.locationReply(op)).toMatchObject({ status: 202, headers: { "Retry-After": "5" } });
    expect(lro.activeFor(ID.toUpperCase())?.id).toBe(op.id);
  });
});
