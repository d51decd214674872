"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import { boundId, parseBound } from "@/lib/errors/parse";
import type { ActionResult } from "@/lib/utils/action-result";
import { fillFromBuiltinEmulator } from "./builtin-emulator";
import { onboardSubscriptionSchema, rotateSecretSchema } from "./schema";
import {
  deleteSubscription,
  onboardSubscription,
  registerMissingProviders,
  rotateSecret,
  setSubscriptionEnabled,
  validateAgain,
} from "./service";

const listPath = "/admin/subscriptions";
const detailPath = (id: string) => `${listPath}/${id}`;

/**
 * Saves the subscription and starts validating it, then opens its page where the validation runs live. With the
 * built-in emulator chosen (demo mode), its endpoints and credentials are filled in here, after the admin check.
 */
export async function onboardSubscriptionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const values = await fillFromBuiltinEmulator(Object.fromEntries(form));
    const { id } = await onboardSubscription(ctx, parseInput(onboardSubscriptionSchema, values));
    revalidatePath(listPath);
    redirect(detailPath(id));
  });
}

export async function validateAgainAction(id: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await validateAgain(ctx, boundId(id));
    revalidatePath(detailPath(id));
  }, "Validation started.");
}

/** The new secret is sealed by the service and validated at once; it is never echoed back. */
export async function rotateSecretAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    const input = parseInput(rotateSecretSchema, form);
    const operation = await rotateSecret(ctx, input.id, input);
    revalidatePath(detailPath(input.id));
    return { validating: operation !== null };
  }, "Secret replaced.");
}

export async function setSubscriptionEnabledAction(
  id: string,
  enabled: boolean,
  _form?: FormData,
): Promise<ActionResult> {
  return runAction(
    async () => {
      const ctx = await requireStaff("admin");
      await setSubscriptionEnabled(ctx, boundId(id), parseBound(z.boolean(), enabled));
      revalidatePath(detailPath(id));
      revalidatePath(listPath);
    },
    enabled ? "Subscription enabled: validating it again." : "Subscription disabled.",
  );
}

export async function registerProvidersAction(id: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await registerMissingProviders(ctx, boundId(id));
    revalidatePath(detailPath(id));
  }, "Registering the resource providers: validation runs again when they are registered.");
}

export async function deleteSubscriptionAction(id: string, _form?: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const ctx = await requireStaff("admin");
    await deleteSubscription(ctx, boundId(id));
    revalidatePath(listPath);
    redirect(listPath);
  });
}
