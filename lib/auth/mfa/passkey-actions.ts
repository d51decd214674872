"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/context";
import { parseInput, Unauthenticated } from "@/lib/errors";
import { runAction } from "@/lib/errors/run-action";
import type { ActionResult } from "@/lib/utils/action-result";
import { signInWithSecondFactor, expiredSignIn, safeNext } from "./sign-in-step";
import { passkeyAuthenticationOptions, passkeyRegistrationOptions, registerPasskey, removePasskey } from "./passkeys";
import { currentRelyingParty } from "./relying-party";
import { issueTicket, readTicket } from "./ticket";
import { clearTicketCookie, readTicketCookie, setTicketCookie } from "./ticket-cookie";

const responseSchema = z.string().min(2).max(20_000);
const addPasskeySchema = z.object({
  name: z.string().trim().min(1, "Name the passkey, e.g. “Work laptop”.").max(60, "Use at most 60 characters."),
  response: responseSchema,
});

/** Sign-in: a challenge for the user's passkeys, kept in the (re-issued) signed ticket so the server can check it. */
export async function passkeySignInOptionsAction(): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  return runAction(async () => {
    const ticket = readTicket(await readTicketCookie());
    if (!ticket || ticket.stage !== "verify") throw new Unauthenticated(expiredSignIn);
    const rp = await currentRelyingParty();
    const options = await passkeyAuthenticationOptions(ticket.userId, rp);
    await setTicketCookie(
      issueTicket({ userId: ticket.userId, stage: "verify", passkey: { ...rp, challenge: options.challenge } }),
    );
    return options;
  });
}

export async function verifyPasskeySignInAction(next: string, response: string): Promise<ActionResult> {
  const outcome = await runAction(async () => {
    await signInWithSecondFactor({
      method: "passkey",
      response: parseInput(z.object({ response: responseSchema }), { response }).response,
    });
  });
  if (!outcome.ok) return outcome;
  await clearTicketCookie();
  redirect(safeNext(next));
}

/** The security page: register a passkey for the signed-in user. */
export async function passkeyRegistrationOptionsAction(): Promise<
  ActionResult<PublicKeyCredentialCreationOptionsJSON>
> {
  return runAction(async () => {
    const user = await requireUser();
    const rp = await currentRelyingParty();
    const options = await passkeyRegistrationOptions(user, rp);
    await setTicketCookie(
      issueTicket({ userId: user.id, stage: "register", passkey: { ...rp, challenge: options.challenge } }),
      "register",
    );
    return options;
  });
}

export async function addPasskeyAction(input: {
  name: string;
  response: string;
}): Promise<ActionResult<string[] | null>> {
  return runAction(async () => {
    const user = await requireUser();
    const { name, response } = parseInput(addPasskeySchema, input);
    const ticket = readTicket(await readTicketCookie("register"));
    if (!ticket?.passkey || ticket.stage !== "register" || ticket.userId !== user.id)
      throw new Unauthenticated("The request expired. Add the passkey again.");
    const codes = await registerPasskey(user, { name, response: JSON.parse(response) }, ticket.passkey);
    await clearTicketCookie("register");
    return codes;
  });
}

export async function removePasskeyAction(passkeyId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removePasskey(await requireUser(), z.string().max(40).parse(passkeyId));
    revalidatePath("/account/security");
  }, "Passkey removed.");
}
