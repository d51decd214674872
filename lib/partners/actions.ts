"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { boundId } from "@/lib/errors/parse";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { fillPartnerFromBuiltinEmulator } from "./builtin-emulator";
import { connectPartnerSchema, rotatePartnerSecretSchema, startOnboardingSchema } from "./schema";
import {
  connectPartner,
  deletePartnerConnection,
  rotatePartnerSecret,
  startPartnerOnboarding,
  syncPartnerCustomers,
} from "./service";

const listPath = "/admin/partners";
const connectionPath = (id: string) => `${listPath}/${id}`;

/** Adds a connection (or replaces the one of the same partner tenant) and opens its page, where its sync shows. */
export async function connectPartnerAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const values = await fillPartnerFromBuiltinEmulator(Object.fromEntries(form));
    const { id } = await connectPartner(ctx, parseInput(connectPartnerSchema, values));
    revalidatePath(listPath);
    redirect(connectionPath(id));
  });
}

export async function rotatePartnerSecretAction(
  connectionId: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const credential = parseInput(rotatePartnerSecretSchema, Object.fromEntries(form));
    await rotatePartnerSecret(ctx, boundId(connectionId), credential);
    revalidatePath(connectionPath(connectionId));
  }, "Credential replaced: checking it with Partner Center.");
}

export async function syncPartnerAction(connectionId: string): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await syncPartnerCustomers(ctx, boundId(connectionId));
    revalidatePath(connectionPath(connectionId));
  }, "Listing the customers again.");
}

/** The connection and its customer list go; subscriptions onboarded through it stay. */
export async function deletePartnerConnectionAction(connectionId: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await deletePartnerConnection(ctx, boundId(connectionId));
    revalidatePath(listPath);
    redirect(listPath);
  });
}

/** Checked boxes are "customerTenantId/subscriptionId"; each becomes its own onboarding operation. */
export async function onboardPartnerSubscriptionsAction(
  connectionId: string,
  _prev: ActionResult,
  form: FormData,
): Promise<ActionResult<{ operationId: string; subscriptionId: string }[]>> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const subscriptions = form.getAll("subscription").map((v) => {
      const [customerTenantId, subscriptionId] = String(v).split("/");
      return { customerTenantId, subscriptionId };
    });
    const input = parseInput(startOnboardingSchema, {
      subscriptions,
      role: form.get("role") ?? undefined,
      reason: form.get("reason") || undefined,
    });
    const started = await startPartnerOnboarding(ctx, boundId(connectionId), input);
    revalidatePath(connectionPath(connectionId));
    return started;
  }, "Onboarding started: follow each subscription's operation below.");
}
