import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { completeSecondFactor, type SecondFactorProof } from "./second-factor";

/** Thrown by the password step when a second factor comes next; the action reads the ticket from the code. */
export class SecondFactorNeeded extends CredentialsSignin {
  constructor(ticket: string) {
    super();
    this.code = `mfa.${ticket}`;
  }
}

class SecondFactorRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = `mfa-${reason}`;
  }
}

const proofSchema = z.object({
  ticket: z.string().min(1).max(4000),
  method: z.enum(["totp", "recovery", "enrolled", "passkey"]),
  code: z.string().trim().max(64).default(""),
  /** The passkey assertion, as JSON from @simplewebauthn/browser. */
  response: z.string().max(20_000).default(""),
});

function proofOf({ method, code, response }: z.infer<typeof proofSchema>): SecondFactorProof | null {
  if (method === "enrolled") return { method };
  if (method !== "passkey") return { method, code };
  try {
    return { method, response: JSON.parse(response) as AuthenticationResponseJSON };
  } catch {
    return null;
  }
}

/** The second step of sign-in as an Auth.js provider, so the session is made by Auth.js like any other. */
export const secondFactorProvider = Credentials({
  id: "mfa",
  name: "Second factor",
  credentials: { ticket: {}, method: {}, code: {}, response: {} },
  async authorize(raw) {
    const parsed = proofSchema.safeParse(raw);
    const proof = parsed.success ? proofOf(parsed.data) : null;
    if (!parsed.success || !proof) throw new SecondFactorRefused("invalid");
    const outcome = await completeSecondFactor(parsed.data.ticket, proof);
    if (!outcome.ok) throw new SecondFactorRefused(outcome.reason);
    return outcome.user;
  },
});
