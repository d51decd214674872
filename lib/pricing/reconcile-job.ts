import { ArmError, queryDailyCostByTag, readTagInheritance } from "@/lib/azure";
import { db, Prisma } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { kinds } from "@/lib/operations/kinds";
import { TENANT_TAG } from "./tenant-tag";
import { rateUsage } from "./rate";

/**
 * usage.reconcile: Azure Cost Management's actual cost of one onboarded subscription per UTC day and value of the
 * tenant tag, stored as ActualCost (replacing what an earlier read stored for those days), so the usage report can show
 * metered against actual per tenant. Rates pending usage first, so both sides are as fresh.
 */
export const reconcileUsageJob = defineJob({
  kind: kinds.usage.reconcile,
  async run({ azureSubscriptionId, from, to }, op) {
    await op.plan(["Rate usage", "Read tag inheritance", "Read actual cost", "Store actual cost"]);
    await op.step("Rate usage", async () => op.note(`${(await rateUsage()).rated} usage rows rated`));
    const access = await op.azureAccess(azureSubscriptionId);
    // Whether Azure attributes an untagged resource in a tenant's tagged group to the tenant, so the report can say
    // which its actual cost does. Read only; a refusal (no Cost Management reader role) is recorded, not fatal.
    await op.step("Read tag inheritance", async () => {
      let setting: string;
      try {
        setting = await readTagInheritance(access);
      } catch (error) {
        if (!(error instanceof ArmError) || error.retryable) throw error;
        op.note(`Not readable: ${error.code}: ${error.message}`);
        setting = "unknown";
      }
      if (setting !== "unknown") op.note(`Cost Management tag inheritance: ${setting}`);
      await db.azureSubscription.update({
        where: { id: azureSubscriptionId },
        data: { costTagInheritance: setting, costTagInheritanceReadAt: new Date() },
      });
      return setting;
    });
    const costs = await op.step("Read actual cost", async () => {
      const rows = await queryDailyCostByTag(access, { from, to }, TENANT_TAG);
      op.note(`${rows.length} day × tenant rows from Cost Management`);
      return rows;
    });
    await op.step("Store actual cost", async () => {
      await db.$transaction(async (tx) => {
        await tx.actualCost.deleteMany({
          where: { azureSubscriptionId, day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
        });
        // Several rows for one day and tag (another grouping, a second page) add up.
        const sums = new Map<string, { day: string; tagValue: string; amount: Prisma.Decimal; currency: string }>();
        for (const c of costs) {
          const key = `${c.day}|${c.tagValue}`;
          const prev = sums.get(key);
          sums.set(key, { ...c, amount: (prev?.amount ?? new Prisma.Decimal(0)).plus(new Prisma.Decimal(c.amount)) });
        }
        await tx.actualCost.createMany({
          data: [...sums.values()].map((c) => ({
            azureSubscriptionId,
            day: new Date(`${c.day}T00:00:00Z`),
            tagValue: c.tagValue,
            amount: c.amount,
            currency: c.currency,
          })),
        });
      });
    });
  },
});
