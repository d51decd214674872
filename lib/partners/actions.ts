"use server";

import { revalidatePath } from "next/cache";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { fillPartnerFromBuiltinEmulator } from "./builtin-emulator";
import { connectPartnerSchema, rotatePartnerSecretSchema, startOnboardingSchema } from "./schema";
import { connectPartner, rotatePartnerSecret, startPartnerOnboarding, syncPartnerCustomers } from "./service";

const path = "/admin/partners";

export async function connectPartnerAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const values = await fillPartnerFromBuiltinEmulator(Object.fromEntries(form));
    await connectPartner(ctx, parseInput(connectPartnerSchema, values));
    revalidatePath(path);
  }, "Connected: listing the partner's customers from Partner Center.");
}

export async function rotatePartnerSecretAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await rotatePartnerSecret(ctx, parseInput(rotatePartnerSecretSchema, Object.fromEntries(form)).clientSecret);
    revalidatePath(path);
  }, "Secret replaced: checking it with Partner Center.");
}

export async function syncPartnerAction(): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await syncPartnerCustomers(ctx);
    revalidatePath(path);
  }, "Listing the customers again.");
}

/** Checked boxes are "customerTenantId/subscriptionId"; each becomes its own onboarding operation. */
export async function onboardPartnerSubscriptionsAction(
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
    const started = await startPartnerOnboarding(ctx, input);
    revalidatePath(path);
    return started;
  }, "Onboarding started: follow each subscription's operation below.");
}
