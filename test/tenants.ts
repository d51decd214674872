// Test-only: a provider admin, a validated emulator subscription with a plan, and a tenant subscribed to it.
import { randomBytes } from "node:crypto";
import type { TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { db } from "@/lib/db/client";
import { onboardFromEmulator, withSetupPages } from "@/test/onboard";
import { waitForOperation } from "./worker";

export async function staffContext(email = "admin@jobs.test") {
  const user = await db.user.upsert({
    where: { email },
    create: { email, name: "Admin", passwordHash: "x", staffRole: "admin" },
    update: {},
  });
  return {
    user: { id: user.id, email: user.email, name: user.name, staffRole: user.staffRole },
    staffRole: "admin" as const,
  };
}

/** Onboards the emulator's provider subscription (validated) and puts a plan on it. */
export async function providerPlan(emu: TestEmulator) {
  const { id, validation } = await withSetupPages(emu, async () => {
    const { id, operationId } = await onboardFromEmulator(emu, {
      appId: SEED.apps.provider,
      subscriptionId: SEED.subscriptions.provider,
    });
    return { id, validation: await waitForOperation(operationId) };
  });
  if (validation.state !== "succeeded") throw new Error(`validation ${validation.state}: ${validation.errorMessage}`);
  return db.plan.create({
    data: {
      name: `Plan ${randomBytes(3).toString("hex")}`,
      state: "public",
      azureSubscriptionId: id,
      quotaVms: 10,
      quotaVcpus: 40,
      quotaPublicIps: 5,
      quotaLoadBalancers: 2,
      quotaProtectedVms: 5,
    },
  });
}

export async function tenant(slug = `t-${randomBytes(3).toString("hex")}`) {
  return db.tenant.create({ data: { slug, name: slug.toUpperCase() } });
}
