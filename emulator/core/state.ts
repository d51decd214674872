import { randomBytes } from "node:crypto";
import type { Operation } from "./lro.js";

export type RoleName = "Owner" | "Contributor" | "Reader";
export type RegistrationState = "Registered" | "NotRegistered" | "Registering" | "Unregistering";

export interface Directory {
  tenantId: string;
  displayName: string;
  domain: string;
}

export interface Principal {
  appId: string;
  objectId: string;
  tenantId: string;
  displayName: string;
  /** Generated when the state is created; never committed anywhere. */
  secret: string;
  /**
   * Set on a multi-tenant app's service principal in another directory (a CSP customer's, after an application
   * consent): the app's home directory, whose principal holds the secret. Absent on an app's home principal.
   */
  homeTenantId?: string;
  /** Real epoch ms from which Entra knows this service principal (consent takes a while to show). */
  availableAfterMs?: number;
  /** Certificates registered on the app (home principal only): their public part, for client assertions. */
  certificates?: AppCertificate[];
}

/** A certificate credential of an app registration (keyCredentials): the public certificate and its thumbprints. */
export interface AppCertificate {
  /** SHA-1 of the DER encoding, upper-case hex (what x5t carries, base64url-encoded). */
  thumbprint: string;
  /** SHA-256 of the DER encoding, upper-case hex (x5t#S256). */
  thumbprintSha256: string;
  certificate: string;
  startDateTime: string;
  endDateTime: string;
}

export interface RoleAssignment {
  id: string;
  principalObjectId: string;
  /** "/subscriptions/{id}" or "/subscriptions/{id}/resourceGroups/{rg}". */
  scope: string;
  role: RoleName;
}

export interface ProviderRegistration {
  state: RegistrationState;
  /** Real epoch ms at which a Registering/Unregistering namespace settles. */
  settlesAtMs?: number;
}

export interface Subscription {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: "Enabled" | "Disabled" | "Warned" | "PastDue" | "Deleted";
  /** Keyed by namespace as registered (original casing). Missing = NotRegistered. */
  providers: Record<string, ProviderRegistration>;
  /** Regional vCPU ("cores") limit per lowercased region; `default` applies to others. */
  coreQuota: Record<string, number>;
}

export interface StoredResource {
  /** ARM id with the casing the client used on create. */
  id: string;
  subscriptionId: string;
  resourceGroup?: string;
  /** Lowercased full type, e.g. "microsoft.storage/storageaccounts". */
  type: string;
  /** The ARM JSON returned by GET (id, name, type, location, tags, properties, …). */
  body: Record<string, unknown>;
  /** RP-private data that is not part of the ARM shape (e.g. a VM's power state). */
  internal: Record<string, unknown>;
  createdAtMs: number;
}

export interface State {
  version: 1;
  /** HMAC key for access tokens; kept in state so tokens stay valid across restarts. */
  signingKey: string;
  directories: Record<string, Directory>;
  principals: Record<string, Principal>;
  roleAssignments: RoleAssignment[];
  subscriptions: Record<string, Subscription>;
  resources: Record<string, StoredResource>;
  operations: Record<string, Operation>;
  /** Free space for RPs, keyed by the RP's name. */
  ext: Record<string, unknown>;
}

export function emptyState(): State {
  return {
    version: 1,
    signingKey: randomBytes(32).toString("base64url"),
    directories: {},
    principals: {},
    roleAssignments: [],
    subscriptions: {},
    resources: {},
    operations: {},
    ext: {},
  };
}

export const DEFAULT_CORE_QUOTA = 100;
