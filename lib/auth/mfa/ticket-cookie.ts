import { cookies } from "next/headers";
import { ticketLifetimeMs } from "./ticket";

const name = "portal-mfa-ticket";

export async function setTicketCookie(ticket: string) {
  (await cookies()).set(name, ticket, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.PORTAL_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: ticketLifetimeMs / 1000,
  });
}

export const readTicketCookie = async () => (await cookies()).get(name)?.value;

export async function clearTicketCookie() {
  (await cookies()).delete(name);
}
