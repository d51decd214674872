"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { parseInput, Unauthenticated } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { signIn } from "./auth";
import { currentUser } from "./context";
import { changePasswordSchema } from "./password-schema";
import { changePassword } from "./password-service";

/**
 * Open to a session signed in with a one-time password (it is the only thing such a session may do). The change ends
 * every session of the account, this one included, so the caller is signed in again with the new password.
 */
export async function changePasswordAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  // The new password stays on the server: a success redirects, it is never returned to the browser.
  const result = await runAction(async () => {
    const user = await currentUser();
    if (!user) throw new Unauthenticated();
    const input = parseInput(changePasswordSchema, form);
    await changePassword(user, input);
    return { email: user.email, password: input.newPassword };
  });
  if (!result.ok) return result;
  try {
    await signIn("credentials", { ...result.data, redirectTo: "/account?changed=1" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/login?passwordChanged=1");
    throw error; // the redirect after signing in again
  }
  return { ok: true };
}
