"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "./auth";
import { signInSchema } from "./schema";
import { currentUser } from "./context";
import { recordAudit } from "@/lib/audit/record";
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
      if (code.startsWith("locked-")) {
        const minutes = code.slice("locked-".length);
        return {
          ok: false,
          formError: `Too many failed sign-in attempts. Sign-in is locked for ${minutes} more minute${minutes === "1" ? "" : "s"}.`,
        };
      }
      return { ok: false, formError: "The email or password is incorrect." };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signOutAction() {
  const user = await currentUser();
  if (user) await recordAudit({ action: "auth.logout", actor: user });
  await signOut({ redirectTo: "/login?signedOut=1" });
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | undefined) {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
