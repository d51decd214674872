import { ArmError } from "../../core/errors.js";
import type { Store } from "../../core/store.js";
import { findReferenced } from "../referenced.js";
import { formatIpv4, isIpv6, overlaps, parseCidr, type Cidr } from "./cidr.js";
import { asArray, refOf, sameId, type Json } from "./common.js";
import { invalidResourceReference } from "./errors.js";

/**
 * Address space drawn from a Network Manager IPAM pool (`ipamPoolPrefixAllocations` on a vnet's address space and on
 * its subnets). The pool is a resource the emulator does not serve: its owner registers it through
 * `POST /_emulator/resources/referenced` with the pool's `addressPrefixes`, and a vnet allocates from it here.
 *
 * Sources: Learn, virtual-network-manager/concept-ip-address-management (non-overlapping CIDRs assigned automatically,
 * released when the resource is deleted) and how-to-manage-ip-addresses-network-manager (the pool in the vnet's
 * region, subnets referring to the vnet's pool); the rules and codes Azure's verified Terraform module documents
 * from the live API (GH Azure/terraform-azurerm-avm-res-network-virtualnetwork, README "IPAM Allocation Rules and
 * Sizing" and "Common IPAM Issues", PR #71): one allocation per pool (CannotHaveDuplicatePoolIds), pools or static
 * prefixes but not both (CannotMixAddressPrefixAndPoolInPayload), a subnet's pools a subset of its vnet's
 * (SubnetPoolsMustBeSubsetOfVnetPools), and one allocation resolving into one or more prefixes. How a number of
 * addresses resolves: the example VirtualNetworkCreateWithIpamPool (2026-01-01) answers 80 addresses with
 * 10.0.0.0/26 and 10.0.0.64/28, and the module's issue #66 shows 144 as a /25 and a /28: power-of-two blocks,
 * largest first. Messages are unconfirmed; so is the code and wording for a pool with no room left.
 */
const POOL_TYPE = "Microsoft.Network/networkManagers/ipamPools";

export interface IpamAllocation {
  poolId: string;
  cidrs: Cidr[];
  body: Json;
}

const bad = (code: string, message: string) => new ArmError(400, code, message);

const blockOf = (base: number, size: number): Cidr => {
  const prefix = 32 - Math.log2(size);
  return { base, size, prefix, text: `${formatIpv4(base)}/${prefix}` };
};

/** The power-of-two block sizes a number of addresses resolves to, largest first (80 → 64 + 16). */
export function blockSizes(count: number): number[] {
  const sizes: number[] = [];
  for (let bit = 2 ** 31; bit >= 1; bit /= 2) if (Math.floor(count / bit) % 2 === 1) sizes.push(bit);
  return sizes;
}

/** The first aligned block of `size` addresses inside `within` that overlaps nothing in `taken`. */
function firstFree(within: Cidr[], taken: Cidr[], size: number): Cidr | undefined {
  for (const range of within) {
    let base = Math.ceil(range.base / size) * size;
    while (base + size <= range.base + range.size) {
      const candidate = blockOf(base, size);
      const clash = taken.find((t) => overlaps(t, candidate));
      if (!clash) return candidate;
      base = Math.ceil((clash.base + clash.size) / size) * size;
    }
  }
  return undefined;
}

const parsed = (prefixes: unknown): Cidr[] =>
  asArray(prefixes)
    .map((p) => (typeof p === "string" && !isIpv6(p) ? parseCidr(p) : undefined))
    .flatMap((r) => (r?.ok ? [r.cidr] : []));

function numberOf(value: unknown, referrer: string): number {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2 ** 32)
    throw bad(
      "InvalidRequestFormat",
      `Value '${String(value)}' of numberOfIpAddresses in an ipamPoolPrefixAllocation of resource ${referrer} must be a positive whole number of addresses.`,
    );
  return n;
}

/** Resolves `count` addresses into blocks inside `within`, or throws the pool-exhausted refusal. */
function carve(poolId: string, referrer: string, count: number, within: Cidr[], taken: Cidr[]): Cidr[] {
  const out: Cidr[] = [];
  for (const size of blockSizes(count)) {
    const block = firstFree(within, [...taken, ...out], size);
    if (!block)
      throw bad(
        "IpamPoolAddressSpaceExhausted",
        `IPAM pool ${poolId} does not have ${count} free addresses to allocate to resource ${referrer}.`,
      );
    out.push(block);
  }
  return out.sort((a, b) => a.base - b.base);
}

function assertDistinctPools(items: Json[], referrer: string): void {
  items.forEach((a, i) => {
    if (items.slice(i + 1).some((b) => sameId(refOf(a.pool), refOf(b.pool))))
      throw bad(
        "CannotHaveDuplicatePoolIds",
        `Resource ${referrer} references IPAM pool ${String(refOf(a.pool))} more than once.`,
      );
  });
}

const allocationBody = (poolId: string, count: string, cidrs: Cidr[]): Json => ({
  numberOfIpAddresses: count,
  pool: { id: poolId },
  allocatedAddressPrefixes: cidrs.map((c) => c.text),
});

/** Prefixes of every other vnet's allocation from this pool (all subscriptions: a pool serves its manager's scope). */
function takenInPool(store: Store, poolId: string, vnetId: string): Cidr[] {
  return store
    .listResources({ type: "Microsoft.Network/virtualNetworks" })
    .filter((v) => !sameId(v.id, vnetId))
    .flatMap((v) =>
      asArray(((v.body.properties as Json | undefined)?.addressSpace as Json | undefined)?.ipamPoolPrefixAllocations),
    )
    .filter((a) => sameId(refOf(a.pool), poolId))
    .flatMap((a) => parsed(a.allocatedAddressPrefixes));
}

