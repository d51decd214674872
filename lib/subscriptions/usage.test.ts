import { randomBytes, randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { getProviderDashboard } from "@/lib/dashboard/queries";
import { staffContext, tenant } from "@/test/tenants";
import { listSubscriptions } from "./queries";

const database = setupTestDatabase();

// Every statement the shared client sends, so the test can tell one query per page from one per row.
let statements = 0;
beforeAll(() => {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url(), max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", () => void statements++);
  (globalThis as unknown as { portalDb?: PrismaClient }).portalDb = client;
});

// Twelve discovered regions of 100 vCPUs each, westus raised to 200: summed over every region that is "1,200".
const regions = [
  "eastus",
  "westus",
  "westeurope",
  "northeurope",
  "eastus2",
  "centralus",
  "southcentralus",
  "uksouth",
  "francecentral",
  "japaneast",
  "australiaeast",
  "brazilsouth",
];
const discovery = {
  regions: regions.map((name) => ({ name, displayName: name })),
  sizes: [],
  images: [],
  quota: Object.fromEntries(regions.map((r) => [r, { used: 0, limit: r === "westus" ? 200 : 100 }])),
};

async function subscriptionWithVms(name: string, vms: { region: string; vcpus: number }[]) {
  const sub = await db.azureSubscription.create({
    data: {
      displayName: name,
      cloud: "Custom",
      subscriptionId: randomUUID(),
      directoryId: randomUUID(),
      clientId: randomUUID(),
      clientSecretEnc: "sealed",
      state: "active",
      discovery,
    },
  });
  const plan = await db.plan.create({
    data: {
      name: `${name} plan`,
      azureSubscriptionId: sub.id,
      quotaVms: 20,
      quotaVcpus: 80,
      quotaPublicIps: 5,
      quotaLoadBalancers: 2,
      quotaProtectedVms: 0,
    },
  });
  const t = await tenant();
  const ts = await db.tenantSubscription.create({
    data: {
      tenantId: t.id,
      planId: plan.id,
      name: plan.name,
      resourceGroup: `portal-${t.slug}-${randomBytes(3).toString("hex")}`,
    },
  });
  for (const [i, vm] of vms.entries()) {
    await db.virtualMachine.create({
      data: {
        tenantId: t.id,
        tenantSubscriptionId: ts.id,
        name: `vm-${i}`,
        region: vm.region,
        size: "Standard_D2s_v5",
        vcpus: vm.vcpus,
        memoryMb: 8192,
        osType: "Linux",
        imagePublisher: "Canonical",
        imageOffer: "ubuntu-24_04-lts",
        imageSku: "server",
        imageVersion: "latest",
        adminUsername: "azureops",
        networkName: "default",
        subnetName: "default",
        provisioningState: "Succeeded",
        powerState: "running",
      },
    });
  }
  return sub;
}

describe("the subscriptions list's vCPU usage", () => {
  it("shows each subscription's portal vCPUs against the limits of its VMs' regions, the dashboard's figures, in one query for the page", async () => {
    const admin = await staffContext("admin@usage.test");
    const eastOnly = await subscriptionWithVms("East only", [
      { region: "eastus", vcpus: 4 },
      { region: "eastus", vcpus: 6 },
    ]);
    const west = await subscriptionWithVms("West", [
      { region: "westus", vcpus: 8 },
      { region: "westus", vcpus: 4 },
    ]);
    const idle = await subscriptionWithVms("Idle", []);

    statements = 0;
    const { rows } = await listSubscriptions(admin, { skip: 0, take: 50 });
    const fewRows = statements;
    expect(fewRows).toBeGreaterThan(0);
    const usage = Object.fromEntries(rows.map((r) => [r.id, r.usage]));
    expect(usage[eastOnly.id]).toMatchObject({ vCpusUsed: 10, vCpusLimit: 100, regions: ["eastus"] });
    expect(usage[west.id]).toMatchObject({ vCpusUsed: 12, vCpusLimit: 200, regions: ["westus"] });
    expect(usage[idle.id]).toMatchObject({ vCpusUsed: 0, vCpusLimit: 0, regions: [] });

    const dashboard = await getProviderDashboard(admin);
    for (const q of dashboard.quota)
      expect({ used: usage[q.id].vCpusUsed, limit: usage[q.id].vCpusLimit }, q.name).toEqual({
        used: q.used,
        limit: q.limit,
      });

    // Four more subscriptions with VMs cost no extra statement: usage is one grouped query for the page, not one per row.
    for (let i = 0; i < 4; i++) await subscriptionWithVms(`More ${i}`, [{ region: "westeurope", vcpus: 2 }]);
    statements = 0;
    const more = await listSubscriptions(admin, { skip: 0, take: 50 });
    expect(more.rows).toHaveLength(7);
    expect(statements).toBe(fewRows);
  });
});
