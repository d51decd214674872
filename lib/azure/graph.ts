import { graphEndpoint } from "./clouds";
import { ArmError, toArmError } from "./errors";
import { pipelineFor, requestIdFrom, send, serviceFailure, type PartnerAccess } from "./partner-center";

const graphRequestId = requestIdFrom("request-id");

/**
 * Entra role template ids a GDAP relationship must grant (to a partner security group) before the partner's app may
 * write Azure role assignments in the customer's tenant: Global Administrator or Privileged Role Administrator.
 */
export const ROLE_ASSIGNING_ENTRA_ROLES: Record<string, string> = {
  "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
  "e8611ab8-c189-46e8-94e1-60213ab1f814": "Privileged Role Administrator",
};

export type GdapRelationship = { id: string; displayName: string; status: string; endDateTime: string | null };
/** A live relationship whose active access assignments grant a role-assigning role, or why there is none. */
export type GdapCheck =
  | { ok: true; relationship: GdapRelationship; roles: string[] }
  | { ok: false; reason: "none" | "notActive" | "noRole"; relationships: GdapRelationship[] };

type Collection<T> = { value?: T[]; "@odata.nextLink"?: string };

/** Microsoft Graph v1.0 as the partner's app (app-only) in one tenant; collections followed by @odata.nextLink. */
export function graph(access: PartnerAccess & { graphEndpoint?: string | null }, tenantId: string) {
  const g = graphEndpoint(access);
  const pipeline = pipelineFor(access, tenantId, g.scope, [graphRequestId]);
  async function list<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    for (let url: string | undefined = `${g.graph}/v1.0/${path}`; url;) {
      const sent = await send(pipeline, url);
      if (sent.status >= 400) throw serviceFailure("Microsoft Graph", sent);
      const page = sent.body as Collection<T>;
      out.push(...(page.value ?? []));
      url = page["@odata.nextLink"];
    }
    return out;
  }
  return { list };
}

const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The partner's app's service principal object id in the customer's tenant, from Graph there
 * (GET /servicePrincipals?$filter=appId eq '…'), or null while Entra has none: before the consent has replicated the
 * app cannot even sign in to that tenant (AADSTS700016), and Graph's list is empty until it shows.
 */
export async function findServicePrincipalId(access: PartnerAccess, customerTenantId: string): Promise<string | null> {
  try {
    const found = await graph(access, customerTenantId).list<{ id: string; appId: string }>(
      `servicePrincipals?$filter=${encodeURIComponent(`appId eq ${odataString(access.clientId)}`)}&$select=id,appId`,
    );
    return found.find((sp) => sp.appId.toLowerCase() === access.clientId.toLowerCase())?.id ?? null;
  } catch (error) {
    const armError = error instanceof ArmError ? error : toArmError(error);
    if (armError.code === "AADSTS700016") return null; // application not (yet) in the directory
    throw armError;
  }
}

type RelationshipBody = GdapRelationship & { accessDetails?: { unifiedRoles?: { roleDefinitionId: string }[] } };
type AssignmentBody = { status: string; accessDetails?: { unifiedRoles?: { roleDefinitionId: string }[] } };

/**
 * Reads the partner's GDAP relationships with one customer (Graph in the partner's tenant,
 * tenantRelationships/delegatedAdminRelationships) and finds a live one whose active access assignments grant a
 * role-assigning Entra role. Security group membership is not read here: ARM's 403 tells that part.
 */
export async function checkGdap(access: PartnerAccess, customerTenantId: string, now = Date.now()): Promise<GdapCheck> {
  const g = graph(access, access.partnerTenantId);
  const relationships = await g.list<RelationshipBody>(
    `tenantRelationships/delegatedAdminRelationships?$filter=${encodeURIComponent(`customer/tenantId eq ${odataString(customerTenantId)}`)}`,
  );
  const summary = relationships.map(({ id, displayName, status, endDateTime }) => ({
    id,
    displayName,
    status,
    endDateTime,
  }));
  const live = relationships.filter(
    (r) => (r.status === "active" || r.status === "expiring") && (!r.endDateTime || Date.parse(r.endDateTime) > now),
  );
  if (!relationships.length) return { ok: false, reason: "none", relationships: summary };
  if (!live.length) return { ok: false, reason: "notActive", relationships: summary };
  for (const r of live) {
    const approved = new Set((r.accessDetails?.unifiedRoles ?? []).map((x) => x.roleDefinitionId));
    const assignments = await g.list<AssignmentBody>(
      `tenantRelationships/delegatedAdminRelationships/${encodeURIComponent(r.id)}/accessAssignments`,
    );
    const roles = assignments
      .filter((a) => a.status === "active")
      .flatMap((a) => a.accessDetails?.unifiedRoles ?? [])
      .map((x) => x.roleDefinitionId)
      .filter((id) => approved.has(id) && ROLE_ASSIGNING_ENTRA_ROLES[id]);
    if (roles.length)
      return {
        ok: true,
        relationship: summary.find((s) => s.id === r.id)!,
        roles: [...new Set(roles)].map((id) => ROLE_ASSIGNING_ENTRA_ROLES[id]),
      };
  }
  return { ok: false, reason: "noRole", relationships: summary };
}
