// Test-only: the provider's subscription (for the vault) and DR tenants each on their own CSP subscription, as in the guide.
import { SEED } from "@/emulator/seed";
import type { TestEmulator } from "@/emulator/testing";
import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { staffContext, tenant } from "@/test/tenants";
import { waitForOperation } from "@/test/worker";
import { onboardFromEmulator, withSetupPages } from "@/test/onboard";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import { assignCloud, registerVault } from "@/lib/dr/admin-service";
import { enableProtection } from "@/lib/dr/protection-service";
import { setupTenant } from "@/lib/dr/setup-service";

export async function onboarded(emu: TestEmulator, appId: string, subscriptionId: string) {
  const { id, op } = await withSetupPages(emu, async () => {
    const { id, operationId } = await onboardFromEmulator(emu, {
      appId,
      subscriptionId,
      displayName: `Emulator ${subscriptionId.slice(0, 8)}`,
    });
    return { id, op: await waitForOperation(operationId) };
  });
  if (op.state !== "succeeded") throw new Error(`validation ${op.state}: ${op.errorMessage}`);
  return id;
}

/** A tenant subscribed to a DR plan whose Azure subscription is the tenant's own CSP subscription. */
export async function drTenant(emu: TestEmulator, appId: string, subscriptionId: string, slug: string) {
  const azureSubscriptionId = await onboarded(emu, appId, subscriptionId);
  const plan = await db.plan.create({
    data: {
      name: `DR ${slug}`,
      state: "public",
      azureSubscriptionId,
      quotaVms: 5,
      quotaVcpus: 20,
      quotaPublicIps: 2,
      quotaLoadBalancers: 1,
      quotaProtectedVms: 5,
      offersDr: true,
    },
  });
  const t = await tenant(slug);
  const { user } = await staffContext(`owner@${slug}.test`);
  const sub = await subscribeTenantToPlan(user, { tenantId: t.id, planId: plan.id, selfService: false });
  await waitForOperation(sub.operationId);
  const ctx: TenantContext = {
    user,
    tenantId: t.id,
    tenantSlug: t.slug,
    tenantName: t.name,
    tenantState: "active",
    role: "owner",
  };
  return { ctx, tenantSubscriptionId: sub.id, azureSubscriptionId };
}

/**
 * AcmeCorp with DR set up as in the guide (the provider's vault, AcmeCorp Cloud and YellowNetwork) and VM01 protected,
 * its initial replication followed to the end: for tests about what happens to a protected VM afterwards.
 */
export async function protectedVm01(emu: TestEmulator) {
  const succeeded = async (operationId: string) => {
    const op = await waitForOperation(operationId);
    if (op.state !== "succeeded") throw new Error(`${op.kind} ${op.state}: ${op.errorMessage}`);
  };
  const admin = await staffContext();
  const acme = await drTenant(emu, SEED.apps.acme, SEED.subscriptions.acme, "acmecorp");
  const provider = await onboarded(emu, SEED.apps.provider, SEED.subscriptions.provider);
  await succeeded(
    (
      await registerVault(admin, {
        azureSubscriptionId: provider,
        resourceGroup: "WAPRecoveryGroup",
        name: "WAPRecoveryVault",
        region: "westus",
      })
    ).operationId,
  );
  const fabric = await db.fabric.findFirstOrThrow({ include: { containers: true, networks: true } });
  const cloud = fabric.containers.find((c) => c.friendlyName === "AcmeCorp Cloud")!;
  const yellow = fabric.networks.find((n) => n.friendlyName === "YellowNetwork")!;
  await assignCloud(admin, {
    containerId: cloud.id,
    tenantSubscriptionId: acme.tenantSubscriptionId,
    vmNetworkIds: [yellow.id],
  });
  const setup = await setupTenant(admin, {
    containerId: cloud.id,
    tenantSubscriptionId: acme.tenantSubscriptionId,
    resourceGroup: "AcmeCorpRecoveryGroup",
    storageAccount: "drstorageacct1",
    vnetName: "AcmeCorp-DR-VNet",
    addressSpace: "10.20.0.0/16",
    subnetName: "default",
    subnetPrefix: "10.20.1.0/24",
    policyName: "AcmeCorp-Policy",
    copyFrequencySeconds: 900,
    recoveryPointHours: 1,
    appConsistentHours: 1,
    initialReplicationStart: null,
    vmNetworkId: yellow.id,
  });
  await succeeded(setup.operationId);
  const vm01 = (cloud.vms as { armName: string; name: string }[]).find((v) => v.name === "VM01")!;
  const [item] = await enableProtection(acme.ctx, { vms: [{ armName: vm01.armName }] });
  await succeeded(item.operationId);
  const follow = await db.operation.findFirst({ where: { kind: "dr.followReplication", targetId: item.id } });
  if (follow) await succeeded(follow.id);
  return { acme, itemId: item.id, armName: vm01.armName, setupId: setup.setupId };
}
