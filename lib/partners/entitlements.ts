export type Entitlement = { subscriptionId: string; friendlyName: string; status: string };

/** PartnerCustomer.entitlements as written by the sync job (a JSON column). */
export function readEntitlements(json: unknown): Entitlement[] {
  return Array.isArray(json) ? (json as Entitlement[]) : [];
}

/**
 * The role assignment's name: a GUID derived from customer, subscription and role, so a re-run of the onboarding (or
 * a second onboarding of the same subscription) PUTs the same assignment instead of adding one.
 */
export function roleAssignmentName(
  hash: (text: string) => string,
  customerTenantId: string,
  subscriptionId: string,
  role: string,
) {
  const h = hash(`${customerTenantId}|${subscriptionId}|${role}`.toLowerCase());
  // RFC 4122 layout with version 5 and the variant bits, like a name-based GUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
