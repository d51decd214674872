import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverProviders } from "../server.js";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { vaultIdFor } from "../providers/site-recovery/seed.js";
import { apiVersionIndex, apiVersionsFor, latestApiVersion, type ApiFamily } from "./api-versions.js";

const SUB = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}`;
const families = Object.keys(apiVersionIndex.families) as ApiFamily[];

describe("the vendored api-version index", () => {
  it("lists only stable, dated versions per family, each family with its spec folder", () => {
    for (const family of families) {
      const entry = apiVersionIndex.families[family];
      expect(entry.specFolder).toMatch(/^specification\/.+\/stable$/);
      expect(entry.apiVersions.length).toBeGreaterThan(0);
      for (const v of entry.apiVersions) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("is where every versioned route takes its api-versions from", async () => {
    const known = new Set(families.map((f) => apiVersionsFor(f).join(",")));
    for (const plugin of await discoverProviders()) {
      for (const route of plugin.routes) {
        if (route.apiVersions === "any") continue;
        expect(known.has([...route.apiVersions].join(",")), `${route.method} ${route.path}`).toBe(true);
      }
    }
  });
});

describe("routes accept every published stable api-version", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu?.close();
  });

  const get = (path: string, version: string) => emu.arm(PROVIDER_APP_ID, "GET", `${path}?api-version=${version}`);

  const cases: [ApiFamily, string][] = [
    ["network", `${SUB}/providers/Microsoft.Network/virtualNetworks`],
    ["storage", `${SUB}/providers/Microsoft.Storage/storageAccounts`],
    ["compute", `${SUB}/providers/Microsoft.Compute/locations/eastus/vmSizes`],
    ["resourceSkus", `${SUB}/providers/Microsoft.Compute/skus`],
    ["disks", `${SUB}/providers/Microsoft.Compute/disks`],
    ["resources", `${SUB}/resourcegroups`],
    ["subscriptions", `${SUB}/locations`],
    ["recoveryServicesVaults", vaultIdFor(PROVIDER_SUBSCRIPTION_ID)],
    ["siteRecovery", `${vaultIdFor(PROVIDER_SUBSCRIPTION_ID)}/replicationPolicies`],
  ];

  it.each(cases)("%s: the oldest and the newest stable versions answer 200", async (family, path) => {
    const versions = apiVersionsFor(family);
    for (const v of [versions[0], latestApiVersion(family)]) {
      const res = await get(path, v);
      expect(res.status, `${family} at ${v}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it("accepts the versions issue 17 found refused", async () => {
    expect((await get(`${SUB}/providers/Microsoft.Network/loadBalancers`, "2026-03-01")).status).toBe(200);
    expect((await get(`${SUB}/providers/Microsoft.Network/loadBalancers`, "2025-07-01")).status).toBe(200);
    expect((await get(`${SUB}/providers/Microsoft.Storage/storageAccounts`, "2026-06-01")).status).toBe(200);
    expect((await get(vaultIdFor(PROVIDER_SUBSCRIPTION_ID), "2026-08-01")).status).toBe(200);
    const policies = `${vaultIdFor(PROVIDER_SUBSCRIPTION_ID)}/replicationPolicies`;
    expect((await get(policies, "2026-05-01")).status).toBe(200);
    expect((await get(`${SUB}/providers/Microsoft.Compute/skus`, "2017-09-01")).status).toBe(200);
  });

  it("still refuses a version that was never published, naming the published ones", async () => {
    const res = await get(`${SUB}/providers/Microsoft.Network/loadBalancers`, "2026-02-30");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("InvalidApiVersionParameter");
    expect(res.body.error.message).toContain("2026-03-01");
    expect(res.body.error.message).not.toMatch(/undefined|null|\[object Object\]/);
  });
});
