import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { Forbidden, InvalidInput, Unauthenticated } from "@/lib/errors";
import { readTicketCookie, setTicketCookie } from "./ticket-cookie";

export const expiredSignIn = "Your sign-in has expired. Sign in again with your password.";

/** Only same-site paths are followed after sign-in. */
export const safeNext = (next: string | undefined) => (next?.startsWith("/") && !next.startsWith("//") ? next : "/");

/** The password was right and a second factor comes next: keep the ticket in an httpOnly cookie and go to /mfa. */
export async function continueToSecondFactor(ticket: string, next: string): Promise<never> {
  await setTicketCookie(ticket);
  redirect(next === "/" ? "/mfa" : `/mfa?next=${encodeURIComponent(next)}`);
}

/** Auth.js makes the session; its refusals (lib/auth/mfa/provider.ts codes) become messages for the form. */
export async function signInWithSecondFactor(fields: { method: string; code?: string; response?: string }) {
  try {
    await signIn("mfa", { ...fields, ticket: await readTicketCookie(), redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    if (code === "mfa-locked") throw new Forbidden("Too many wrong codes. Wait 15 minutes, then sign in again.");
    if (code === "mfa-invalid" && fields.method === "passkey")
      throw new Forbidden("The passkey was not accepted. Try again, or use another way to sign in.");
    if (code === "mfa-invalid") throw new InvalidInput({ code: ["That code is not right, or it was used already."] });
    throw new Unauthenticated(expiredSignIn);
  }
}
