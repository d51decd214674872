import { db } from "@/lib/db/client";
import { factorsOf } from "./second-factor";
import { readTicket } from "./ticket";
import { findPendingTotp } from "./totp";

/** What the /mfa page shows for the ticket in the cookie; null when there is none or it expired. */
export async function findSignInStep(ticketValue: string | undefined) {
  const ticket = readTicket(ticketValue);
  if (!ticket || ticket.stage === "register") return null;
  const user = await db.user.findUnique({ where: { id: ticket.userId }, select: { id: true, email: true } });
  if (!user) return null;
  const [factors, pendingTotp] = await Promise.all([
    factorsOf(user.id),
    ticket.stage === "enrol" ? findPendingTotp(user) : null,
  ]);
  return { stage: ticket.stage, email: user.email, factors, pendingTotp };
}
