import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { readValidation } from "./discovery";
import { describeCredential, type NewCredential } from "./credential-schema";
import { sealCredential } from "./credential-facts";
import type { OnboardSubscriptionInput } from "./schema";
import { kinds } from "@/lib/operations/kinds";

function enqueueValidation(tx: Tx, ctx: StaffContext | null, sub: { id: string; displayName: string }) {
  return enqueueOperation(tx, {
    kind: kinds.subscription.validate,
    tenantId: null,
    actorId: ctx?.user.id ?? null,
    azureSubscriptionId: sub.id,
    target: { type: "AzureSubscription", id: sub.id, name: sub.displayName },
    input: { azureSubscriptionId: sub.id },
  });
}

/** Saves the subscription (secret sealed) and starts its validation; it becomes active only when validation passes. */
export async function onboardSubscription(ctx: StaffContext | null, input: OnboardSubscriptionInput) {
  try {
    return await db.$transaction(async (tx) => {
      const sub = await tx.azureSubscription.create({
        data: {
          displayName: input.displayName,
          cloud: input.cloud,
          armEndpoint: input.armEndpoint,
          authorityHost: input.authorityHost,
          caCertificate: input.caCertificate,
          directoryId: input.directoryId,
          subscriptionId: input.subscriptionId,
          clientId: input.clientId,
          ...sealCredential({ credentialKind: input.credentialKind ?? "secret", credential: input.clientSecret }),
          state: "validating",
        },
      });
      const operation = await enqueueValidation(tx, ctx, sub);
      await recordAudit(
        {
          action: "subscription.onboard",
          actor: ctx?.user ?? null,
          actorEmail: ctx ? undefined : "system",
          target: { type: "AzureSubscription", id: sub.id, name: sub.displayName },
          detail: {
            cloud: input.cloud,
            subscriptionId: input.subscriptionId,
            ...describeCredential({ credentialKind: input.credentialKind ?? "secret", credential: input.clientSecret }),
          },
        },
        tx,
      );
      return { id: sub.id, operationId: operation.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InvalidInput({ subscriptionId: ["This subscription is already onboarded."] });
    }
    throw error;
  }
}

async function getSubscriptionRow(id: string) {
  const sub = await db.azureSubscription.findUnique({
    where: { id },
    include: { plan: { select: { id: true, name: true } } },
  });
  if (!sub) throw new NotFound("Azure subscription");
  return sub;
}

export async function validateAgain(ctx: StaffContext, id: string) {
  const sub = await getSubscriptionRow(id);
  if (sub.state === "disabled") throw new Conflict("Enable the subscription before validating it.");
  return db.$transaction(async (tx) => {
    await tx.azureSubscription.update({ where: { id }, data: { state: "validating" } });
    await recordAudit(
      {
        action: "subscription.validate",
        actor: ctx.user,
        target: { type: "AzureSubscription", id, name: sub.displayName },
      },
      tx,
    );
    return enqueueValidation(tx, ctx, sub);
  });
}

/**
 * A new credential (a secret or a certificate, either kind whatever the old one was) replaces the old one, sealed, and
 * validation runs again. The old credential is never shown.
 */
export async function rotateSecret(ctx: StaffContext, id: string, credential: NewCredential) {
  const sub = await getSubscriptionRow(id);
  return db.$transaction(async (tx) => {
    await tx.azureSubscription.update({
      where: { id },
      data: {
        ...sealCredential(credential),
        state: sub.state === "disabled" ? "disabled" : "validating",
      },
    });
    await recordAudit(
      {
        action: "subscription.rotateSecret",
        actor: ctx.user,
        target: { type: "AzureSubscription", id, name: sub.displayName },
        detail: describeCredential(credential),
      },
      tx,
    );
    return sub.state === "disabled" ? null : enqueueValidation(tx, ctx, sub);
  });
}

export async function setSubscriptionEnabled(ctx: StaffContext, id: string, enabled: boolean) {
  const sub = await getSubscriptionRow(id);
  return db.$transaction(async (tx) => {
    await tx.azureSubscription.update({ where: { id }, data: { state: enabled ? "validating" : "disabled" } });
    await recordAudit(
      {
        action: enabled ? "subscription.enable" : "subscription.disable",
        actor: ctx.user,
        target: { type: "AzureSubscription", id, name: sub.displayName },
      },
      tx,
    );
    return enabled ? enqueueValidation(tx, ctx, sub) : null;
  });
}

export async function deleteSubscription(ctx: StaffContext, id: string) {
  const sub = await getSubscriptionRow(id);
  if (sub.plan) throw new Conflict(`Plan "${sub.plan.name}" uses this subscription: retire and delete the plan first.`);
  await db.$transaction(async (tx) => {
    await tx.azureSubscription.delete({ where: { id } });
    await recordAudit(
      {
        action: "subscription.delete",
        actor: ctx.user,
        target: { type: "AzureSubscription", id, name: sub.displayName },
      },
      tx,
    );
  });
}

export async function registerMissingProviders(ctx: StaffContext, id: string) {
  const sub = await getSubscriptionRow(id);
  const missing = readValidation(sub.validation)?.unregisteredProviders ?? [];
  if (missing.length === 0) throw new Conflict("Every required resource provider is already registered.");
  return db.$transaction(async (tx) => {
    await recordAudit(
      {
        action: "subscription.registerProviders",
        actor: ctx.user,
        target: { type: "AzureSubscription", id, name: sub.displayName },
        detail: { namespaces: missing },
      },
      tx,
    );
    return enqueueOperation(tx, {
      kind: kinds.subscription.registerProviders,
      tenantId: null,
      actorId: ctx.user.id,
      azureSubscriptionId: id,
      target: { type: "AzureSubscription", id, name: sub.displayName },
      input: { azureSubscriptionId: id, namespaces: missing },
    });
  });
}
