import { addDirectory, addSubscription } from "../../core/directory.js";
import { newGuid } from "../../core/ids.js";
import type { Store } from "../../core/store.js";
import {
  addRelationship,
  ENTRA_ROLES,
  ensureGroup,
  isLiveRelationship,
  relationshipsBetween,
  terminateRelationship,
} from "../graph/model.js";

/** Partner Center's offer id of the Azure plan (Microsoft Customer Agreement), as its catalogue lists it. */
export const AZURE_PLAN_OFFER_ID = "DZH318Z0BPS6:0001";

export interface PcCustomer {
  tenantId: string;
  companyName: string;
  domain: string;
  /** False models a consent Entra never turns into a service principal (the portal must give up in time). */
  consentYieldsPrincipal: boolean;
  /** The Azure plan's Partner Center subscription id and the Azure subscriptions under it; null without a plan. */
  azurePlan: { id: string; entitlements: string[] } | null;
  /** Application consents by application id, with when they were created. */
  consents: Record<string, { createdAt: string; displayName: string }>;
}

export interface PcPartner {
  tenantId: string;
  /** Apps registered in Partner Center for API access (app-only). */
  appIds: string[];
  customers: Record<string, PcCustomer>;
}

export interface PcState {
  partners: Record<string, PcPartner>;
  /** Modelled seconds between a consent and its service principal showing in the customer's directory. */
  consentDelaySeconds: number;
  /** Partner Center's per-partner request budget (429 with Retry-After beyond it), in modelled seconds. */
  rateLimit: { requests: number; windowSeconds: number };
  /** Request times (real ms) per partner tenant in the current window. */
  usage: Record<string, number[]>;
}

export function pcState(store: Store): PcState {
  const state = store.ext<PcState>("partner-center", () => ({
    partners: {},
    consentDelaySeconds: 30,
    rateLimit: { requests: 300, windowSeconds: 60 },
    usage: {},
  }));
  upgradeGdapFlags(store, state);
  return state;
}

/**
 * A state saved before GDAP relationships were modelled carries a `gdap` flag per customer: a flag that was true
 * becomes the relationship the seed now gives (so an existing demo keeps onboarding), and the flag goes.
 */
function upgradeGdapFlags(store: Store, state: PcState) {
  for (const partner of Object.values(state.partners))
    for (const customer of Object.values(partner.customers) as (PcCustomer & { gdap?: boolean })[]) {
      if (customer.gdap === undefined) continue;
      const had = customer.gdap;
      delete customer.gdap;
      if (had && !hasGdap(store, partner, customer)) grantGdap(store, partner, customer);
      store.markDirty();
    }
}

export function addPartner(store: Store, p: { tenantId: string; appId: string }): PcPartner {
  const state = pcState(store);
  const partner = (state.partners[p.tenantId] ??= { tenantId: p.tenantId, appIds: [], customers: {} });
  if (!partner.appIds.includes(p.appId)) partner.appIds.push(p.appId);
  store.markDirty();
  return partner;
}

export interface NewCustomer {
  partnerTenantId: string;
  companyName: string;
  tenantId?: string;
  domain?: string;
  /**
   * An active GDAP relationship granting the partner's "Azure managers" group (with the partner's apps in it)
   * Directory Readers and Privileged Role Administrator (default); false = no relationship.
   */
  gdap?: boolean;
  consentYieldsPrincipal?: boolean;
  /** Azure subscription ids (created in the customer's directory) under an Azure plan; none or absent = no plan. */
  azureSubscriptions?: { subscriptionId?: string; displayName?: string }[];
  /** Give the customer an Azure plan even with no subscriptions yet. */
  azurePlan?: boolean;
}

/** A customer directory with its Azure plan subscriptions, linked to the partner (idempotent by tenant id). */
export function addCustomer(store: Store, c: NewCustomer): PcCustomer {
  const partner = pcState(store).partners[c.partnerTenantId];
  if (!partner) throw new Error(`No partner ${c.partnerTenantId}`);
  const existing = c.tenantId ? partner.customers[c.tenantId] : undefined;
  if (existing) return existing;
  const dir =
    (c.tenantId && store.state.directories[c.tenantId]) || addDirectory(store, { ...c, displayName: c.companyName });
  const subs = (c.azureSubscriptions ?? []).map(
    (s) =>
      store.getSubscription(s.subscriptionId ?? "") ??
      addSubscription(store, {
        tenantId: dir.tenantId,
        subscriptionId: s.subscriptionId,
        displayName: s.displayName ?? `Azure plan (${c.companyName})`,
      }),
  );
  const customer: PcCustomer = {
    tenantId: dir.tenantId,
    companyName: c.companyName,
    domain: dir.domain,
    consentYieldsPrincipal: c.consentYieldsPrincipal ?? true,
    azurePlan: subs.length || c.azurePlan ? { id: newGuid(), entitlements: subs.map((s) => s.subscriptionId) } : null,
    consents: {},
  };
  partner.customers[dir.tenantId] = customer;
  if (c.gdap ?? true) grantGdap(store, partner, customer);
  store.markDirty();
  return customer;
}

/** The GDAP relationship a customer approves for a CSP that manages its Azure subscriptions. */
export function grantGdap(store: Store, partner: PcPartner, customer: PcCustomer) {
  const group = ensureGroup(store, {
    tenantId: partner.tenantId,
    displayName: "Azure managers",
    members: partner.appIds.flatMap((appId) => store.findPrincipalByAppId(appId)?.objectId ?? []),
  });
  return addRelationship(store, {
    partnerTenantId: partner.tenantId,
    customerTenantId: customer.tenantId,
    customerDisplayName: customer.companyName,
    unifiedRoles: [ENTRA_ROLES.directoryReaders, ENTRA_ROLES.privilegedRoleAdministrator],
    groupId: group.id,
  });
}

/** Terminates every live GDAP relationship between the partner and the customer. */
export function revokeGdap(store: Store, partner: PcPartner, customer: PcCustomer) {
  for (const r of relationshipsBetween(store, partner.tenantId, customer.tenantId))
    if (isLiveRelationship(r)) terminateRelationship(store, r.id);
}

export const hasGdap = (store: Store, partner: PcPartner, customer: PcCustomer) =>
  relationshipsBetween(store, partner.tenantId, customer.tenantId).some((r) => isLiveRelationship(r));
