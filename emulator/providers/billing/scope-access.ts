import { roleAt } from "../../core/directory.js";
import { ArmError } from "../../core/errors.js";
import type { Principal } from "../../core/state.js";
import type { Store } from "../../core/store.js";
import { findScope, lineage, parseScope, subscriptionsUnder } from "./scopes.js";

/**
 * Who may query costs at a billing scope or management group, and the subscriptions the answer sums.
 *
 * - Billing scopes are guarded by billing roles, not RBAC (Learn, "Assign access to Cost Management data"): an
 *   Enterprise admin sees the enrollment "and all other scopes, which are child scopes", a department admin the
 *   department, an account owner the enrollment account; Customer Agreement roles likewise cover the scopes under
 *   theirs ("Billing users have access to cost data for the subscriptions and resource groups that are under their
 *   respective scopes", "Understand and work with scopes"). Cost Management checks the caller's billing claims, so a
 *   scope nobody granted the caller answers as one that does not exist: 401 BillingAccessDenied "The user does not
 *   have valid claims on any enrollmentaccounts." (wording from a public report of a department-scope call,
 *   microsoft/finops-toolkit#1495; the status is taken from Cost Management's other claim refusal, 401
 *   RBACAccessDenied, Azure/azqr#68).
 * - Management groups are RBAC scopes: Reader (or Cost Management Reader) on the group or a group above it. A group
 *   that does not exist is 404 ManagementGroupNotFound "The management group '{name}' cannot be found." (wording from
 *   public error reports of a role assignment at an unknown group; for the query, unconfirmed); a caller without a
 *   role is refused as ARM refuses any RBAC scope, 403 AuthorizationFailed.
 * - The EA "DA view charges" / "AO view charges" policies are not modelled: they are taken as on.
 */
const COLLECTIONS: Record<string, string> = {
  billingAccount: "billingaccounts",
  department: "departments",
  enrollmentAccount: "enrollmentaccounts",
  billingProfile: "billingprofiles",
  invoiceSection: "invoicesections",
  customer: "customers",
};

export function subscriptionsForQuery(store: Store, principal: Principal, scopeId: string, path: string): string[] {
  const shape = parseScope(scopeId);
  const scope = findScope(store, scopeId);
  if (shape?.kind === "managementGroup") {
    const name = scopeId.split("/").pop();
    if (!scope) throw new ArmError(404, "ManagementGroupNotFound", `The management group '${name}' cannot be found.`);
    if (!lineage(store, scope).some((g) => roleAt(store, principal.objectId, g.id)))
      throw new ArmError(
        403,
        "AuthorizationFailed",
        `The client '${principal.appId}' with object id '${principal.objectId}' does not have authorization to perform action 'Microsoft.CostManagement/query/action' over scope '${path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
    return subscriptionsUnder(store, scope);
  }
  if (!shape || !scope || !lineage(store, scope).some((s) => s.readers.includes(principal.objectId)))
    throw new ArmError(
      401,
      "BillingAccessDenied",
      `The user does not have valid claims on any ${COLLECTIONS[shape?.kind ?? "billingAccount"]}.`,
    );
  return subscriptionsUnder(store, scope);
}
