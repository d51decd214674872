import { createHash, timingSafeEqual } from "node:crypto";
import { currentUser } from "./context";

/**
 * Who may read /api/health beyond up/down (queue sizes, stuck operation ids: issue 16): provider staff signed in, or
 * a monitor sending `Authorization: Bearer <PORTAL_HEALTH_TOKEN>` when that variable is set.
 */
export async function canReadHealthDetails(request: Request, env: Record<string, string | undefined> = process.env) {
  const expected = env.PORTAL_HEALTH_TOKEN;
  const sent = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (expected && sent) return sameSecret(sent, expected);
  const user = await currentUser();
  return Boolean(user?.staffRole && !user.mustChangePassword);
}

/** Hashing first gives both sides one length, so the comparison takes the same time whatever was sent. */
function sameSecret(a: string, b: string) {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
