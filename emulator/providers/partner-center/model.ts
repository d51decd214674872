import { addDirectory, addSubscription } from "../../core/directory.js";
import { newGuid } from "../../core/ids.js";
import type { Store } from "../../core/store.js";

/** Partner Center's offer id of the Azure plan (Microsoft Customer Agreement), as its catalogue lists it. */
export const AZURE_PLAN_OFFER_ID = "DZH318Z0BPS6:0001";

export interface PcCustomer {
  tenantId: string;
  companyName: string;
  domain: string;
  /** The partner holds GDAP rights in this customer (an admin relationship whose roles cover role assignments). */
  gdap: boolean;
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

export const pcState = (store: Store): PcState =>
  store.ext<PcState>("partner-center", () => ({
    partners: {},
    consentDelaySeconds: 30,
    rateLimit: { requests: 300, windowSeconds: 60 },
    usage: {},
  }));

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
    gdap: c.gdap ?? true,
    consentYieldsPrincipal: c.consentYieldsPrincipal ?? true,
    azurePlan: subs.length || c.azurePlan ? { id: newGuid(), entitlements: subs.map((s) => s.subscriptionId) } : null,
    consents: {},
  };
  partner.customers[dir.tenantId] = customer;
  store.markDirty();
  return customer;
}

/** The partner that holds GDAP rights over a directory for the given app (the app is homed in the partner's tenant). */
export function delegatedPartner(store: Store, homeTenantId: string, customerTenantId: string): PcPartner | undefined {
  const partner = pcState(store).partners[homeTenantId];
  return partner?.customers[customerTenantId]?.gdap ? partner : undefined;
}
