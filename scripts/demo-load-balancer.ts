import type { TenantContext } from "@/lib/auth/context";
import { createVms } from "@/lib/vms/create-vms";
import { createLoadBalancerSchema } from "@/lib/network/schema";
import { createLoadBalancer } from "@/lib/network/service";

type Log = (message: string) => void;

/**
 * The demo's multi-VIP starting point, built through the services a user runs: two web VMs ("web-01", "web-02") and
 * load balancer "MultiVIPLB" in resource group "MultiVIPLBRG" with frontend "MultiVIPLB-FE1" on public IP "PublicVIP1",
 * pool "MultiVIPLB-BE" of both VMs, probe "Probe1" (HTTP 80 "/") and rule "Rule1" (TCP 80 → 80). It only enqueues:
 * the worker creates the VMs, and lb.create waits for them before adding their NICs to the pool. The guide's second
 * VIP (PublicVIP2 / MultiVIPLB-FE2 / Probe2 / Rule2 TCP 80 → 81) can then be added from the load balancer's page.
 */
export async function seedDemoLoadBalancer(
  ctx: TenantContext,
  opts: { tenantSubscriptionId: string; region?: string; image?: string; size?: string; log?: Log },
) {
  const log = opts.log ?? (() => {});
  const region = opts.region ?? "westeurope";
  try {
    const vms = await createVms(ctx, {
      tenantSubscriptionId: opts.tenantSubscriptionId,
      name: "web",
      count: 2,
      region,
      size: opts.size ?? "Standard_B2s",
      image: opts.image ?? "Canonical:ubuntu-24_04-lts:server:latest",
      osType: "Linux",
      adminUsername: "azureops",
      authType: "password",
      adminPassword: "Demo-Web-Passw0rd!",
      network: "default",
      publicIp: false,
      dataDiskCount: 0,
      dataDiskSizeGb: 128,
    });
    const input = createLoadBalancerSchema.parse({
      tenantSubscriptionId: opts.tenantSubscriptionId,
      name: "MultiVIPLB",
      region,
      sku: "Standard",
      frontendName: "MultiVIPLB-FE1",
      publicIpName: "PublicVIP1",
      backendPool: "MultiVIPLB-BE",
      memberVmIds: vms.map((v) => v.id),
      probeName: "Probe1",
      probeProtocol: "Http",
      probePort: 80,
      probePath: "/",
      probeInterval: 5,
      probeCount: 2,
      ruleName: "Rule1",
      ruleProtocol: "Tcp",
      frontendPort: 80,
      backendPort: 80,
    });
    const lb = await createLoadBalancer(ctx, input, { resourceGroup: "MultiVIPLBRG" });
    log(
      `demo load balancer MultiVIPLB (MultiVIPLBRG, ${region}) with web-01 and web-02 is being created by the worker`,
    );
    return lb;
  } catch (error) {
    const fields = (error as { fieldErrors?: unknown }).fieldErrors;
    log(
      `demo load balancer not created: ${error instanceof Error ? error.message : String(error)}${fields ? ` ${JSON.stringify(fields)}` : ""}`,
    );
    return null;
  }
}
