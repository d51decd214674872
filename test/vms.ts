// Test-only: a tenant with a subscription on a plan whose catalogue comes from the emulator's validated discovery.
import { generateKeyPairSync } from "node:crypto";
import type { TestEmulator } from "@/emulator/testing";
import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { providerPlan, staffContext, tenant } from "@/test/tenants";
import { waitForOperation } from "@/test/worker";
import { subscribeTenantToPlan } from "@/lib/tenancy/subscriptions";
import type { CreateVmInput } from "@/lib/vms/schema";

export const linuxImage = "Canonical:ubuntu-24_04-lts:server:latest";

export async function vmTenant(emu: TestEmulator, quota: { vms?: number; vcpus?: number } = {}) {
  await db.allowedRegion.createMany({
    data: [
      { name: "eastus", displayName: "East US" },
      { name: "westus", displayName: "West US" },
    ],
    skipDuplicates: true,
  });
  const plan = await providerPlan(emu);
  await db.plan.update({
    where: { id: plan.id },
    data: {
      allowedSizes: ["Standard_B2s", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_E2s_v5"],
      allowedImages: [{ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" }],
      quotaVms: quota.vms ?? 10,
      quotaVcpus: quota.vcpus ?? 40,
    },
  });
  const t = await tenant();
  const { user } = await staffContext(`owner-${t.slug}@vms.test`);
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
  return { ctx, tenantSubscriptionId: sub.id, planId: plan.id };
}

let sshKey: string | undefined;
export function testSshKey() {
  if (sshKey) return sshKey;
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  const field = (b: Buffer) =>
    Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (24 - 8 * i)) & 0xff)), b]);
  const mpint = (v: string) => {
    const b = Buffer.from(v, "base64url");
    return b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
  };
  sshKey = `ssh-rsa ${Buffer.concat([field(Buffer.from("ssh-rsa")), field(mpint(jwk.e)), field(mpint(jwk.n))]).toString("base64")} test@portal`;
  return sshKey;
}

export function linuxVm(tenantSubscriptionId: string, name: string, over: Partial<CreateVmInput> = {}): CreateVmInput {
  return {
    tenantSubscriptionId,
    region: "eastus",
    image: linuxImage,
    osType: "Linux",
    size: "Standard_D2s_v5",
    name,
    count: 1,
    adminUsername: "azureops",
    authType: "password",
    adminPassword: "Correct-Horse-42!",
    network: "default",
    publicIp: true,
    dataDiskCount: 0,
    dataDiskSizeGb: 128,
    ...over,
  };
}
