/** IPv4 prefix arithmetic for address spaces, subnets and private IP allocation (IPv6 prefixes are accepted unchecked). */
export interface Cidr {
  text: string;
  /** First address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  size: number;
}

export type CidrParse =
  { ok: true; cidr: Cidr } | { ok: false; reason: "format" } | { ok: false; reason: "notation"; canonical: string };

export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

export const isIpv6 = (text: string): boolean => text.includes(":");

export function parseCidr(text: unknown): CidrParse {
  if (typeof text !== "string") return { ok: false, reason: "format" };
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text.trim());
  const address = m ? parseIpv4(m[1]) : undefined;
  const prefix = m ? Number(m[2]) : NaN;
  if (address === undefined || !(prefix >= 0 && prefix <= 32)) return { ok: false, reason: "format" };
  const size = 2 ** (32 - prefix);
  const base = address - (address % size);
  if (base !== address) return { ok: false, reason: "notation", canonical: `${formatIpv4(base)}/${prefix}` };
  return { ok: true, cidr: { text: text.trim(), base, prefix, size } };
}

export const contains = (outer: Cidr, inner: Cidr): boolean =>
  inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;

export const overlaps = (a: Cidr, b: Cidr): boolean => a.base < b.base + b.size && b.base < a.base + a.size;

export const containsAddress = (c: Cidr, address: number): boolean => address >= c.base && address < c.base + c.size;

/**
 * Azure keeps five addresses of every subnet: the network address, .1 (gateway), .2 and .3 (Azure DNS) and the
 * broadcast address (LEARN virtual-network FAQ).
 */
export const isReservedInSubnet = (c: Cidr, address: number): boolean =>
  address - c.base < 4 || address === c.base + c.size - 1;
