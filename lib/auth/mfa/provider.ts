import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { completeSecondFactor } from "./second-factor";

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
  ticket: z.string().min(1).max(2000),
  method: z.enum(["totp", "recovery", "enrolled"]),
  code: z.string().trim().max(64).default(""),
});

/** The second step of sign-in as an Auth.js provider, so the session is made by Auth.js like any other. */
export const secondFactorProvider = Credentials({
  id: "mfa",
  name: "Second factor",
  credentials: { ticket: {}, method: {}, code: {} },
  async authorize(raw) {
    const parsed = proofSchema.safeParse(raw);
    if (!parsed.success) throw new SecondFactorRefused("invalid");
    const { ticket, method, code } = parsed.data;
    const outcome = await completeSecondFactor(ticket, method === "enrolled" ? { method } : { method, code });
    if (!outcome.ok) throw new SecondFactorRefused(outcome.reason);
    return outcome.user;
  },
});
