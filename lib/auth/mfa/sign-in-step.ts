import { redirect } from "next/navigation";
import { setTicketCookie } from "./ticket-cookie";

/** The password was right and a second factor comes next: keep the ticket in an httpOnly cookie and go to /mfa. */
export async function continueToSecondFactor(ticket: string, next: string): Promise<never> {
  await setTicketCookie(ticket);
  redirect(next === "/" ? "/mfa" : `/mfa?next=${encodeURIComponent(next)}`);
}
