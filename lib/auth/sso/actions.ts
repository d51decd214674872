"use server";

import { signIn } from "@/lib/auth/auth";
import { safeNext } from "@/lib/auth/mfa/sign-in-step";
import { ssoProviderId } from "./config";

/** Sends the browser to the identity provider; Auth.js brings it back to /api/auth/callback/sso. */
export async function ssoSignInAction(next: string) {
  await signIn(ssoProviderId, { redirectTo: safeNext(next) });
}
