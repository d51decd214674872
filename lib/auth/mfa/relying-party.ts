import { headers } from "next/headers";
import type { RelyingParty } from "./passkeys";

/**
 * PORTAL_URL when set; otherwise the Origin of the server action's request (Next refuses actions whose Origin does
 * not match the Host). WebAuthn needs a host name: http://127.0.0.1 is not a valid RP ID, http://localhost is.
 */
export async function currentRelyingParty(): Promise<RelyingParty> {
  const configured = process.env.PORTAL_URL;
  const origin = configured ? new URL(configured).origin : (await headers()).get("origin");
  if (!origin) throw new Error("A passkey request without an Origin header.");
  return { origin, rpID: new URL(origin).hostname };
}
