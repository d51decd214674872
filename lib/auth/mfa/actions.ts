"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { parseInput, Unauthenticated } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { confirmTotpSchema, secondFactorSchema, turnOffTotpSchema } from "./schema";
import { turnOffTotp } from "./security";
import { expiredSignIn, safeNext, signInWithSecondFactor } from "./sign-in-step";
import { readTicket, type Ticket } from "./ticket";
import { clearTicketCookie, readTicketCookie } from "./ticket-cookie";
import { confirmTotpEnrolment, startTotpEnrolment, type TotpSetup } from "./totp";

/** The sign-in step with a code from the app or a recovery code. */
export async function verifySecondFactorAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const outcome = await runAction(async () => {
    const input = parseInput(secondFactorSchema, form);
    await signInWithSecondFactor({ method: input.method, code: input.code });
    return safeNext(input.next);
  });
  if (!outcome.ok) return outcome;
  await clearTicketCookie();
  redirect(outcome.data);
}

async function ticketUser(stage: Ticket["stage"]) {
  const ticket = readTicket(await readTicketCookie());
  if (!ticket || ticket.stage !== stage) return null;
  return db.user.findUnique({ where: { id: ticket.userId }, select: { id: true, email: true } });
}

/** Staff enrolling during sign-in (PORTAL_REQUIRE_MFA_STAFF): the ticket stands in for the session they do not have yet. */
export async function startSignInTotpAction(): Promise<ActionResult<TotpSetup>> {
  return runAction(async () => {
    const user = await ticketUser("enrol");
    if (!user) throw new Unauthenticated(expiredSignIn);
    return startTotpEnrolment(user);
  });
}

export async function confirmSignInTotpAction(_prev: unknown, form: FormData): Promise<ActionResult<string[]>> {
  return runAction(async () => {
    const user = await ticketUser("enrol");
    if (!user) throw new Unauthenticated(expiredSignIn);
    // The ticket stays as it is: a new cookie would re-render /mfa and lose the recovery codes before they are read.
    return confirmTotpEnrolment(user, parseInput(confirmTotpSchema, form).code);
  });
}

/** After the recovery codes were shown: the code that confirmed enrolment was this sign-in's second factor. */
export async function finishSignInAction(next: string): Promise<ActionResult> {
  const outcome = await runAction(async () => {
    await signInWithSecondFactor({ method: "enrolled" });
  });
  if (!outcome.ok) return outcome;
  await clearTicketCookie();
  redirect(safeNext(next));
}

/** The security page (a signed-in user). */
export async function startTotpAction(): Promise<ActionResult<TotpSetup>> {
  return runAction(async () => startTotpEnrolment(await requireUser()));
}

export async function confirmTotpAction(_prev: unknown, form: FormData): Promise<ActionResult<string[]>> {
  return runAction(async () => {
    // No revalidation here: the page would swap the form for the app's status before the codes were read; the
    // "I have saved my recovery codes" button refreshes it.
    return confirmTotpEnrolment(await requireUser(), parseInput(confirmTotpSchema, form).code);
  });
}

export async function turnOffTotpAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await turnOffTotp(await requireUser(), parseInput(turnOffTotpSchema, form));
    revalidatePath("/account/security");
  }, "The authenticator app is off.");
}
