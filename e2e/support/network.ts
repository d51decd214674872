import { randomBytes } from "node:crypto";
import pg from "pg";
import { e2eStack } from "./stack";

// Load balancer fixtures straight in the database, for checks that need one but not Azure (isolation, audit).
let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 2 }));

/** A load balancer as a finished lb.create leaves it: one frontend, pool, probe and rule. */
export async function createLoadBalancerRow(opts: { tenantId: string; tenantSubscriptionId: string; name: string }) {
  const lbId = `e2e${randomBytes(8).toString("hex")}`;
  const json = (v: unknown) => JSON.stringify(v);
  await db().query(
    `insert into "LoadBalancer" (id, "tenantId", "tenantSubscriptionId", name, "resourceGroup", region, "azureResourceId", frontends, "backendPools", probes, rules, "provisioningState", "updatedAt")
     values ($1, $2, $3, $4, 'e2e-rg', 'eastus', $5, $6, $7, $8, $9, 'Succeeded', now())`,
    [
      lbId,
      opts.tenantId,
      opts.tenantSubscriptionId,
      opts.name,
      `/subscriptions/e2e/resourceGroups/e2e-rg/providers/Microsoft.Network/loadBalancers/${opts.name}`,
      json([{ name: `${opts.name}-fe` }]),
      json([{ name: `${opts.name}-be`, memberNicIpConfigIds: [] }]),
      json([{ name: "Probe1", protocol: "Tcp", port: 80, intervalSeconds: 5, probeCount: 2 }]),
      json([
        {
          name: "Rule1",
          protocol: "Tcp",
          frontendName: `${opts.name}-fe`,
          frontendPort: 80,
          backendPort: 80,
          backendPoolName: `${opts.name}-be`,
          probeName: "Probe1",
          floatingIp: false,
          idleTimeoutMinutes: 4,
          tcpReset: false,
        },
      ]),
    ],
  );
  return { id: lbId };
}
