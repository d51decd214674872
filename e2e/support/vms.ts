import { randomBytes } from "node:crypto";
import pg from "pg";
import { e2eStack } from "./stack";

// VM fixtures straight in the database, for checks that need a VM but not Azure (isolation, read-only views).
let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 2 }));
const id = () => `e2e${randomBytes(8).toString("hex")}`;

/** Subscribes a tenant to one of the demo plans ("Provider Shared" is public) as an admin would, without the UI. */
export async function subscribeTenant(tenant: { id: string; slug: string }, planName = "Provider Shared") {
  const plan = await db().query<{ id: string }>(`select id from "Plan" where name = $1`, [planName]);
  if (!plan.rows[0]) throw new Error(`The demo plan ${planName} is missing: did the demo seed run?`);
  const subscriptionId = id();
  await db().query(
    `insert into "TenantSubscription" (id, "tenantId", "planId", name, "resourceGroup", state, "updatedAt") values ($1, $2, $3, $4, $5, 'active', now())`,
    [subscriptionId, tenant.id, plan.rows[0].id, planName, `portal-${tenant.slug}-${randomBytes(3).toString("hex")}`],
  );
  return { id: subscriptionId };
}

/** A VM as a finished vm.create (and, for deallocated, a vm.stop) leaves it. */
export async function createVmRow(opts: {
  tenantId: string;
  tenantSubscriptionId: string;
  name: string;
  osType?: "Windows" | "Linux";
  publicIp?: string;
  region?: string;
  powerState?: "running" | "deallocated";
  sshPublicKey?: string;
}) {
  const vmId = id();
  const isWindows = opts.osType === "Windows";
  // "createdAt" keeps milliseconds: rows made a few ms apart keep the order they were made in (the list's default sort).
  await new Promise((resolve) => setTimeout(resolve, 3));
  await db().query(
    `insert into "VirtualMachine" (id, "tenantId", "tenantSubscriptionId", name, region, size, vcpus, "memoryMb", "osType", "imagePublisher", "imageOffer", "imageSku",
       "imageVersion", "adminUsername", "networkName", "subnetName", "hasPublicIp", "publicIp", "privateIp", "provisioningState", "powerState", "sshPublicKey", "updatedAt")
     values ($1, $2, $3, $4, $11, 'Standard_B2s', 2, 4096, $5, $6, $7, $8, 'latest', 'azureops', 'vnet-eastus', 'default', $9, $10, '10.1.0.4', 'Succeeded', $12, $13, now())`,
    [
      vmId,
      opts.tenantId,
      opts.tenantSubscriptionId,
      opts.name,
      isWindows ? "Windows" : "Linux",
      isWindows ? "MicrosoftWindowsServer" : "Canonical",
      isWindows ? "WindowsServer" : "ubuntu-24_04-lts",
      isWindows ? "2022-datacenter-azure-edition" : "server",
      Boolean(opts.publicIp),
      opts.publicIp ?? null,
      opts.region ?? "eastus",
      opts.powerState ?? "running",
      opts.sshPublicKey ?? null,
    ],
  );
  return { id: vmId };
}

/** Suspends a tenant as the admin's Suspend button does (the admin flow has its own spec). */
export async function suspendTenant(tenant: { id: string }) {
  await db().query(`update "Tenant" set state = 'suspended', "updatedAt" = now() where id = $1`, [tenant.id]);
}
