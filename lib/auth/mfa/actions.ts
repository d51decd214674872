"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { Forbidden, InvalidInput, parseInput, Unauthenticated } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { confirmTotpSchema, secondFactorSchema, turnOffTotpSchema } from "./schema";
import { turnOffTotp } from "./security";
import { issueTicket, readTicket, type Ticket } from "./ticket";
import { clearTicketCookie, readTicketCookie, setTicketCookie } from "./ticket-cookie";
import { confirmTotpEnrolment, startTotpEnrolment, type TotpSetup } from "./totp";

const expired = "Your sign-in has expired. Sign in again with your password.";

/** Auth.js makes the session; its refusals (lib/auth/mfa/provider.ts codes) become messages for the form. */
async function signInWithSecondFactor(fields: { method: string; code?: string }) {
  try {
    await signIn("mfa", { ...fields, ticket: await readTicketCookie(), redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    if (code === "mfa-locked") throw new Forbidden("Too many wrong codes. Wait 15 minutes, then sign in again.");
    if (code === "mfa-invalid") throw new InvalidInput({ code: ["That code is not right, or it was used already."] });
    throw new Unauthenticated(expired);
  }
}

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | undefined) => (next?.startsWith("/") && !next.startsWith("//") ? next : "/");

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
    if (!user) throw new Unauthenticated(expired);
    return startTotpEnrolment(user);
  });
}

export async function confirmSignInTotpAction(_prev: unknown, form: FormData): Promise<ActionResult<string[]>> {
  return runAction(async () => {
    const user = await ticketUser("enrol");
    if (!user) throw new Unauthenticated(expired);
    const codes = await confirmTotpEnrolment(user, parseInput(confirmTotpSchema, form).code);
    await setTicketCookie(issueTicket({ userId: user.id, stage: "done" }));
    return codes;
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
    const codes = await confirmTotpEnrolment(await requireUser(), parseInput(confirmTotpSchema, form).code);
    revalidatePath("/account/security");
    return codes;
  });
}

export async function turnOffTotpAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await turnOffTotp(await requireUser(), parseInput(turnOffTotpSchema, form));
    revalidatePath("/account/security");
  }, "The authenticator app is off.");
}
