// Test-only: a tenant with two running web VMs, ready for load balancers (the guide's MultiVIPLB setup).
import type { TestEmulator } from "@/emulator/testing";
import { db } from "@/lib/db/client";
import { waitForOperation } from "@/test/worker";
import { createVms } from "@/lib/vms/create-vms";
import { linuxVm, vmTenant } from "@/test/vms";
import {
  addFrontendSchema,
  createLoadBalancerSchema,
  type AddFrontendInput,
  type CreateLoadBalancerInput,
} from "@/lib/network/schema";

export async function lbTenant(emu: TestEmulator, quota: { publicIps?: number; loadBalancers?: number } = {}) {
  const t = await vmTenant(emu);
  await db.plan.update({
    where: { id: t.planId },
    data: { quotaPublicIps: quota.publicIps ?? 10, quotaLoadBalancers: quota.loadBalancers ?? 3 },
  });
  const vms = await createVms(t.ctx, linuxVm(t.tenantSubscriptionId, "web", { count: 2, publicIp: false }));
  for (const vm of vms) expect((await waitForOperation(vm.operationId)).state, `create ${vm.name}`);
  return { ...t, vmIds: vms.map((v) => v.id) };
}

function expect(state: string, what: string) {
  if (state !== "succeeded") throw new Error(`${what}: ${state}`);
}

/** The guide's first frontend: MultiVIPLB with PublicVIP1, pool MultiVIPLB-BE, Probe1 (HTTP 80 /) and Rule1 (TCP 80 → 80). */
export function multiVipLb(
  tenantSubscriptionId: string,
  memberVmIds: string[],
  over: Partial<Record<keyof CreateLoadBalancerInput, unknown>> = {},
): CreateLoadBalancerInput {
  return createLoadBalancerSchema.parse({
    tenantSubscriptionId,
    name: "MultiVIPLB",
    region: "eastus",
    sku: "Standard",
    frontendName: "MultiVIPLB-FE1",
    publicIpName: "PublicVIP1",
    backendPool: "MultiVIPLB-BE",
    memberVmIds,
    probeName: "Probe1",
    probeProtocol: "Http",
    probePort: "80",
    probePath: "/",
    probeInterval: "5",
    probeCount: "2",
    ruleName: "Rule1",
    ruleProtocol: "Tcp",
    frontendPort: "80",
    backendPort: "80",
    ...over,
  });
}

/** The guide's second VIP, exactly as written: PublicVIP2 on MultiVIPLB-FE2, Probe2 (HTTP 81 /), Rule2 (TCP 80 → 81). */
export function secondVip(loadBalancerId: string, over: Record<string, unknown> = {}): AddFrontendInput {
  return addFrontendSchema.parse({
    loadBalancerId,
    publicIpMode: "new",
    publicIpName: "PublicVIP2",
    publicIpSku: "Standard",
    publicIpAllocation: "Static",
    frontendName: "MultiVIPLB-FE2",
    probeChoice: "new",
    probeName: "Probe2",
    probeProtocol: "Http",
    probePort: "81",
    probePath: "/",
    probeInterval: "5",
    probeCount: "2",
    ruleName: "Rule2",
    ruleProtocol: "Tcp",
    frontendPort: "80",
    backendPort: "81",
    backendPool: "MultiVIPLB-BE",
    idleTimeout: "4",
    ...over,
  });
}