/** The prefixes a subnet was sent with (`addressPrefix` or `addressPrefixes`). */
export const sentPrefixes = (p: Json): unknown[] =>
  p.addressPrefix !== undefined ? [p.addressPrefix] : asArray(p.addressPrefixes);

/**
 * What a subnet drawing on a pool must stay clear of: the prefixes the request's other subnets were sent with, or,
 * for those drawing on pools too, the prefixes they already hold.
 */
export function heldByOtherSubnets(subnets: Json[], subnet: Json, previousOf: (s: Json) => Json | undefined): Cidr[] {
  return subnets
    .filter((o) => o !== subnet)
    .flatMap((o) => {
      const q = (o.properties ?? {}) as Json;
      return asArray(q.ipamPoolPrefixAllocations).length
        ? asArray(previousOf(o)?.properties?.ipamPoolPrefixAllocations).flatMap((a) =>
            parsed(a.allocatedAddressPrefixes),
          )
        : parsed(sentPrefixes(q));
    });
}

/** A prefix list sent beside pools is a mix unless it is exactly what the pools allocated before (a GET sent back). */
export function assertNotMixed(sent: unknown, previous: Json[], referrer: string): void {
  const before = new Set(previous.flatMap((a) => asArray(a.allocatedAddressPrefixes).map(String)));
  if (asArray(sent).some((p) => !before.has(String(p))))
    throw bad(
      "CannotMixAddressPrefixAndPoolInPayload",
      `Resource ${referrer} cannot have both address prefixes and IPAM pool prefix allocations in the request.`,
    );
}

/** The vnet's address space from its pools: same region, one allocation each, a kept allocation not moved. */
export function allocateVnetSpace(
  store: Store,
  opts: { vnetId: string; location: string; requested: unknown; previous: Json[] },
): IpamAllocation[] {
  const items = asArray(opts.requested) as Json[];
  assertDistinctPools(items, opts.vnetId);
  // One IPv4 and one IPv6 pool per vnet ("only one association of each IP type is allowed", the module's README;
  // the code is unconfirmed). Only IPv4 pools are modelled, so two pools are two of one type.
  if (items.length > 1)
    throw bad(
      "InvalidIpamPoolAssociation",
      `Virtual network ${opts.vnetId} references ${items.length} IPv4 IPAM pools: only one association of each IP type is allowed.`,
    );
  return items.map((item) => {
    const poolRef = String(refOf(item.pool) ?? "");
    const pool = findReferenced(store, poolRef, POOL_TYPE);
    if (!pool || !sameId(pool.body.location, opts.location)) throw invalidResourceReference(poolRef, opts.vnetId);
    const count = numberOf(item.numberOfIpAddresses, opts.vnetId);
    const kept = opts.previous.find(
      (p) => sameId(refOf(p.pool), pool.id) && String(p.numberOfIpAddresses) === String(item.numberOfIpAddresses),
    );
    const cidrs = kept
      ? parsed(kept.allocatedAddressPrefixes)
      : carve(
          pool.id,
          opts.vnetId,
          count,
          parsed((pool.body.properties as Json | undefined)?.addressPrefixes),
          takenInPool(store, pool.id, opts.vnetId),
        );
    return { poolId: pool.id, cidrs, body: allocationBody(pool.id, String(item.numberOfIpAddresses), cidrs) };
  });
}

/** A subnet's prefixes from its vnet's pools, outside every other subnet's (`taken`). */
export function allocateSubnetSpace(opts: {
  subnetId: string;
  requested: unknown;
  previous: Json[];
  vnetPools: IpamAllocation[];
  taken: Cidr[];
}): IpamAllocation[] {
  const items = asArray(opts.requested) as Json[];
  assertDistinctPools(items, opts.subnetId);
  return items.map((item) => {
    const poolRef = String(refOf(item.pool) ?? "");
    const vnetPool = opts.vnetPools.find((p) => sameId(p.poolId, poolRef));
    if (!vnetPool)
      throw bad(
        "SubnetPoolsMustBeSubsetOfVnetPools",
        `Subnet ${opts.subnetId} references IPAM pool ${poolRef}, which its virtual network does not allocate from.`,
      );
    const count = numberOf(item.numberOfIpAddresses, opts.subnetId);
    const kept = opts.previous.find(
      (p) => sameId(refOf(p.pool), poolRef) && String(p.numberOfIpAddresses) === String(item.numberOfIpAddresses),
    );
    const keptCidrs = kept ? parsed(kept.allocatedAddressPrefixes) : [];
    const stillFree =
      keptCidrs.length > 0 &&
      keptCidrs.every((c) => vnetPool.cidrs.some((v) => v.base <= c.base && c.base + c.size <= v.base + v.size)) &&
      !keptCidrs.some((c) => opts.taken.some((t) => overlaps(t, c)));
    const cidrs = stillFree ? keptCidrs : carve(vnetPool.poolId, opts.subnetId, count, vnetPool.cidrs, opts.taken);
    return {
      poolId: vnetPool.poolId,
      cidrs,
      body: allocationBody(vnetPool.poolId, String(item.numberOfIpAddresses), cidrs),
    };
  });
}
