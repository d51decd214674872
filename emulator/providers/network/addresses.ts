import type { Store } from "../../core/store.js";
import { formatIpv4, isReservedInSubnet, parseCidr, parseIpv4, type Cidr } from "./cidr.js";
import { invalidValue } from "./errors.js";
import { asArray, type Json, refOf, sameId } from "./json.js";
import { TYPES } from "./back-references.js";

interface AddressState {
  nextPublic: number;
}

/** Fake public range 20.0.0.0/8 handed out in order; the counter lives in the store so a restart never reuses one. */
const PUBLIC_BASE = parseIpv4("20.0.0.0")!;
const PUBLIC_SIZE = 2 ** 24;

/**
 * Allocates a public IPv4 address unique within the emulator. Exported for the Compute RP, which gives a Dynamic
 * public IP its address when the VM using it starts (`properties.ipAddress = allocatePublicIp(store)`).
 */
export function allocatePublicIp(store: Store): string {
  const state = store.ext<AddressState>("network.addresses", () => ({ nextPublic: 4 }));
  const taken = new Set(
    store
      .listResources({ type: TYPES.pip })
      .map((r) => String((r.body.properties as Json | undefined)?.ipAddress ?? "")),
  );
  for (let i = 0; i < PUBLIC_SIZE; i++) {
    const n = state.nextPublic++ % PUBLIC_SIZE;
    const address = formatIpv4(PUBLIC_BASE + n);
    if (n % 256 !== 0 && n % 256 !== 255 && !taken.has(address)) {
      store.markDirty();
      return address;
    }
  }
  throw invalidValue("PublicIPAddressNotAvailable", "No public IP address is available in the emulator's range.");
}

/** Private addresses in use in a subnet (NIC ipConfigurations and internal LB frontends), except `excludeOwner`'s. */
export function privateAddressesInUse(
  store: Store,
  subscriptionId: string,
  subnetId: string,
  excludeOwner?: string,
): Set<string> {
  const used = new Set<string>();
  const add = (ownerId: string, items: Json[]) => {
    if (excludeOwner && sameId(ownerId, excludeOwner)) return;
    for (const item of items) {
      if (sameId(refOf(item.properties?.subnet), subnetId) && item.properties?.privateIPAddress)
        used.add(String(item.properties.privateIPAddress));
    }
  };
  for (const nic of store.listResources({ subscriptionId, type: TYPES.nic }))
    add(nic.id, asArray((nic.body.properties as Json | undefined)?.ipConfigurations));
  for (const lb of store.listResources({ subscriptionId, type: TYPES.lb }))
    add(lb.id, asArray((lb.body.properties as Json | undefined)?.frontendIPConfigurations));
  return used;
}

export function subnetCidr(subnet: Json): Cidr | undefined {
  const prefix = subnet.properties?.addressPrefix ?? asArray(subnet.properties?.addressPrefixes)[0];
  const parsed = parseCidr(prefix);
  return parsed.ok ? parsed.cidr : undefined;
}

/** Dynamic allocation: the lowest free address after Azure's reserved ones. */
export function nextPrivateIp(subnet: Json, used: Set<string>): string {
  const cidr = subnetCidr(subnet);
  if (cidr) {
    for (let a = cidr.base; a < cidr.base + cidr.size; a++) {
      const text = formatIpv4(a);
      if (!isReservedInSubnet(cidr, a) && !used.has(text)) return text;
    }
  }
  // (unconfirmed) code and message for a subnet without free addresses.
  throw invalidValue(
    "SubnetIsFull",
    `Subnet ${String(subnet.name)} with address prefix ${String(subnet.properties?.addressPrefix)} does not have enough capacity for 1 IP addresses.`,
  );
}

/** Static allocation checks; the codes are real (seen in lab notes), the messages (unconfirmed). */
export function assertStaticPrivateIp(subnet: Json, address: unknown, used: Set<string>): string {
  const cidr = subnetCidr(subnet);
  const n = typeof address === "string" ? parseIpv4(address) : undefined;
  if (n === undefined || !cidr || n < cidr.base || n >= cidr.base + cidr.size) {
    throw invalidValue(
      "PrivateIPAddressNotInSubnet",
      `IP address ${String(address)} does not belong to subnet ${String(subnet.id)}.`,
    );
  }
  if (isReservedInSubnet(cidr, n))
    throw invalidValue(
      "PrivateIPAddressInReservedRange",
      `IP address ${String(address)} is reserved by Azure in subnet ${String(subnet.id)}.`,
    );
  if (used.has(String(address)))
    throw invalidValue(
      "PrivateIPAddressIsAllocated",
      `IP configuration requests private IP address ${String(address)}, which is already allocated to another resource in subnet ${String(subnet.id)}.`,
    );
  return String(address);
}
