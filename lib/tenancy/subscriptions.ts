import { randomBytes } from "node:crypto";
import type { Caller } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { kinds } from "@/lib/operations/kinds";

/**
 * The resource group for a tenant subscription: deterministic (so retries and re-syncs find it), readable in the
 * Azure portal, and within Azure's rules (1–90 of letters, digits, - _ . ( )).
 */
export function tenantResourceGroupName(tenantSlug: string, suffix: string) {
  return `portal-${tenantSlug.slice(0, 60)}-${suffix}`;
}

type SubscribeRequest = { tenantId: string; planId: string; name?: string; selfService: boolean };

/** Subscribes a tenant to a plan and provisions its resource group as an operation. */
export type SubscribedTenant = Awaited<ReturnType<typeof subscribeTenantToPlan>>;

export async function subscribeTenantToPlan(actor: Caller, request: SubscribeRequest) {
  const [tenant, plan] = await Promise.all([
    db.tenant.findUnique({
      where: { id: request.tenantId },
      select: { id: true, slug: true, name: true, state: true },
    }),
    db.plan.findUnique({
      where: { id: request.planId },
      select: {
        id: true,
        name: true,
        state: true,
        azureSubscriptionId: true,
        azureSubscription: { select: { state: true } },
      },
    }),
  ]);
  if (!tenant) throw new NotFound("Tenant");
  if (!plan || (request.selfService && plan.state !== "public"))
    throw new InvalidInput({ planId: ["Choose one of the plans offered to you."] });
  if (plan.state === "retired")
    throw new InvalidInput({ planId: [`${plan.name} is retired and takes no new subscriptions.`] });
  if (tenant.state === "suspended") throw new Conflict(`${tenant.name} is suspended.`);
  if (plan.azureSubscription.state !== "active")
    throw new Conflict(
      `The Azure subscription behind ${plan.name} is not active; try again once your provider has fixed it.`,
    );
  const region = await db.allowedRegion.findFirst({ orderBy: { name: "asc" }, select: { name: true } });
  const name = request.name?.trim() || plan.name;
  try {
    return await db.$transaction(async (tx) => {
      const suffix = randomBytes(3).toString("hex");
      const ts = await tx.tenantSubscription.create({
        data: {
          tenantId: tenant.id,
          planId: plan.id,
          name,
          resourceGroup: tenantResourceGroupName(tenant.slug, suffix),
          location: region?.name ?? "eastus",
        },
      });
      const operation = await enqueueOperation(tx, {
        kind: kinds.tenantSubscription.provision,
        tenantId: tenant.id,
        actorId: actor.id,
        azureSubscriptionId: plan.azureSubscriptionId,
        target: { type: "TenantSubscription", id: ts.id, name: `${tenant.name} · ${name}` },
        input: { tenantSubscriptionId: ts.id },
      });
      await recordAudit(
        {
          action: "tenantSubscription.create",
          actor,
          tenantId: tenant.id,
          target: { type: "TenantSubscription", id: ts.id, name },
          detail: { plan: plan.name, selfService: request.selfService },
        },
        tx,
      );
      return { id: ts.id, operationId: operation.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InvalidInput({ name: [`${tenant.name} already has a subscription named "${name}".`] });
    }
    throw error;
  }
}

/** Cancelling deletes the tenant's resource group (everything in it) as an operation, after the caller confirmed. */
export async function cancelTenantSubscription(
  actor: Caller,
  tenantSubscriptionId: string,
  scope: { tenantId?: string },
) {
  const ts = await db.tenantSubscription.findFirst({
    where: { id: tenantSubscriptionId, tenantId: scope.tenantId },
    select: {
      id: true,
      name: true,
      state: true,
      tenantId: true,
      tenant: { select: { name: true } },
      plan: { select: { azureSubscriptionId: true } },
    },
  });
  if (!ts) throw new NotFound("Subscription");
  if (ts.state !== "active") throw new Conflict(`${ts.name} is already ${ts.state}.`);
  return db.$transaction(async (tx) => {
    await tx.tenantSubscription.update({ where: { id: ts.id }, data: { state: "cancelling" } });
    await recordAudit(
      {
        action: "tenantSubscription.cancel",
        actor,
        tenantId: ts.tenantId,
        target: { type: "TenantSubscription", id: ts.id, name: ts.name },
      },
      tx,
    );
    return enqueueOperation(tx, {
      kind: kinds.tenantSubscription.deprovision,
      tenantId: ts.tenantId,
      actorId: actor.id,
      azureSubscriptionId: ts.plan.azureSubscriptionId,
      target: { type: "TenantSubscription", id: ts.id, name: `${ts.tenant.name} · ${ts.name}` },
      input: { tenantSubscriptionId: ts.id },
    });
  });
}
