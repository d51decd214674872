import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "../core/clock.js";
import { Store } from "../core/store.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { attachLedger } from "./billing/ledger.js";
import { runCostQuery, type CostFilter } from "./billing/cost-query.js";
import { setTagInheritance } from "./billing/tag-inheritance.js";

const SUB = "99999999-0000-4000-8000-000000000001";
const RG = `/subscriptions/${SUB}/resourceGroups/rg-t1`;
const at = (iso: string) => Date.parse(iso);

describe("billing ledger and cost query (scripted timeline)", () => {
  const store = new Store();
  const clock = new Clock();
  attachLedger({ store, clock });
  const step = (iso: string, fn: () => void) => {
    clock.eventTimeMs = at(iso);
    fn();
    clock.eventTimeMs = undefined;
  };
  const vmId = `${RG}/providers/Microsoft.Compute/virtualMachines/web-01`;
  const vm = (power: string) => {
    const body = {
      location: "eastus",
      tags: { "portal-tenant": "t1" },
      properties: { hardwareProfile: { vmSize: "Standard_B2s" } },
    };
    store.putResource(vmId, body, { powerState: power });
  };
  const rules = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `r${i}` }));

  beforeAll(() => {
    step("2026-12-01T10:00:00Z", () => vm("running"));
    step("2026-12-01T12:00:00Z", () => vm("stopped")); // stopped, still allocated: still billed
    step("2026-12-01T14:00:00Z", () => vm("deallocated"));
    step("2026-12-02T23:00:00Z", () => vm("running"));
    step("2026-12-03T01:00:00Z", () => store.deleteTree(vmId));
    step("2026-12-01T00:00:00Z", () =>
      store.putResource(`${RG}/providers/Microsoft.Compute/disks/web-01-os`, {
        location: "eastus",
        tags: { "portal-tenant": "t1" },
        sku: { name: "Premium_LRS" },
        properties: { diskSizeGB: 128 },
      }),
    );
    step("2026-12-02T00:00:00Z", () =>
      store.putResource(`/subscriptions/${SUB}/resourceGroups/rg-t2/providers/Microsoft.Network/loadBalancers/lb`, {
        location: "eastus",
        tags: { "portal-tenant": "t2" },
        sku: { name: "Standard" },
        properties: { loadBalancingRules: rules(7) },
      }),
    );
  });

  const query = (grouping = [{ type: "TagKey" as const, name: "portal-tenant" }], filter?: CostFilter) =>
    runCostQuery(store, {
      filter,
      scope: { subscriptionIds: [SUB] },
      fromMs: at("2026-12-01T00:00:00Z"),
      toMs: at("2026-12-04T00:00:00Z"),
      daily: true,
      costColumn: "Cost",
      grouping,
      currency: "USD",
      nowMs: at("2026-12-03T12:00:00Z"),
    });

  it("bills a VM while allocated, disks while they exist, a load balancer by its rules, per UTC day and tag", () => {
    const cents = (rows: unknown[][]) => rows.map((r) => [Math.round((r[0] as number) * 1e6) / 1e6, ...r.slice(1)]);
    const disk = 19.71 / 31 / 24;
    expect(cents(query())).toEqual(
      cents([
        [4 * 0.0416 + 24 * disk, 20261201, "portal-tenant", "t1", "USD"],
        [1 * 0.0416 + 24 * disk, 20261202, "portal-tenant", "t1", "USD"],
        [24 * (0.025 + 2 * 0.01), 20261202, "portal-tenant", "t2", "USD"],
        [1 * 0.0416 + 12 * disk, 20261203, "portal-tenant", "t1", "USD"],
        [12 * (0.025 + 2 * 0.01), 20261203, "portal-tenant", "t2", "USD"],
      ]),
    );
  });

  it("groups by a dimension too", () => {
    const byGroup = query([{ type: "Dimension", name: "ResourceGroupName" } as never]);
    expect(new Set(byGroup.map((r) => r[2]))).toEqual(new Set(["rg-t1", "rg-t2"]));
    const byType = query([{ type: "Dimension", name: "ResourceType" } as never]);
    expect(new Set(byType.map((r) => r[2]))).toEqual(
      new Set(["microsoft.compute/virtualmachines", "microsoft.compute/disks", "microsoft.network/loadbalancers"]),
    );
  });

  it("filters by and / or of dimension and tag comparisons, locations by display name too", () => {
    const groups = (f: CostFilter) =>
      new Set(query([{ type: "Dimension", name: "ResourceType" } as never], f).map((r) => r[2]));
    expect(groups({ tags: { name: "Portal-Tenant", operator: "In", values: ["T2"] } })).toEqual(
      new Set(["microsoft.network/loadbalancers"]),
    );
    expect(
      groups({
        and: [
          { dimensions: { name: "ResourceLocation", operator: "In", values: ["East US", "West Europe"] } },
          {
            or: [
              { dimensions: { name: "ResourceType", operator: "In", values: ["Microsoft.Compute/disks"] } },
              { tags: { name: "portal-tenant", operator: "In", values: ["t2"] } },
            ],
          },
        ],
      }),
    ).toEqual(new Set(["microsoft.compute/disks", "microsoft.network/loadbalancers"]));
    expect(query(undefined, { dimensions: { name: "ResourceGroup", operator: "In", values: ["API"] } })).toEqual([]);
  });
});

