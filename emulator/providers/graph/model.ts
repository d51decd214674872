import { newGuid } from "../../core/ids.js";
import type { Principal } from "../../core/state.js";
import type { Store } from "../../core/store.js";

/** Microsoft Entra built-in role template ids (the same in every tenant) that GDAP relationships carry. */
export const ENTRA_ROLES = {
  globalAdministrator: "62e90394-69f5-4237-9190-012177145e10",
  privilegedRoleAdministrator: "e8611ab8-c189-46e8-94e1-60213ab1f814",
  directoryReaders: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
  helpdeskAdministrator: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
} as const;

/**
 * The Entra roles that let a partner's admins grant access in the customer's tenant: Global Administrator (who can
 * elevate to User Access Administrator over every subscription) and Privileged Role Administrator (who manages role
 * assignments). A GDAP relationship granting neither gives no right to write Azure role assignments.
 */
export const ROLE_ASSIGNING_ROLES: readonly string[] = [
  ENTRA_ROLES.globalAdministrator,
  ENTRA_ROLES.privilegedRoleAdministrator,
];

/** Graph's delegatedAdminRelationshipStatus values. */
export type RelationshipStatus =
  | "activating"
  | "active"
  | "approvalPending"
  | "approved"
  | "created"
  | "expired"
  | "expiring"
  | "terminated"
  | "terminating"
  | "terminationRequested";

/** An access assignment: a partner security group granted some of the relationship's roles. */
export interface AccessAssignment {
  id: string;
  status: "pending" | "active" | "deleting" | "deleted" | "error";
  groupId: string;
  unifiedRoles: string[];
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/** A granular delegated admin (GDAP) relationship between a partner tenant and a customer tenant. */
export interface DelegatedAdminRelationship {
  id: string;
  partnerTenantId: string;
  customerTenantId: string;
  customerDisplayName: string;
  displayName: string;
  /** ISO 8601 duration, P1D to P2Y. */
  duration: string;
  status: RelationshipStatus;
  unifiedRoles: string[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  activatedDateTime: string | null;
  endDateTime: string | null;
  accessAssignments: AccessAssignment[];
}

/** A security group in a (partner's) directory, with the object ids of its members (users or service principals). */
export interface SecurityGroup {
  id: string;
  tenantId: string;
  displayName: string;
  members: string[];
}

export interface GraphState {
  groups: Record<string, SecurityGroup>;
  relationships: Record<string, DelegatedAdminRelationship>;
}

export const graphState = (store: Store): GraphState =>
  store.ext<GraphState>("graph", () => ({ groups: {}, relationships: {} }));

const DAY_MS = 86_400_000;

/** The partner's security group of that name (created on first use), with these members added. */
export function ensureGroup(
  store: Store,
  g: { tenantId: string; displayName: string; members?: string[] },
): SecurityGroup {
  const state = graphState(store);
  let group = Object.values(state.groups).find((x) => x.tenantId === g.tenantId && x.displayName === g.displayName);
  if (!group) {
    group = { id: newGuid(), tenantId: g.tenantId, displayName: g.displayName, members: [] };
    state.groups[group.id] = group;
  }
  for (const m of g.members ?? []) if (!group.members.includes(m)) group.members.push(m);
  store.markDirty();
  return group;
}

export interface NewRelationship {
  partnerTenantId: string;
  customerTenantId: string;
  customerDisplayName: string;
  displayName?: string;
  status?: RelationshipStatus;
  /** Role template ids the customer approved; the access assignment grants all of them to `groupId`. */
  unifiedRoles: string[];
  /** The partner security group the roles are assigned to; none = a relationship without access assignments. */
  groupId?: string;
  durationDays?: number;
}

/** A relationship as the customer approved it (active now, ending after its duration), with one access assignment. */
export function addRelationship(store: Store, r: NewRelationship, nowMs = Date.now()): DelegatedAdminRelationship {
  const now = new Date(nowMs).toISOString();
  const days = r.durationDays ?? 730;
  const status = r.status ?? "active";
  const isLive = status === "active" || status === "expiring";
  const relationship: DelegatedAdminRelationship = {
    id: `${newGuid()}-${newGuid()}`,
    partnerTenantId: r.partnerTenantId,
    customerTenantId: r.customerTenantId,
    customerDisplayName: r.customerDisplayName,
    displayName: (r.displayName ?? `${r.customerDisplayName} Azure admin`).slice(0, 50),
    duration: `P${days}D`,
    status,
    unifiedRoles: [...r.unifiedRoles],
    createdDateTime: now,
    lastModifiedDateTime: now,
    activatedDateTime: isLive ? now : null,
    endDateTime: isLive ? new Date(nowMs + days * DAY_MS).toISOString() : null,
    accessAssignments: r.groupId
      ? [
          {
            id: newGuid(),
            status: isLive ? "active" : "pending",
            groupId: r.groupId,
            unifiedRoles: [...r.unifiedRoles],
            createdDateTime: now,
            lastModifiedDateTime: now,
          },
        ]
      : [],
  };
  graphState(store).relationships[relationship.id] = relationship;
  store.markDirty();
  return relationship;
}

/** Ends a relationship the way a customer's or partner's termination does (its access ends with it). */
export function terminateRelationship(store: Store, id: string, nowMs = Date.now()): DelegatedAdminRelationship {
  const r = graphState(store).relationships[id];
  if (!r) throw new Error(`No relationship ${id}`);
  const now = new Date(nowMs).toISOString();
  Object.assign(r, { status: "terminated", endDateTime: now, lastModifiedDateTime: now });
  for (const a of r.accessAssignments) Object.assign(a, { status: "deleted", lastModifiedDateTime: now });
  store.markDirty();
  return r;
}

export const isLiveRelationship = (r: DelegatedAdminRelationship, nowMs = Date.now()) =>
  (r.status === "active" || r.status === "expiring") && !!r.endDateTime && Date.parse(r.endDateTime) > nowMs;

export function relationshipsBetween(store: Store, partnerTenantId: string, customerTenantId: string) {
  const p = partnerTenantId.toLowerCase();
  const c = customerTenantId.toLowerCase();
  return Object.values(graphState(store).relationships).filter(
    (r) => r.partnerTenantId.toLowerCase() === p && r.customerTenantId.toLowerCase() === c,
  );
}

/**
 * Whether a partner's app, signed in to its CSP customer's directory, may write Azure role assignments there: its
 * home service principal is a member of a partner security group that a live GDAP relationship with that customer
 * grants a role-assigning Entra role through an active access assignment.
 */
export function gdapAllowsRoleAssignment(
  store: Store,
  principal: Principal,
  customerTenantId: string,
  nowMs = Date.now(),
): boolean {
  if (!principal.homeTenantId) return false;
  const home = store.findPrincipalByAppId(principal.appId);
  if (!home) return false;
  const groups = graphState(store).groups;
  return relationshipsBetween(store, principal.homeTenantId, customerTenantId).some(
    (r) =>
      isLiveRelationship(r, nowMs) &&
      r.accessAssignments.some(
        (a) =>
          a.status === "active" &&
          groups[a.groupId]?.members.includes(home.objectId) &&
          a.unifiedRoles.some((role) => ROLE_ASSIGNING_ROLES.includes(role) && r.unifiedRoles.includes(role)),
      ),
  );
}
