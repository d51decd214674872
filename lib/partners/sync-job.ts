import { partnerCenter } from "@/lib/azure";
import { db, Prisma } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define-job";
import { kinds } from "@/lib/operations/kinds";
import { loadPartnerAccess } from "./access";

const steps = ["List customers in Partner Center", "Read each customer's Azure plan", "Save the customers"];

/**
 * Lists the partner's customers and their Azure plans into PartnerCustomer, so the customer picker reads PostgreSQL.
 * It is also the connection's validation: the first step needs a token for Partner Center's audience (a wrong secret
 * fails there with Entra's AADSTS code) and an app Partner Center lets list customers.
 */
export const syncPartnerJob = defineJob({
  kind: kinds.partner.sync,
  async run({ connectionId }, op) {
    await op.plan(steps);
    const pc = partnerCenter(await loadPartnerAccess(connectionId));
    const customers = await op.step(steps[0], async () => {
      const list = await pc.listCustomers();
      op.note(`${list.length} customers`);
      return list;
    });
    // One customer after another: Partner Center's budget is per partner, and its 429s wait out Retry-After.
    const plans = await op.step(steps[1], async () => {
      const out: Record<string, Awaited<ReturnType<typeof pc.getAzurePlan>>> = {};
      for (const c of customers) out[c.tenantId] = await pc.getAzurePlan(c.tenantId);
      const withPlan = Object.values(out).filter(Boolean).length;
      op.note(`${withPlan} of ${customers.length} with an Azure plan`);
      return out;
    });
    await op.step(steps[2], async () => {
      const now = new Date();
      await db.$transaction(async (tx) => {
        for (const c of customers) {
          const plan = plans[c.tenantId];
          const data = {
            companyName: c.companyName,
            domain: c.domain,
            azurePlanId: plan?.azurePlanId ?? null,
            entitlements: (plan?.entitlements ?? []) as unknown as Prisma.InputJsonValue,
            syncedAt: now,
          };
          await tx.partnerCustomer.upsert({
            where: { connectionId_tenantId: { connectionId, tenantId: c.tenantId } },
            create: { connectionId, tenantId: c.tenantId, ...data },
            update: data,
          });
        }
        await tx.partnerCustomer.deleteMany({ where: { connectionId, syncedAt: { lt: now } } });
        await tx.partnerConnection.update({
          where: { id: connectionId },
          data: { state: "active", lastSyncedAt: now, validation: { ok: true, customers: customers.length } },
        });
      });
    });
  },
  async onFailed({ connectionId }, { message }) {
    await db.partnerConnection.updateMany({
      where: { id: connectionId },
      data: { state: "error", validation: { ok: false, message } },
    });
  },
});
