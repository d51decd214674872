import { BlockList, isIP } from "node:net";
import { lookup } from "node:dns/promises";

/**
 * SSRF rule for webhook targets: an address in one of these ranges is refused unless the admin's allow-list (a CIDR or
 * the host name) permits it. Checked when an endpoint is saved and again on every delivery, against the very address
 * the connection then uses (lib/webhooks/http-post.ts), so a name that re-resolves to 127.0.0.1 later is still refused.
 */
const reserved: [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "a 'this network' address"],
  ["10.0.0.0", 8, "ipv4", "a private address"],
  ["100.64.0.0", 10, "ipv4", "a carrier-grade NAT address"],
  ["127.0.0.0", 8, "ipv4", "a loopback address"],
  ["169.254.0.0", 16, "ipv4", "a link-local address (cloud metadata lives here)"],
  ["172.16.0.0", 12, "ipv4", "a private address"],
  ["192.0.0.0", 24, "ipv4", "an IETF protocol address"],
  ["192.0.2.0", 24, "ipv4", "a documentation address"],
  ["192.168.0.0", 16, "ipv4", "a private address"],
  ["198.18.0.0", 15, "ipv4", "a benchmarking address"],
  ["198.51.100.0", 24, "ipv4", "a documentation address"],
  ["203.0.113.0", 24, "ipv4", "a documentation address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  // Azure's platform endpoint (DHCP, DNS, health probes, the VM agent's wire server): reachable from every Azure VM.
  ["168.63.129.16", 32, "ipv4", "Azure's platform (wire server) address"],
  ["::", 128, "ipv6", "the unspecified address"],
  ["::1", 128, "ipv6", "a loopback address"],
  ["64:ff9b::", 96, "ipv6", "a NAT64 address"],
  ["100::", 64, "ipv6", "a discard address"],
  ["2001:db8::", 32, "ipv6", "a documentation address"],
  ["fc00::", 7, "ipv6", "a unique-local (private) address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
];

const ranges = reserved.map(([network, prefix, family, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, reason };
});

/** ::ffff:10.0.0.1 and ::ffff:a00:1 are IPv4 addresses in IPv6 clothing: judge the IPv4 address. */
export function normaliseAddress(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/.exec(bare);
  if (mapped && isIP(bare) === 6) {
    const tail = mapped[1];
    if (isIP(tail) === 4) return { address: tail, family: "ipv4" };
    const parts = tail.split(":");
    if (parts.length === 2) {
      const [hi, lo] = parts.map((p) => parseInt(p, 16));
      return { address: [hi >> 8, hi & 255, lo >> 8, lo & 255].join("."), family: "ipv4" };
    }
  }
  return { address: bare, family: isIP(bare) === 4 ? "ipv4" : "ipv6" };
}

/** Why this address is not a public one, or null when it is. */
export function reservedReason(address: string): string | null {
  const { address: a, family } = normaliseAddress(address);
  for (const range of ranges) if (range.family === family && range.list.check(a, family)) return range.reason;
  return null;
}

export type AllowList = { cidrs: BlockList; hosts: Set<string> };

/** The admin's entries: CIDRs (or single addresses) and host names. */
export function buildAllowList(values: string[]): AllowList {
  const cidrs = new BlockList();
  const hosts = new Set<string>();
  for (const value of values) {
    const cidr = parseCidr(value);
    if (cidr) cidrs.addSubnet(cidr.network, cidr.prefix, cidr.family);
    else hosts.add(value.toLowerCase());
  }
  return { cidrs, hosts };
}

export function parseCidr(value: string): { network: string; prefix: number; family: "ipv4" | "ipv6" } | null {
  const [ip, bits, extra] = value.trim().split("/");
  if (extra !== undefined) return null;
  const version = isIP(ip);
  if (!version) return null;
  const { address, family } = normaliseAddress(ip);
  const max = family === "ipv4" ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!/^\d+$/.test(bits ?? String(max)) || prefix > max) return null;
  return { network: address, prefix, family };
}

export class TargetRefused extends Error {}

/** Throws TargetRefused naming the address and why, unless every address is public or allow-listed. */
export function assertAddressesAllowed(host: string, addresses: string[], allow: AllowList) {
  if (allow.hosts.has(host.toLowerCase())) return;
  for (const raw of addresses) {
    const reason = reservedReason(raw);
    if (!reason) continue;
    const { address, family } = normaliseAddress(raw);
    if (allow.cidrs.check(address, family)) continue;
    const via = isIP(host.replace(/^\[|\]$/g, "")) ? "" : `${host} resolves to ${address}, `;
    throw new TargetRefused(
      `${via}${via ? "" : `${address} is `}${reason}; webhooks may not target it unless an admin adds it to the webhook allow-list.`,
    );
  }
}

/** All A and AAAA records of the host (or the literal address), as the delivery would use them. */
export async function resolveHost(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare)) return [bare];
  const records = await lookup(bare, { all: true, verbatim: true });
  return records.map((r) => r.address);
}
