import { cookies } from "next/headers";
import { ticketLifetimeMs } from "./ticket";

const signInCookie = "portal-mfa-ticket";
const registerCookie = "portal-passkey-register";
type Kind = "sign-in" | "register";
const nameOf = (kind: Kind) => (kind === "sign-in" ? signInCookie : registerCookie);

export async function setTicketCookie(ticket: string, kind: Kind = "sign-in") {
  (await cookies()).set(nameOf(kind), ticket, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.PORTAL_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: ticketLifetimeMs / 1000,
  });
}

export const readTicketCookie = async (kind: Kind = "sign-in") => (await cookies()).get(nameOf(kind))?.value;

export async function clearTicketCookie(kind: Kind = "sign-in") {
  (await cookies()).delete(nameOf(kind));
}
