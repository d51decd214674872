import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import type { PlanPricingInput } from "./schema";
import { staleOpenRatings } from "./rate";

/** Sets a plan's currency and markup; open days of its tenants are priced again at the next rating, closed ones never. */
export async function setPlanPricing(ctx: StaffContext, input: PlanPricingInput) {
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true, name: true } });
    if (!plan) throw new NotFound("Plan");
    const data = { currency: input.currency, markupKind: input.markupKind, markupValue: input.markupValue };
    await tx.planPricing.upsert({ where: { planId: plan.id }, create: { planId: plan.id, ...data }, update: data });
    await staleOpenRatings(tx, { planId: plan.id });
    await recordAudit(
      {
        action: "pricing.setMarkup",
        actor: ctx.user,
        target: { type: "Plan", id: plan.id, name: plan.name },
        detail: data,
      },
      tx,
    );
    return plan;
  });
}
