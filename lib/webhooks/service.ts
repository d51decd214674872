import { recordAudit } from "@/lib/audit/record";
import type { StaffContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { publishEvent } from "@/lib/events/publish";
import { assertAddressesAllowed, resolveHost, TargetRefused } from "./address-policy";
import { loadAllowList } from "./allow-list";
import { queueRedelivery, runLanesNow } from "./queue";
import type { AllowEntryInput, WebhookEndpointInput } from "./schema";
import { generateSigningSecret } from "./secret";
import type { WebhookOwner } from "./owner";

/** How long a rotated-out secret keeps signing beside the new one. */
const previousSecretLifetimeMs = 24 * 3_600_000;

/** What the owner sees once: the signing secret is in `secret` and nowhere else, ever. */
export type CreatedEndpoint = { id: string; url: string; secret: string };

/** The SSRF rule at save time, reported beside the URL field (and checked again on every delivery). */
export async function assertTargetAllowed(url: string) {
  const host = new URL(url).hostname;
  let addresses: string[];
  try {
    addresses = await resolveHost(host);
  } catch {
    throw new InvalidInput({ url: [`${host} does not resolve: check the host name.`] });
  }
  try {
    assertAddressesAllowed(host, addresses, await loadAllowList());
  } catch (error) {
    if (error instanceof TargetRefused) throw new InvalidInput({ url: [error.message] });
    throw error;
  }
}

export async function createEndpoint(owner: WebhookOwner, input: WebhookEndpointInput): Promise<CreatedEndpoint> {
  await assertTargetAllowed(input.url);
  const { secret, sealed } = generateSigningSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        tenantId: owner.tenantId,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        secretSealed: sealed,
        createdById: owner.actor.id,
      },
      select: { id: true, url: true },
    });
    await audit(owner, "webhook.create", endpoint, { eventTypes: input.eventTypes }, tx);
    return { ...endpoint, secret };
  });
}

export async function updateEndpoint(owner: WebhookOwner, id: string, input: WebhookEndpointInput) {
  const endpoint = await findOwned(owner, id);
  if (input.url !== endpoint.url) await assertTargetAllowed(input.url);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { url: input.url, description: input.description, eventTypes: input.eventTypes },
    });
    await audit(owner, "webhook.update", { id, url: input.url }, { previousUrl: endpoint.url }, tx);
  });
}

/** Its deliveries and their log go with it. */
export async function deleteEndpoint(owner: WebhookOwner, id: string) {
  const endpoint = await findOwned(owner, id);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await audit(owner, "webhook.delete", endpoint, undefined, tx);
  });
}

/** A new secret, shown once; the old one keeps signing beside it for 24 hours. */
export async function rotateSecret(owner: WebhookOwner, id: string): Promise<CreatedEndpoint> {
  const endpoint = await findOwned(owner, id);
  const { secret, sealed } = generateSigningSecret();
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secretSealed: sealed,
        previousSecretSealed: endpoint.secretSealed,
        previousSecretExpiresAt: new Date(Date.now() + previousSecretLifetimeMs),
      },
    });
    await audit(owner, "webhook.rotateSecret", endpoint, undefined, tx);
  });
  return { id: endpoint.id, url: endpoint.url, secret };
}

/**
 * Enabling clears the portal's failure notice and counters and sends what waited (deliveries still inside their 24 h);
 * events published while it was disabled are not delivered to it.
 */
export async function setEndpointEnabled(owner: WebhookOwner, id: string, enabled: boolean) {
  const endpoint = await findOwned(owner, id);
  if (endpoint.enabled === enabled) return;
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: enabled
        ? { enabled, disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null }
        : { enabled, disabledReason: null, disabledAt: new Date() },
    });
    await audit(owner, enabled ? "webhook.enable" : "webhook.disable", endpoint, undefined, tx);
  });
  if (enabled) {
    const lanes = await db.webhookDelivery.findMany({
      where: { endpointId: endpoint.id, state: "pending" },
      distinct: ["lane"],
      select: { lane: true },
    });
    await runLanesNow(lanes.map((l) => ({ endpointId: endpoint.id, lane: l.lane })));
  }
}

/** A `webhook.test` event to this endpoint only, delivered (and logged) like any other. */
export async function sendTestEvent(owner: WebhookOwner, id: string) {
  const endpoint = await findOwned(owner, id);
  if (!endpoint.enabled) throw new Conflict("Enable the endpoint first: a disabled endpoint receives nothing.");
  return db.$transaction((tx) =>
    publishEvent(tx, {
      type: "webhook.test",
      tenantId: endpoint.tenantId,
      resource: { type: "webhook", id: endpoint.id },
      data: { endpointId: endpoint.id, message: `A test event sent by ${owner.actor.email}.` },
    }),
  );
}

/** A new attempt of the same event (same webhook-id), now, whatever the delivery's state. */
export async function redeliver(owner: WebhookOwner, endpointId: string, deliveryId: string) {
  await findOwned(owner, endpointId);
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, endpointId, tenantId: owner.tenantId },
    select: { id: true },
  });
  if (!delivery) throw owner.notFound("Delivery", { type: "WebhookDelivery", id: deliveryId });
  await queueRedelivery(delivery.id);
}

async function findOwned(owner: WebhookOwner, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, tenantId: owner.tenantId } });
  if (!endpoint) throw owner.notFound("Webhook endpoint", { type: "WebhookEndpoint", id });
  return endpoint;
}

function audit(
  owner: WebhookOwner,
  action: string,
  endpoint: { id: string; url: string },
  detail: Record<string, unknown> | undefined,
  tx: Parameters<typeof recordAudit>[1],
) {
  return recordAudit(
    {
      action,
      actor: owner.actor,
      tenantId: owner.tenantId,
      target: { type: "WebhookEndpoint", id: endpoint.id, name: endpoint.url },
      detail,
    },
    tx,
  );
}

export async function addAllowEntry(ctx: StaffContext, input: AllowEntryInput) {
  if (ctx.staffRole !== "admin") throw new Forbidden("Only provider admins change the webhook allow-list.");
  const value = input.value.toLowerCase();
  if (await db.webhookAllowEntry.findUnique({ where: { value } }))
    throw new InvalidInput({ value: [`${value} is already on the allow-list.`] });
  await db.$transaction(async (tx) => {
    const entry = await tx.webhookAllowEntry.create({ data: { value, note: input.note, createdBy: ctx.user.email } });
    await recordAudit(
      { action: "webhook.allow", actor: ctx.user, target: { type: "WebhookAllowEntry", id: entry.id, name: value } },
      tx,
    );
  });
}

export async function removeAllowEntry(ctx: StaffContext, id: string) {
  if (ctx.staffRole !== "admin") throw new Forbidden("Only provider admins change the webhook allow-list.");
  const entry = await db.webhookAllowEntry.findUnique({ where: { id } });
  if (!entry) throw new NotFound("Allow-list entry");
  await db.$transaction(async (tx) => {
    await tx.webhookAllowEntry.delete({ where: { id } });
    await recordAudit(
      { action: "webhook.disallow", actor: ctx.user, target: { type: "WebhookAllowEntry", id, name: entry.value } },
      tx,
    );
  });
}
