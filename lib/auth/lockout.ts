import { db } from "@/lib/db/client";

// Failed sign-ins are counted from the audit log, so the lockout needs no state of its own and shows up in audit.
export const lockoutPolicy = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
};

export type LockState = { locked: false } | { locked: true; reason: "account" | "ip"; retryAfterMinutes: number };

export async function loginLockState(email: string, ip: string | null, now = new Date()): Promise<LockState> {
  const since = new Date(now.getTime() - lockoutPolicy.windowMinutes * 60_000);
  const lastSuccess = await db.auditEvent.findFirst({
    where: { action: "auth.login", outcome: "success", actorEmail: email, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const accountFailures = await db.auditEvent.findMany({
    where: { action: "auth.login", outcome: "failure", actorEmail: email, at: { gte: lastSuccess?.at ?? since } },
    orderBy: { at: "desc" },
    take: lockoutPolicy.maxFailuresPerAccount,
    select: { at: true },
  });
  if (accountFailures.length >= lockoutPolicy.maxFailuresPerAccount) {
    return { locked: true, reason: "account", retryAfterMinutes: minutesUntil(accountFailures[0].at, now) };
  }
  if (ip) {
    const ipFailures = await db.auditEvent.findMany({
      where: { action: "auth.login", outcome: "failure", ip, at: { gte: since } },
      orderBy: { at: "desc" },
      take: lockoutPolicy.maxFailuresPerIp,
      select: { at: true },
    });
    if (ipFailures.length >= lockoutPolicy.maxFailuresPerIp) {
      return { locked: true, reason: "ip", retryAfterMinutes: minutesUntil(ipFailures[0].at, now) };
    }
  }
  return { locked: false };
}

function minutesUntil(lastFailure: Date, now: Date) {
  const unlockAt = lastFailure.getTime() + lockoutPolicy.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000));
}
