import { differenceInDays, format } from "date-fns";

/** A certificate is flagged this many days before it expires: time to create a new one and rotate it in. */
export const EXPIRY_WARNING_DAYS = 30;

export type ExpiryState = "valid" | "expiring" | "expired";
export type CredentialExpiry = { state: ExpiryState; daysLeft: number };

/**
 * Where a certificate stands: expired from its notAfter on (Entra ID refuses it then, and every job on the
 * subscription fails), expiring when at most EXPIRY_WARNING_DAYS whole days are left. daysLeft counts whole days, so
 * 29 days and 23 hours is 29; it is 0 on the last day and negative once expired.
 */
export function classifyExpiry(notAfter: Date, now: Date = new Date()): CredentialExpiry {
  const daysLeft = differenceInDays(notAfter, now);
  if (notAfter.getTime() <= now.getTime()) return { state: "expired", daysLeft: Math.min(daysLeft, 0) };
  return { state: daysLeft <= EXPIRY_WARNING_DAYS ? "expiring" : "valid", daysLeft };
}

/** "in 95 days", "in 1 day", "within a day", "expired 3 days ago", "expired today". */
export function describeExpiry({ state, daysLeft }: CredentialExpiry): string {
  if (state === "expired") {
    const ago = -daysLeft;
    return ago === 0 ? "expired today" : `expired ${ago} day${ago === 1 ? "" : "s"} ago`;
  }
  return daysLeft === 0 ? "within a day" : `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
}

/** "12 Mar 2027" */
export const formatExpiryDate = (d: Date) => format(d, "d MMM yyyy");