describe("tag inheritance in the cost query (resource group tags on usage records)", () => {
  const store = new Store();
  const clock = new Clock();
  attachLedger({ store, clock });
  const group = `/subscriptions/${SUB}/resourceGroups/rg-t3`;
  const disk = (name: string, tags: Record<string, string>) =>
    store.putResource(`${group}/providers/Microsoft.Compute/disks/${name}`, {
      location: "eastus",
      tags,
      sku: { name: "Premium_LRS" },
      properties: { diskSizeGB: 128 },
    });
  beforeAll(() => {
    clock.eventTimeMs = at("2026-12-01T00:00:00Z");
    store.putResource(group, { location: "eastus", tags: { "Portal-Tenant": "t3" } });
    disk("untagged", {});
    disk("own", { "portal-tenant": "own" });
    clock.eventTimeMs = undefined;
  });
  // One whole December day of a P10 disk (19.71 a month).
  const day = 19.71 / 31;
  const december = () =>
    runCostQuery(store, {
      scope: { subscriptionIds: [SUB] },
      fromMs: at("2026-12-01T00:00:00Z"),
      toMs: at("2026-12-02T00:00:00Z"),
      daily: false,
      costColumn: "Cost",
      grouping: [{ type: "TagKey", name: "portal-tenant" }],
      currency: "USD",
      nowMs: at("2026-12-02T00:00:00Z"),
    }).map((r) => [Math.round((r[0] as number) * 1e6) / 1e6, ...r.slice(1)]);
  const round = (n: number) => Math.round(n * 1e6) / 1e6;

  it("is off by default: an untagged resource in a tenant's group has no tenant", () => {
    expect(december()).toEqual([
      [round(day), "", "", "USD"],
      [round(day), "portal-tenant", "own", "USD"],
    ]);
  });

  it("on, gives the group's tenant to the untagged resource and keeps the resource's own tag", () => {
    setTagInheritance(store, SUB, false, at("2026-12-01T12:00:00Z"));
    expect(december()).toEqual([
      [round(day), "portal-tenant", "own", "USD"],
      [round(day), "portal-tenant", "t3", "USD"],
    ]);
  });

  it("with preferContainerTags, applies the group's value over the resource's own", () => {
    setTagInheritance(store, SUB, true, at("2026-12-20T00:00:00Z"));
    expect(december()).toEqual([[round(2 * day), "portal-tenant", "t3", "USD"]]);
  });

  it("applies from the month it was turned on: December is untouched by January's setting", () => {
    setTagInheritance(store, SUB, null, 0);
    setTagInheritance(store, SUB, true, at("2027-01-05T00:00:00Z"));
    expect(december()).toEqual([
      [round(day), "", "", "USD"],
      [round(day), "portal-tenant", "own", "USD"],
    ]);
    setTagInheritance(store, SUB, undefined, 0);
  });
});

