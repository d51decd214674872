import {
  deleteResourceGroup,
  ensureResourceGroup,
  isNotFound,
  PORTAL_EXTRA_TAG,
  portalTags,
  type LroProgress,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { kinds } from "@/lib/operations/kinds";

async function loadTenantSubscription(id: string) {
  return db.tenantSubscription.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      resourceGroup: true,
      location: true,
      planId: true,
      tenant: { select: { id: true, slug: true } },
      plan: { select: { azureSubscriptionId: true } },
    },
  });
}

/** A tenant subscription's home: one resource group in the plan's Azure subscription, tagged with who owns it. */
export const provisionTenantSubscriptionJob = defineJob({
  kind: kinds.tenantSubscription.provision,
  async run({ tenantSubscriptionId }, op) {
    await op.plan(["Ensure resource group"]);
    const ts = await loadTenantSubscription(tenantSubscriptionId);
    const access = await op.azureAccess(ts.plan.azureSubscriptionId);
    await op.step("Ensure resource group", async () => {
      const tags = portalTags({
        tenant: ts.tenant,
        plan: ts.planId,
        operationId: op.operationId,
        extra: { [PORTAL_EXTRA_TAG.tenantSubscription]: ts.id },
      });
      const rg = await ensureResourceGroup(access, ts.resourceGroup, ts.location, tags);
      op.note(`Resource group ${rg.name} in ${rg.location}`);
      return { name: rg.name };
    });
  },
});

/** Cancelling deletes the resource group and with it everything the tenant had in this subscription. */
export const deprovisionTenantSubscriptionJob = defineJob({
  kind: kinds.tenantSubscription.deprovision,
  async run({ tenantSubscriptionId }, op) {
    await op.plan(["Delete resource group", "Close the subscription"]);
    const ts = await loadTenantSubscription(tenantSubscriptionId);
    const access = await op.azureAccess(ts.plan.azureSubscriptionId);
    // Already gone (deleted outside the portal, or a retry after Azure finished) counts as done.
    await op.arm(access).lro("Delete resource group", async (): Promise<LroProgress<null>> => {
      try {
        return await deleteResourceGroup(access, ts.resourceGroup);
      } catch (error) {
        if (isNotFound(error)) return { done: true, result: null };
        throw error;
      }
    });
    await op.step("Close the subscription", async () => {
      await db.tenantSubscription.update({ where: { id: ts.id }, data: { state: "cancelled" } });
    });
  },
  async onFailed({ tenantSubscriptionId }) {
    await db.tenantSubscription.updateMany({
      where: { id: tenantSubscriptionId, state: "cancelling" },
      data: { state: "active" },
    });
  },
});
