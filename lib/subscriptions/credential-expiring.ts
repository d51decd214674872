import { addDays } from "date-fns";
import { db } from "@/lib/db/client";
import { classifyExpiry, EXPIRY_WARNING_DAYS } from "./credential-expiry";

export type ExpiringCredential = {
  type: "AzureSubscription" | "PartnerConnection";
  id: string;
  displayName: string;
  thumbprint: string | null;
  notAfter: Date;
};

/**
 * Certificate credentials that expire within EXPIRY_WARNING_DAYS days or have expired, soonest first: subscriptions
 * and partner connections alike, each to be rotated where it is shown (the dashboard links there).
 */
export async function findExpiringCredentials(now: Date = new Date()): Promise<ExpiringCredential[]> {
  // A day more than the rule reads whole days; classifyExpiry, the one rule, decides.
  const where = {
    credentialKind: "certificate" as const,
    certificateNotAfter: { lte: addDays(now, EXPIRY_WARNING_DAYS + 1) },
  };
  const select = { id: true, displayName: true, certificateThumbprint: true, certificateNotAfter: true };
  const [subs, connections] = await Promise.all([
    db.azureSubscription.findMany({ where, select, orderBy: { certificateNotAfter: "asc" }, take: 50 }),
    db.partnerConnection.findMany({ where, select, orderBy: { certificateNotAfter: "asc" }, take: 50 }),
  ]);
  const rows = (type: ExpiringCredential["type"], list: typeof subs) =>
    list.map((r) => ({
      type,
      id: r.id,
      displayName: r.displayName,
      thumbprint: r.certificateThumbprint,
      notAfter: r.certificateNotAfter!,
    }));
  return [...rows("AzureSubscription", subs), ...rows("PartnerConnection", connections)]
    .filter((r) => classifyExpiry(r.notAfter, now).state !== "valid")
    .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
}
