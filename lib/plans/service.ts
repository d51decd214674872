import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound, type FieldErrors } from "@/lib/errors";
import { readDiscovery } from "@/lib/subscriptions/discovery";
import { listAllowedRegionNames, planUsage, quotasOf } from "./queries";
import { checkImages, checkQuotasAgainstUsage, checkSizes, offerableSizes } from "./rules";
import type { CreatePlanInput, PlanStateValue, UpdatePlanInput } from "./schema";

type PlanChoices = Omit<CreatePlanInput, "state">;

/**
 * The rules every saved plan meets: a subscription that is active and backs no other plan, sizes offered in an
 * allowed region of it, images from its catalogue. The subscription is checked first: against another one the
 * size and image messages would only confuse.
 */
async function assertChoices(input: PlanChoices, planId?: string) {
  const sub = await db.azureSubscription.findUnique({
    where: { id: input.azureSubscriptionId },
    select: { id: true, displayName: true, state: true, discovery: true, plan: { select: { id: true, name: true } } },
  });
  const isOwn = sub?.plan?.id !== undefined && sub.plan.id === planId;
  if (!sub) throw new InvalidInput({ azureSubscriptionId: ["Choose one of the onboarded Azure subscriptions."] });
  if (sub.plan && !isOwn)
    throw new InvalidInput({
      azureSubscriptionId: [
        `${sub.displayName} already backs plan "${sub.plan.name}"; each plan needs its own subscription.`,
      ],
    });
  if (sub.state !== "active" && !isOwn)
    throw new InvalidInput({
      azureSubscriptionId: [`${sub.displayName} is ${sub.state}; only active subscriptions can back a plan.`],
    });

  const discovery = readDiscovery(sub.discovery);
  const errors: FieldErrors = {};
  const sizeErrors = checkSizes(input.allowedSizes, offerableSizes(discovery, await listAllowedRegionNames()));
  if (sizeErrors.length) errors.allowedSizes = sizeErrors;
  const imageErrors = checkImages(input.allowedImages, discovery.images);
  if (imageErrors.length) errors.allowedImages = imageErrors;
  return { sub, errors };
}

async function assertNameFree(name: string, planId?: string) {
  // Case-insensitive, since "Gold" and "gold" side by side would confuse tenants; the unique index stays the last word.
  const other = await db.plan.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, id: planId ? { not: planId } : undefined },
    select: { id: true },
  });
  return other ? { name: [`A plan named "${name}" already exists.`] } : {};
}

function planData(input: PlanChoices) {
  return {
    name: input.name,
    description: input.description,
    azureSubscriptionId: input.azureSubscriptionId,
    allowedSizes: input.allowedSizes,
    allowedImages: input.allowedImages as unknown as Prisma.InputJsonValue,
    ...quotasOf(input),
    offersDr: input.offersDr,
  };
}

/** The unique indexes are the final guard against two admins saving at once: say which field lost the race. */
function translateUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const detail = JSON.stringify(error.meta ?? {});
    if (detail.includes("azureSubscriptionId"))
      throw new InvalidInput({
        azureSubscriptionId: [
          "Another plan was just created on this subscription; each plan needs its own subscription.",
        ],
      });
    throw new InvalidInput({ name: ["A plan with this name was just created; choose another name."] });
  }
  throw error;
}

// jsonb stores object keys in its own order, so compare with sorted keys.
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

function throwIfAny(...groups: FieldErrors[]) {
  const errors = Object.assign({}, ...groups) as FieldErrors;
  if (Object.keys(errors).length) throw new InvalidInput(errors);
}

