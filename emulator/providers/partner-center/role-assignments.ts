import { ArmError } from "../../core/errors.js";
import { roleAt } from "../../core/directory.js";
import type { RequestContext, RouteDef } from "../../core/plugin.js";
import type { RoleName } from "../../core/state.js";
import { apiVersionsFor } from "../../specs/api-versions.js";
import { gdapAllowsRoleAssignment } from "../graph/model.js";
import { pcState } from "./model.js";

/** Built-in role definition ids (the same GUIDs in every tenant). */
export const BUILTIN_ROLES: Record<string, RoleName> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "b24988ac-6180-42a3-ab88-20f7382dd24c": "Contributor",
  "acdd72a7-3385-48ef-bd42-f606fba81ae7": "Reader",
};
const idOfRole = (role: RoleName) => Object.entries(BUILTIN_ROLES).find(([, r]) => r === role)![0];

const API_VERSIONS = apiVersionsFor("authorization");
const PATH = "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}";

function body(ctx: RequestContext, a: { id: string; principalObjectId: string; role: RoleName; scope: string }) {
  const sub = ctx.subscription!.subscriptionId;
  return {
    id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.id}`,
    name: a.id,
    type: "Microsoft.Authorization/roleAssignments",
    properties: {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${idOfRole(a.role)}`,
      principalId: a.principalObjectId,
      principalType: "ServicePrincipal",
      scope: a.scope,
    },
  };
}

const findAssignment = (ctx: RequestContext) =>
  ctx.store.state.roleAssignments.find((a) => a.id.toLowerCase() === ctx.params.roleAssignmentName.toLowerCase());

/**
 * Microsoft.Authorization/roleAssignments on a subscription. Writing one needs Owner there, or, for a partner's app in
 * its CSP customer's directory, a live GDAP relationship with that customer whose access assignment grants the app's
 * security group a role-assigning Entra role (graph/model.ts); the assignment then counts in the RBAC check like any other.
 */
export const roleAssignmentRoutes: RouteDef[] = [
  {
    method: "PUT",
    path: PATH,
    apiVersions: API_VERSIONS,
    operation: "write",
    resourceType: "Microsoft.Authorization/roleAssignments",
    requiresRegistration: false,
    authorize: ({ store, principal, subscription, path }) =>
      roleAt(store, principal.objectId, path) === "Owner" ||
      // pcState first: it upgrades a state saved before GDAP relationships were modelled.
      (!!pcState(store) && gdapAllowsRoleAssignment(store, principal, subscription.tenantId)),
    handler(ctx) {
      const name = ctx.params.roleAssignmentName;
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name))
        throw new ArmError(400, "InvalidRoleAssignmentId", `The role assignment ID '${name}' is not valid.`);
      const props = (ctx.body.properties ?? {}) as { roleDefinitionId?: string; principalId?: string };
      const roleId = /\/roleDefinitions\/([0-9a-f-]{36})$/i.exec(props.roleDefinitionId ?? "")?.[1]?.toLowerCase();
      const role = roleId ? BUILTIN_ROLES[roleId] : undefined;
      if (!role)
        throw new ArmError(
          400,
          "RoleDefinitionDoesNotExist",
          `The specified role definition with ID '${roleId ?? props.roleDefinitionId ?? ""}' does not exist.`,
        );
      const sub = ctx.subscription!;
      const principal = ctx.store.findPrincipalByObjectId(String(props.principalId ?? ""));
      if (!principal || principal.tenantId.toLowerCase() !== sub.tenantId.toLowerCase()) {
        throw new ArmError(
          400,
          "PrincipalNotFound",
          `Principal ${props.principalId ?? ""} does not exist in the directory ${sub.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay.`,
        );
      }
      const scope = `/subscriptions/${sub.subscriptionId}`;
      const same = findAssignment(ctx);
      if (same) {
        if (same.principalObjectId !== principal.objectId || same.role !== role)
          throw new ArmError(
            400,
            "RoleAssignmentUpdateNotPermitted",
            "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.",
          );
        return { status: 201, body: body(ctx, same) };
      }
      const twin = ctx.store.state.roleAssignments.find(
        (a) =>
          a.principalObjectId === principal.objectId &&
          a.role === role &&
          a.scope.toLowerCase() === scope.toLowerCase(),
      );
      if (twin)
        throw new ArmError(
          409,
          "RoleAssignmentExists",
          `The role assignment already exists. The ID of the existing role assignment is ${twin.id.replace(/-/g, "")}.`,
        );
      const assignment = { id: name.toLowerCase(), principalObjectId: principal.objectId, scope, role };
      ctx.store.state.roleAssignments.push(assignment);
      ctx.store.markDirty();
      return { status: 201, body: body(ctx, assignment) };
    },
  },
  {
    method: "GET",
    path: PATH,
    apiVersions: API_VERSIONS,
    operation: "read",
    resourceType: "Microsoft.Authorization/roleAssignments",
    requiresRegistration: false,
    handler(ctx) {
      const found = findAssignment(ctx);
      if (!found)
        throw new ArmError(
          404,
          "RoleAssignmentNotFound",
          `The role assignment '${ctx.params.roleAssignmentName}' is not found.`,
        );
      return { status: 200, body: body(ctx, found) };
    },
  },
];
