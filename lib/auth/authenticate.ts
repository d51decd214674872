import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/crypto/password";
import { recordAudit, type RequestMeta } from "@/lib/audit/record";
import { loginLockState } from "./lockout";
import { isOneTimePasswordExpired } from "./one-time-password";
import { countSignInFailure } from "@/lib/observability/metrics";

export type AuthOutcome =
  | {
      ok: true;
      user: { id: string; email: string; name: string; staffRole: string | null; sessionVersion: number };
    }
  | { ok: false; reason: "invalid" | "expired" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

// A dummy hash keeps the time for an unknown email close to a wrong password, so timing does not reveal accounts.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2p5m0VfQn1q9l4mQx3rM8vC5qK1c0v0L3wY3z0b5b1U";

export async function authenticate(email: string, password: string, meta: RequestMeta): Promise<AuthOutcome> {
  const lock = await loginLockState(email, meta.ip);
  if (lock.locked) {
    await recordAudit(
      { action: "auth.login", outcome: "denied", actorEmail: email, detail: { reason: `locked-${lock.reason}` } },
      db,
      meta,
    );
    countSignInFailure({ method: "password", reason: "locked" });
    return { ok: false, reason: "locked", retryAfterSeconds: lock.retryAfterSeconds };
  }
  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash ?? dummyHash, password);
  if (!user || !valid || user.disabled) {
    await recordAudit(
      { action: "auth.login", outcome: "failure", actorEmail: email, actor: user ? { id: user.id, email } : null },
      db,
      meta,
    );
    countSignInFailure({ method: "password", reason: user?.disabled && valid ? "disabled" : "invalid" });
    return { ok: false, reason: "invalid" };
  }
  if (isOneTimePasswordExpired(user)) {
    await recordAudit(
      {
        action: "auth.login",
        outcome: "denied",
        actor: { id: user.id, email },
        detail: { reason: "one-time password expired" },
      },
      db,
      meta,
    );
    countSignInFailure({ method: "password", reason: "expired" });
    return { ok: false, reason: "expired" };
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ action: "auth.login", actor: { id: user.id, email: user.email } }, db, meta);
  const { id, name, staffRole, sessionVersion } = user;
  return { ok: true, user: { id, email: user.email, name, staffRole, sessionVersion } };
}