describe("Retail Prices and Cost Management endpoints", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ seed: "demo" });
  });
  afterAll(async () => {
    await emu?.close();
  });

  const getPublic = (path: string) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const req = request(emu.emulator.url + path, { ca: emu.emulator.caPem }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on("error", reject);
      req.end();
    });

  it("serves the price subset without a token, filtered, paged and in another currency", async () => {
    const filter = encodeURIComponent(
      "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus' and armSkuName eq 'Standard_B2s'",
    );
    const one = await getPublic(`/api/retail/prices?api-version=2023-01-01-preview&$filter=${filter}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      BillingCurrency: "USD",
      CustomerEntityType: "Retail",
      Count: 1,
      NextPageLink: null,
    });
    expect((one.body.Items as object[])[0]).toMatchObject({
      retailPrice: 0.0416,
      unitOfMeasure: "1 Hour",
      type: "Consumption",
      skuName: "B2s",
    });

    const first = await getPublic(`/api/retail/prices?api-version=2023-01-01-preview&currencyCode='EUR'`);
    expect(first.body).toMatchObject({ BillingCurrency: "EUR", Count: 100 });
    const next = new URL(String(first.body.NextPageLink));
    const second = await getPublic(next.pathname + next.search);
    expect((second.body.Items as { currencyCode: string }[]).every((i) => i.currencyCode === "EUR")).toBe(true);
    expect(second.body.NextPageLink).toBeNull();

    const wrong = await getPublic(`/api/retail/prices?$filter=${encodeURIComponent("serviceName ne 'x'")}`);
    expect(wrong.status).toBe(400);
  });

  it("answers a daily ActualCost query grouped by tag, and refuses an inverted period", async () => {
    const path = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/providers/Microsoft.CostManagement/query?api-version=2025-03-01`;
    const body = (from: string, to: string) => ({
      type: "ActualCost",
      timeframe: "Custom",
      timePeriod: { from, to },
      dataset: {
        granularity: "Daily",
        aggregation: { totalCost: { name: "Cost", function: "Sum" } },
        grouping: [{ type: "TagKey", name: "portal-tenant" }],
      },
    });
    const today = new Date().toISOString().slice(0, 10);
    const res = await emu.arm(PROVIDER_APP_ID, "POST", path, body(`${today}T00:00:00Z`, `${today}T23:59:59Z`));
    expect(res.status).toBe(200);
    expect(res.body.properties.columns.map((c: { name: string }) => c.name)).toEqual([
      "Cost",
      "UsageDate",
      "TagKey",
      "TagValue",
      "Currency",
    ]);
    const inverted = await emu.arm(PROVIDER_APP_ID, "POST", path, body("2026-12-05", "2026-12-01"));
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.message).toContain("from must not be after");
  });

  it("reads and writes the tag inheritance setting at subscription scope, off until written", async () => {
    const scope = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/providers/Microsoft.CostManagement/settings`;
    const url = `${scope}/taginheritance?api-version=2024-08-01`;
    const setting = (properties: object) => ({
      id: `${scope}/taginheritance`,
      name: "taginheritance",
      type: "Microsoft.CostManagement/Settings",
      kind: "taginheritance",
      properties,
    });
    expect((await emu.arm(PROVIDER_APP_ID, "GET", url)).status).toBe(404);
    const on = await emu.arm(PROVIDER_APP_ID, "PUT", url, {
      kind: "taginheritance",
      properties: { preferContainerTags: false },
    });
    expect(on.status).toBe(200);
    expect((await emu.arm(PROVIDER_APP_ID, "GET", url)).body).toEqual(setting({ preferContainerTags: false }));
    expect((await emu.arm(PROVIDER_APP_ID, "GET", `${scope}?api-version=2024-08-01`)).body).toEqual({
      value: [setting({ preferContainerTags: false })],
    });
    await emu.arm(PROVIDER_APP_ID, "PUT", url, { kind: "taginheritance", properties: {} });
    expect((await emu.arm(PROVIDER_APP_ID, "GET", url)).body).toEqual(setting({}));
    expect((await emu.arm(PROVIDER_APP_ID, "PUT", url, { kind: "other", properties: {} })).status).toBe(400);
    expect((await emu.arm(PROVIDER_APP_ID, "DELETE", url)).status).toBe(200);
    expect((await emu.arm(PROVIDER_APP_ID, "GET", url)).status).toBe(404);
  });
});
