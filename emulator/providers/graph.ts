import { defineProvider } from "../core/plugin.js";
import { ArmError } from "../core/errors.js";
import { graphRoutes } from "./graph/api.js";
import {
  addRelationship,
  ensureGroup,
  graphState,
  terminateRelationship,
  type RelationshipStatus,
} from "./graph/model.js";

const bad = (message: string) => new ArmError(400, "InvalidControlRequest", message);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Microsoft Graph (v1.0) beside ARM: service principals of a directory and the partner's granular delegated admin
 * (GDAP) relationships with their access assignments. The relationships also decide, in the partner-center provider,
 * whether a partner's app may write role assignments in a customer's subscription.
 */
export default defineProvider({
  name: "graph",
  routes: [],
  serviceRoutes: graphRoutes,
  control: [
    {
      // { partnerTenantId, customerTenantId, roles: [roleDefinitionId], status?, groupName?, memberAppIds?, durationDays? }
      method: "POST",
      path: "graph/delegated-admin-relationships",
      handler: ({ store, clock }, body) => {
        const partner = store.state.directories[String(body.partnerTenantId)];
        const customer = store.state.directories[String(body.customerTenantId)];
        if (!partner || !customer) throw bad("Relationships need existing 'partnerTenantId' and 'customerTenantId'.");
        const roles = Array.isArray(body.roles) ? body.roles.map(String) : [];
        if (!roles.length || !roles.every((r) => GUID.test(r))) throw bad("'roles' must list role definition ids.");
        const members = (Array.isArray(body.memberAppIds) ? body.memberAppIds : []).map((appId: unknown) => {
          const p = store.findPrincipalByAppId(String(appId));
          if (!p || p.tenantId !== partner.tenantId) throw bad(`No app ${String(appId)} in the partner's directory.`);
          return p.objectId;
        });
        const group = ensureGroup(store, {
          tenantId: partner.tenantId,
          displayName: String(body.groupName ?? "Azure managers"),
          members,
        });
        const relationship = addRelationship(
          store,
          {
            partnerTenantId: partner.tenantId,
            customerTenantId: customer.tenantId,
            customerDisplayName: customer.displayName,
            status: (body.status as RelationshipStatus | undefined) ?? "active",
            unifiedRoles: roles,
            groupId: group.id,
            durationDays: typeof body.durationDays === "number" ? body.durationDays : undefined,
          },
          clock.now(),
        );
        return { status: 201, body: relationship };
      },
    },
    {
      // { id }: the relationship is terminated (its access assignments deleted).
      method: "DELETE",
      path: "graph/delegated-admin-relationships",
      handler: ({ store, clock }, body) => {
        if (!graphState(store).relationships[String(body.id)]) throw bad("No such relationship.");
        return { status: 200, body: terminateRelationship(store, String(body.id), clock.now()) };
      },
    },
    {
      method: "GET",
      path: "graph/state",
      handler: ({ store }) => ({ status: 200, body: graphState(store) }),
    },
  ],
});
