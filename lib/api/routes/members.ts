import { createRoute, z } from "@hono/zod-openapi";
import { boundId } from "@/lib/errors/parse";
import { listMembers } from "@/lib/tenancy/queries";
import { addMemberSchema, changeMemberRoleSchema } from "@/lib/tenancy/schema";
import { addMember, changeMemberRole, removeMember, resetPassword } from "@/lib/tenancy/service";
import { staffContext } from "../auth";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, passwordAnswerNote, PROVIDER_ROLE, providerPaths, refuseIdempotencyKey } from "./provider";
import { memberSchema, providerTenant, toApiMember } from "./tenants";
import { tenantParam } from "./vm-schemas";

/**
 * A tenant's members, managed by the provider (admin console → Tenants → Members, lib/tenancy): add (a new user gets a
 * one-time password, shown once), change role, remove, reset password. A tenant always keeps an owner.
 */
export const memberRoutes = apiRouter();
const tags = ["Tenants"];
providerPaths(memberRoutes, ["/provider/tenants/:tenant/members/*"]);
refuseIdempotencyKey(memberRoutes, [
  "/provider/tenants/:tenant/members",
  "/provider/tenants/:tenant/members/:memberId/reset-password",
]);

const tenantPath = z.object({ tenant: tenantParam });
const memberPath = tenantPath.extend({
  memberId: z.string().openapi({ param: { name: "memberId", in: "path" }, description: "The membership's id." }),
});
const credentialSchema = z
  .object({ email: z.string(), name: z.string(), oneTimePassword: z.string() })
  .openapi("MemberCredential", {
    description: "The one-time password, shown this once (only its hash is stored); it must be changed at sign-in.",
  });

async function members(c: Parameters<typeof staffContext>[0], tenantId: string) {
  return (await listMembers(staffContext(c, PROVIDER_ROLE), tenantId)).map(toApiMember);
}

memberRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/tenants/{tenant}/members",
    operationId: "listTenantMembers",
    summary: "List a tenant's members (admin)",
    description: "With their roles and last sign-in. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params: tenantPath },
    responses: {
      200: json(z.object({ value: z.array(memberSchema) }), "The members."),
      ...problemResponses(401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    staffContext(c, PROVIDER_ROLE);
    const { id } = await providerTenant(c.req.valid("param").tenant);
    return c.json({ value: await members(c, id) }, 200);
  },
);

memberRoutes.openapi(
  createRoute({
    method: "post",
    path: "/provider/tenants/{tenant}/members",
    operationId: "addTenantMember",
    summary: "Add a member (admin)",
    description:
      "An existing user by email, or a new one (then `name` is needed and the answer holds their one-time password, " +
      "once). Provider staff cannot be members. Admin token. " +
      passwordAnswerNote,
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params: tenantPath,
      body: {
        required: true,
        content: { "application/json": { schema: addMemberSchema.clone().openapi("AddMember") } },
      },
    },
    responses: {
      201: json(
        z
          .object({ member: memberSchema, isNewUser: z.boolean(), credential: credentialSchema.nullable() })
          .openapi("AddedMember"),
        "The member, and a new user's one-time password.",
      ),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { id } = await providerTenant(c.req.valid("param").tenant);
    const added = await addMember(ctx, id, c.req.valid("json"));
    const member = (await members(c, id)).find((m) => m.id === added.membershipId)!;
    return c.json({ member, isNewUser: added.user.isNew, credential: added.credential }, 201);
  },
);

memberRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/provider/tenants/{tenant}/members/{memberId}",
    operationId: "changeTenantMemberRole",
    summary: "Change a member's role (admin)",
    description: "Their sessions end so the new role applies at once; 409 for the last owner. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      params: memberPath,
      body: {
        required: true,
        content: { "application/json": { schema: changeMemberRoleSchema.clone().openapi("ChangeMemberRole") } },
      },
    },
    responses: {
      200: json(memberSchema, "The member with the new role."),
      ...problemResponses(400, 401, 403, 404, 409, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { tenant, memberId } = c.req.valid("param");
    const { id } = await providerTenant(tenant);
    const membershipId = boundId(memberId);
    await changeMemberRole(ctx, id, membershipId, c.req.valid("json").role);
    return c.json(
      (await members(c, id)).find((m) => m.id === membershipId)!,
      200,
    );
  },
);

memberRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/provider/tenants/{tenant}/members/{memberId}",
    operationId: "removeTenantMember",
    summary: "Remove a member (admin)",
    description: "Their sessions end; 409 for the last owner. The user account stays. Admin token.",
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params: memberPath },
    responses: { 204: { description: "Removed." }, ...problemResponses(401, 403, 404, 409, 429, 500) },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { tenant, memberId } = c.req.valid("param");
    const { id } = await providerTenant(tenant);
    await removeMember(ctx, id, boundId(memberId));
    return c.body(null, 204);
  },
);

memberRoutes.openapi(
  createRoute({
    method: "post",
    path: "/provider/tenants/{tenant}/members/{memberId}/reset-password",
    operationId: "resetTenantMemberPassword",
    summary: "Reset a member's password (admin)",
    description:
      "Replaces it with a one-time password returned once, ends their sessions, and makes them choose a new one at " +
      "sign-in. 409 for provider staff. Admin token. " +
      passwordAnswerNote,
    tags,
    security: bearerSecurity,
    ...requires("admin"),
    request: { params: memberPath },
    responses: {
      200: json(credentialSchema, "The one-time password (shown once)."),
      ...problemResponses(400, 401, 403, 404, 409, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const { tenant, memberId } = c.req.valid("param");
    const { id } = await providerTenant(tenant);
    return c.json(await resetPassword(ctx, id, boundId(memberId)), 200);
  },
);