export async function createPlan(ctx: StaffContext, input: CreatePlanInput) {
  const [{ sub, errors }, nameErrors] = await Promise.all([assertChoices(input), assertNameFree(input.name)]);
  throwIfAny(nameErrors, errors);
  try {
    return await db.$transaction(async (tx) => {
      const plan = await tx.plan.create({
        data: { ...planData(input), state: input.state },
        select: { id: true, name: true },
      });
      await recordAudit(
        {
          action: "plan.create",
          actor: ctx.user,
          target: { type: "Plan", id: plan.id, name: plan.name },
          detail: {
            azureSubscription: sub.displayName,
            state: input.state,
            sizes: input.allowedSizes.length,
            images: input.allowedImages.length,
            ...quotasOf(input),
            offersDr: input.offersDr,
          },
        },
        tx,
      );
      return plan;
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
}

async function getPlanRow(id: string) {
  const plan = await db.plan.findUnique({
    where: { id },
    include: { _count: { select: { tenantSubscriptions: true } } },
  });
  if (!plan) throw new NotFound("Plan");
  return plan;
}

export async function updatePlan(ctx: StaffContext, input: UpdatePlanInput) {
  const plan = await getPlanRow(input.id);
  const movesSubscription = plan.azureSubscriptionId !== input.azureSubscriptionId;
  if (movesSubscription && plan._count.tenantSubscriptions > 0) {
    // Tenant resource groups live in the plan's subscription: moving the plan would strand them.
    throw new InvalidInput({
      azureSubscriptionId: [
        "Tenants subscribe to this plan, and their resources live in its Azure subscription: it cannot move.",
      ],
    });
  }
  const [{ errors }, nameErrors, usage] = await Promise.all([
    assertChoices(input, plan.id),
    assertNameFree(input.name, plan.id),
    planUsage(plan.id),
  ]);
  throwIfAny(nameErrors, errors, checkQuotasAgainstUsage(quotasOf(input), usage));
  const data = planData(input);
  const changed = Object.keys(data).filter(
    (k) => canonical(data[k as keyof typeof data]) !== canonical(plan[k as keyof typeof plan]),
  );
  try {
    return await db.$transaction(async (tx) => {
      const saved = await tx.plan.update({ where: { id: plan.id }, data, select: { id: true, name: true } });
      await recordAudit(
        {
          action: "plan.update",
          actor: ctx.user,
          target: { type: "Plan", id: plan.id, name: saved.name },
          detail: { changed },
        },
        tx,
      );
      return saved;
    });
  } catch (error) {
    translateUniqueViolation(error);
  }
}

/**
 * Public plans are offered for self-service, private ones only by the admin. Retiring stops new tenant subscriptions
 * (the subscribe use case refuses a retired plan) and leaves existing ones and their resources untouched.
 */
export async function setPlanState(ctx: StaffContext, id: string, state: PlanStateValue) {
  const plan = await getPlanRow(id);
  if (plan.state === state) return { id, state };
  await db.$transaction(async (tx) => {
    await tx.plan.update({ where: { id }, data: { state } });
    await recordAudit(
      {
        action: state === "retired" ? "plan.retire" : "plan.setState",
        actor: ctx.user,
        target: { type: "Plan", id, name: plan.name },
        detail: { from: plan.state, to: state },
      },
      tx,
    );
  });
  return { id, state };
}

/** Only a plan nobody ever subscribed to can go; deleting it frees its Azure subscription for another plan. */
export async function deletePlan(ctx: StaffContext, id: string) {
  const plan = await getPlanRow(id);
  const refuse = (n: number) =>
    new Conflict(
      `${n} tenant subscription${n === 1 ? " uses" : "s use"} "${plan.name}" (cancelled ones are kept for their history). Retire the plan instead: existing tenants keep running and nobody new can subscribe.`,
    );
  if (plan._count.tenantSubscriptions > 0) throw refuse(plan._count.tenantSubscriptions);
  try {
    await db.$transaction(async (tx) => {
      await tx.plan.delete({ where: { id } });
      await recordAudit(
        {
          action: "plan.delete",
          actor: ctx.user,
          target: { type: "Plan", id, name: plan.name },
          detail: { azureSubscriptionId: plan.azureSubscriptionId },
        },
        tx,
      );
    });
  } catch (error) {
    // A tenant subscribed between the check and the delete: the foreign key refuses, and we say why.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014"))
      throw refuse(1);
    throw error;
  }
}
