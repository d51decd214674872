import { isIP } from "node:net";

/**
 * How many reverse proxies in front of the portal append to X-Forwarded-For (PORTAL_TRUSTED_PROXIES, default 0).
 * The web server appends the socket's address itself (scripts/lib/forwarded-for.mjs), so with 0 the client is the
 * socket and whatever X-Forwarded-For a client sends changes nothing.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env) {
  const hops = Number(env.PORTAL_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(hops) && hops >= 0 ? hops : 0;
}

/**
 * The address the server can vouch for: the entry `hops` places from the right of the chain (each trusted proxy
 * appended the address it received from). Entries left of that are the client's own claims and are ignored.
 */
export function clientIp(forwardedFor: string | null | undefined, hops = trustedProxyHops()): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return null;
  const entry = chain[Math.max(0, chain.length - 1 - hops)].replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(entry) ? entry : null;
}

export const requestClientIp = (headers: Headers) => clientIp(headers.get("x-forwarded-for"));
