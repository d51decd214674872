"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "./auth";
import { signInSchema } from "./schema";
import { currentUser } from "./context";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { revokeSessions } from "./sessions";
import { continueToSecondFactor } from "./mfa/sign-in-step";
import type { ActionResult } from "@/lib/utils/action-result";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors = parsed.error.flatten().fieldErrors;
    return { ok: false, fieldErrors };
  }
  const next = safeNext(parsed.data.next);
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: next });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("mfa.")) await continueToSecondFactor(code.slice("mfa.".length), next);
      if (code.startsWith("locked-")) {
        const seconds = Number(code.slice("locked-".length));
        return { ok: false, formError: `Too many failed sign-in attempts. Try again in ${waitText(seconds)}.` };
      }
      if (code === "expired")
        return {
          ok: false,
          formError: "This one-time password has expired (they last 72 hours). Ask your administrator for a new one.",
        };
      return { ok: false, formError: "The email or password is incorrect." };
    }
    throw error; // the redirect after a successful sign-in
  }
}

/**
 * Signing out ends every session of the account, not only this browser's cookie: a copied cookie must not outlive it
 * (issue 16). "Sign out everywhere" on the account page is the same act, audited under its own name.
 */
export async function signOutAction() {
  await endSessions("auth.logout");
}

export async function signOutEverywhereAction() {
  await endSessions("auth.logoutEverywhere");
}

async function endSessions(action: string) {
  const user = await currentUser();
  if (user) {
    await db.$transaction(async (tx) => {
      await revokeSessions(tx, user.id);
      await recordAudit({ action, actor: user }, tx);
    });
  }
  await signOut({ redirectTo: "/login?signedOut=1" });
}

function waitText(seconds: number) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | undefined) {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
