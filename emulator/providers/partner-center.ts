import { defineProvider } from "../core/plugin.js";
import { ArmError } from "../core/errors.js";
import { partnerCenterRoutes } from "./partner-center/api.js";
import { roleAssignmentRoutes } from "./partner-center/role-assignments.js";
import { seedPartnerCenter } from "./partner-center/seed.js";
import { addCustomer, addPartner, grantGdap, hasGdap, pcState, revokeGdap } from "./partner-center/model.js";

const bad = (message: string) => new ArmError(400, "InvalidControlRequest", message);

/**
 * Partner Center (CSP): customers, their Azure plan entitlements and application consents, served beside ARM at
 * /v1/..., plus Microsoft.Authorization/roleAssignments on subscriptions, which a partner's app may write in a
 * customer's subscription when a live GDAP relationship grants it a role-assigning role there (emulator/providers/graph).
 */
export default defineProvider({
  name: "partner-center",
  routes: roleAssignmentRoutes,
  serviceRoutes: partnerCenterRoutes,
  seed: seedPartnerCenter,
  control: [
    {
      method: "POST",
      path: "partner-center/partners",
      handler: ({ store }, body) => {
        if (
          !body.tenantId ||
          !store.state.directories[body.tenantId] ||
          !store.findPrincipalByAppId(String(body.appId))
        )
          throw bad("partners need an existing directory 'tenantId' and the 'appId' of an app in it.");
        return { status: 201, body: addPartner(store, { tenantId: body.tenantId, appId: String(body.appId) }) };
      },
    },
    {
      method: "POST",
      path: "partner-center/customers",
      handler: ({ store }, body) => {
        if (!pcState(store).partners[body.partnerTenantId]) throw bad("customers need an existing 'partnerTenantId'.");
        if (typeof body.companyName !== "string") throw bad("customers need a 'companyName'.");
        return { status: 201, body: addCustomer(store, body as Parameters<typeof addCustomer>[1]) };
      },
    },
    {
      // Flags of an existing customer: { partnerTenantId, tenantId, gdap?, consentYieldsPrincipal? }.
      method: "PUT",
      path: "partner-center/customers",
      handler: ({ store }, body) => {
        const partner = pcState(store).partners[body.partnerTenantId];
        const customer = partner?.customers[body.tenantId];
        if (!customer) throw bad("No such customer of that partner.");
        // gdap: true adds an active GDAP relationship (see grantGdap); false terminates the live ones.
        if (body.gdap === true && !hasGdap(store, partner, customer)) grantGdap(store, partner, customer);
        if (body.gdap === false) revokeGdap(store, partner, customer);
        if (typeof body.consentYieldsPrincipal === "boolean")
          customer.consentYieldsPrincipal = body.consentYieldsPrincipal;
        store.markDirty();
        return { status: 200, body: customer };
      },
    },
    {
      // { consentDelaySeconds?, rateLimit?: { requests, windowSeconds } } in modelled seconds.
      method: "PUT",
      path: "partner-center/config",
      handler: ({ store }, body) => {
        const state = pcState(store);
        if (typeof body.consentDelaySeconds === "number") state.consentDelaySeconds = body.consentDelaySeconds;
        if (body.rateLimit && typeof body.rateLimit === "object")
          state.rateLimit = { ...state.rateLimit, ...body.rateLimit };
        state.usage = {};
        store.markDirty();
        const { usage: _usage, partners: _partners, ...config } = state;
        return { status: 200, body: config };
      },
    },
    {
      method: "GET",
      path: "partner-center/state",
      handler: ({ store }) => ({ status: 200, body: { ...pcState(store), usage: undefined } }),
    },
  ],
});
