"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff, requireTenantContext } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { boundId, parseBound, urlSlug } from "@/lib/errors/parse";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { providerWebhooks, tenantWebhooks } from "./owner";
import { allowEntrySchema, webhookEndpointSchema } from "./schema";
import {
  addAllowEntry,
  createEndpoint,
  deleteEndpoint,
  redeliver,
  removeAllowEntry,
  rotateSecret,
  sendTestEvent,
  setEndpointEnabled,
  updateEndpoint,
  type CreatedEndpoint,
} from "./service";

/**
 * Every action takes the scope first: null for the provider's endpoints (admins), a tenant slug for that tenant's
 * (its owners). The pages bind it; it comes back from the browser, so it is checked like any input.
 */
type Scope = string | null;

async function ownerOf(scope: Scope) {
  if (scope === null) return providerWebhooks(await requireStaff("admin"));
  return tenantWebhooks(await requireTenantContext({ tenant: parseBound(urlSlug, scope), role: "owner" }));
}

const webhooksPath = (scope: Scope) => (scope === null ? "/admin/webhooks" : `/tenant/${scope}/webhooks`);

/** The form stays put: the new endpoint's signing secret is in the result, shown once. */
export async function createEndpointAction(
  scope: Scope,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<CreatedEndpoint>> {
  return runAction(async () => {
    const owner = await ownerOf(scope);
    const created = await createEndpoint(owner, parseInput(webhookEndpointSchema, form));
    revalidatePath(webhooksPath(scope));
    return created;
  });
}

export async function updateEndpointAction(
  scope: Scope,
  id: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const owner = await ownerOf(scope);
    await updateEndpoint(owner, boundId(id), parseInput(webhookEndpointSchema, form));
    revalidatePath(webhooksPath(scope), "layout");
  }, "Saved: events from now on go to the new settings.");
}

export async function rotateSecretAction(scope: Scope, id: string, _form?: FormData) {
  return runAction(async () => {
    const owner = await ownerOf(scope);
    const rotated = await rotateSecret(owner, boundId(id));
    revalidatePath(`${webhooksPath(scope)}/${rotated.id}`);
    return rotated;
  }, "New signing secret created: the old one keeps signing beside it for 24 hours.");
}

export async function setEndpointEnabledAction(scope: Scope, id: string, enabled: boolean, _form?: FormData) {
  return runAction(
    async () => {
      const owner = await ownerOf(scope);
      await setEndpointEnabled(owner, boundId(id), enabled === true);
      revalidatePath(webhooksPath(scope), "layout");
    },
    enabled ? "Endpoint enabled: deliveries resume." : "Endpoint disabled: it receives nothing until enabled again.",
  );
}

/** Back to the list: the endpoint's page is gone with it. */
export async function deleteEndpointAction(scope: Scope, id: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const owner = await ownerOf(scope);
    await deleteEndpoint(owner, boundId(id));
    revalidatePath(webhooksPath(scope));
    redirect(webhooksPath(scope));
  });
}

export async function sendTestEventAction(scope: Scope, id: string) {
  return runAction(async () => {
    const owner = await ownerOf(scope);
    const eventId = await sendTestEvent(owner, boundId(id));
    revalidatePath(`${webhooksPath(scope)}/${id}`);
    return eventId;
  }, "Test event sent: it appears in the delivery log below in a moment.");
}

export async function redeliverAction(scope: Scope, endpointId: string, deliveryId: string) {
  return runAction(async () => {
    const owner = await ownerOf(scope);
    await redeliver(owner, boundId(endpointId), boundId(deliveryId));
    revalidatePath(`${webhooksPath(scope)}/${endpointId}`);
  }, "Redelivery queued: a new attempt with the same webhook-id.");
}

export async function addAllowEntryAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await addAllowEntry(ctx, parseInput(allowEntrySchema, form));
    revalidatePath("/admin/webhooks");
  }, "Added to the allow-list.");
}

export async function removeAllowEntryAction(id: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await removeAllowEntry(ctx, boundId(id));
    revalidatePath("/admin/webhooks");
  }, "Removed from the allow-list.");
}
