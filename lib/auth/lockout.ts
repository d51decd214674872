import { db } from "@/lib/db/client";

/**
 * Failed sign-ins are counted from the audit log, so throttling needs no state of its own and shows up in audit.
 * Per account, a growing delay instead of a lock (issue 16: five wrong passwords from anyone locked the real user out
 * for 15 minutes): the first five failures cost nothing, then each waits twice as long as the one before, at most
 * five minutes. Per client IP (as lib/auth/client-ip.ts vouches for it), a hard limit over the window.
 */
export const lockoutPolicy = {
  windowMinutes: 15,
  freeFailuresPerAccount: 5,
  firstDelaySeconds: 30,
  maxDelaySeconds: 300,
  maxFailuresPerIp: 20,
};

export type LockState = { locked: false } | { locked: true; reason: "account" | "ip"; retryAfterSeconds: number };

/** Seconds an account waits after its latest failure, given its failures since the last success in the window. */
export function accountDelaySeconds(failures: number) {
  const extra = failures - lockoutPolicy.freeFailuresPerAccount;
  if (extra <= 0) return 0;
  return Math.min(lockoutPolicy.maxDelaySeconds, lockoutPolicy.firstDelaySeconds * 2 ** (extra - 1));
}

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
    // Enough failures to reach the longest delay; more change nothing.
    take: lockoutPolicy.freeFailuresPerAccount + 1 + Math.ceil(Math.log2(lockoutPolicy.maxDelaySeconds)),
    select: { at: true },
  });
  const delay = accountDelaySeconds(accountFailures.length);
  if (delay > 0) {
    const wait = secondsUntil(accountFailures[0].at.getTime() + delay * 1000, now);
    if (wait > 0) return { locked: true, reason: "account", retryAfterSeconds: wait };
  }
  if (ip) {
    const ipFailures = await db.auditEvent.findMany({
      where: { action: "auth.login", outcome: "failure", ip, at: { gte: since } },
      orderBy: { at: "desc" },
      take: lockoutPolicy.maxFailuresPerIp,
      select: { at: true },
    });
    if (ipFailures.length >= lockoutPolicy.maxFailuresPerIp) {
      // The oldest counted failure leaving the window frees one attempt.
      const oldest = ipFailures[ipFailures.length - 1].at.getTime();
      const wait = secondsUntil(oldest + lockoutPolicy.windowMinutes * 60_000, now);
      if (wait > 0) return { locked: true, reason: "ip", retryAfterSeconds: wait };
    }
  }
  return { locked: false };
}

function secondsUntil(at: number, now: Date) {
  return Math.ceil((at - now.getTime()) / 1000);
}
