import type { SeedContext } from "../../core/seed-context.js";
import { addCustomer, addPartner, pcState } from "./model.js";

/** Fixed ids of the demo partner (a CSP with three customers); the app's secret is generated per state. */
export const PARTNER = {
  tenantId: "5e1a9c3d-7b2f-4e8a-9d6c-1f0b2a3c4d5e",
  appId: "6f2b0d4e-8c3a-4f9b-8e7d-2a1c3b4d5e6f",
  customers: {
    northwind: "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    tailspin: "9b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e",
    wideWorld: "ac3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f",
  },
  subscriptions: {
    northwind: "b4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f",
    tailspinProd: "c5e6f7a8-1b2c-4d3e-9f4a-5b6c7d8e9f0a",
    tailspinDev: "d6f7a8b9-2c3d-4e4f-8a5b-6c7d8e9f0a1b",
  },
} as const;

export function seedPartnerCenter(seed: SeedContext): void {
  const { store } = seed;
  if (!store.state.directories[PARTNER.tenantId])
    seed.addDirectory({
      tenantId: PARTNER.tenantId,
      displayName: "Fabrikam CSP",
      domain: "fabrikamcsp.onmicrosoft.com",
    });
  if (!store.state.principals[PARTNER.appId])
    seed.addPrincipal({
      appId: PARTNER.appId,
      objectId: `${PARTNER.appId.slice(0, 8)}-0000-4000-8000-${PARTNER.appId.slice(-12)}`,
      tenantId: PARTNER.tenantId,
      displayName: "fabrikam-csp-portal",
    });
  if (pcState(store).partners[PARTNER.tenantId]) return;
  addPartner(store, { tenantId: PARTNER.tenantId, appId: PARTNER.appId });
  const partnerTenantId = PARTNER.tenantId;
  addCustomer(store, {
    partnerTenantId,
    tenantId: PARTNER.customers.northwind,
    companyName: "Northwind Traders",
    domain: "northwindtraders.onmicrosoft.com",
    azureSubscriptions: [{ subscriptionId: PARTNER.subscriptions.northwind, displayName: "Northwind Azure plan" }],
  });
  addCustomer(store, {
    partnerTenantId,
    tenantId: PARTNER.customers.tailspin,
    companyName: "Tailspin Toys",
    domain: "tailspintoys.onmicrosoft.com",
    azureSubscriptions: [
      { subscriptionId: PARTNER.subscriptions.tailspinProd, displayName: "Tailspin production" },
      { subscriptionId: PARTNER.subscriptions.tailspinDev, displayName: "Tailspin development" },
    ],
  });
  addCustomer(store, {
    partnerTenantId,
    tenantId: PARTNER.customers.wideWorld,
    companyName: "Wide World Importers",
    domain: "wideworldimporters.onmicrosoft.com",
    gdap: false,
  });
}
