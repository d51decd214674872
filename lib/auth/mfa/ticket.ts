import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The "password ok" state between the password and the second factor: a short-lived signed ticket, not a session.
 * `stage` says what the holder may do next: "verify" a factor it has, or "enrol" one the policy requires (and, once
 * the app is confirmed under this ticket, finish signing in: the confirming code was the second factor). "register"
 * tickets only carry a passkey registration challenge for a signed-in user and never count at sign-in.
 */
export type Ticket = {
  userId: string;
  stage: "verify" | "enrol" | "register";
  /** A WebAuthn challenge handed to the browser, with the origin and RP ID it was issued for. */
  passkey?: { challenge: string; origin: string; rpID: string };
  expiresAt: number;
};

export const ticketLifetimeMs = 10 * 60_000;

function key() {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set.");
  // A key of its own, so a ticket can never be confused with anything else signed by AUTH_SECRET.
  return createHmac("sha256", secret).update("portal mfa ticket v1").digest();
}

const sign = (body: string) => createHmac("sha256", key()).update(body).digest("base64url");

export const ticketIssuedAt = (t: Ticket) => new Date(t.expiresAt - ticketLifetimeMs);

export function issueTicket(t: Omit<Ticket, "expiresAt">, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...t, expiresAt: now + ticketLifetimeMs })).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The ticket's content, or null when it is forged, malformed or expired. */
export function readTicket(value: string | undefined | null, now = Date.now()): Ticket | null {
  if (!value || value.length > 2000) return null;
  const [body, mac] = value.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const t = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Ticket;
    if (typeof t.userId !== "string" || typeof t.expiresAt !== "number" || t.expiresAt < now) return null;
    if (!["verify", "enrol", "register"].includes(t.stage)) return null;
    return t;
  } catch {
    return null;
  }
}
