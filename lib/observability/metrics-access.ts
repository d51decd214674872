import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "allowed" | "unauthorized" | "disabled";

/**
 * Metrics are read with `Authorization: Bearer <PORTAL_METRICS_TOKEN>`. Without that variable the endpoints do not
 * exist (404): queue sizes, tenants' operation counts and sign-in failures are not for anyone who asks.
 */
export function metricsAccess(authorization: string | null | undefined, env = process.env): MetricsAccess {
  const expected = env.PORTAL_METRICS_TOKEN;
  if (!expected) return "disabled";
  const sent = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  return sent && sameSecret(sent, expected) ? "allowed" : "unauthorized";
}

/** Hashing first gives both sides one length, so the comparison takes the same time whatever was sent. */
function sameSecret(a: string, b: string) {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
