import { createHash, randomBytes, X509Certificate } from "node:crypto";
import { newGuid } from "./ids.js";
import type { Store } from "./store.js";
import type {
  AppCertificate,
  Directory,
  Principal,
  RegistrationState,
  RoleAssignment,
  RoleName,
  Subscription,
} from "./state.js";

/** Namespaces every new subscription knows about (Microsoft.Resources is always registered and not listed). */
export const KNOWN_NAMESPACES = [
  "Microsoft.Compute",
  "Microsoft.Network",
  "Microsoft.Storage",
  "Microsoft.RecoveryServices",
];

export const generateSecret = (): string => randomBytes(30).toString("base64url");

export function addDirectory(store: Store, d: Partial<Directory> & { displayName: string }): Directory {
  const tenantId = d.tenantId ?? newGuid();
  const slug = d.displayName.toLowerCase().replace(/[^a-z0-9]/g, "");
  const dir: Directory = { tenantId, displayName: d.displayName, domain: d.domain ?? `${slug}.onmicrosoft.com` };
  store.state.directories[tenantId] = dir;
  store.markDirty();
  return dir;
}

export function addPrincipal(
  store: Store,
  p: { tenantId: string; displayName: string; appId?: string; objectId?: string; secret?: string },
): Principal {
  const principal: Principal = {
    appId: p.appId ?? newGuid(),
    objectId: p.objectId ?? newGuid(),
    tenantId: p.tenantId,
    displayName: p.displayName,
    secret: p.secret ?? generateSecret(),
  };
  store.state.principals[principal.appId] = principal;
  store.markDirty();
  return principal;
}

/**
 * Registers a certificate (PEM, public part only) on an app, as "Certificates & secrets" → Upload certificate does;
 * the same certificate twice is one credential. Throws on a PEM that is not an X.509 certificate.
 */
export function addCertificate(store: Store, appId: string, pem: string): AppCertificate {
  const app = store.findPrincipalByAppId(appId);
  if (!app) throw new Error(`No app '${appId}'.`);
  const x509 = new X509Certificate(pem);
  const hash = (alg: string) => createHash(alg).update(x509.raw).digest("hex").toUpperCase();
  const cert: AppCertificate = {
    thumbprint: hash("sha1"),
    thumbprintSha256: hash("sha256"),
    certificate: x509.toString(),
    startDateTime: new Date(x509.validFrom).toISOString(),
    endDateTime: new Date(x509.validTo).toISOString(),
  };
  app.certificates ??= [];
  if (!app.certificates.some((c) => c.thumbprint === cert.thumbprint)) app.certificates.push(cert);
  store.markDirty();
  return cert;
}

export function assignRole(
  store: Store,
  a: { principalObjectId: string; scope: string; role?: RoleName },
): RoleAssignment {
  const assignment: RoleAssignment = {
    id: newGuid(),
    principalObjectId: a.principalObjectId,
    scope: a.scope,
    role: a.role ?? "Owner",
  };
  store.state.roleAssignments.push(assignment);
  store.markDirty();
  return assignment;
}

export function addSubscription(
  store: Store,
  s: {
    tenantId: string;
    displayName: string;
    subscriptionId?: string;
    /** Namespace → state; namespaces not given are Registered for KNOWN_NAMESPACES. */
    providers?: Record<string, RegistrationState>;
    /** Region (or "default") → vCPU limit. */
    coreQuota?: Record<string, number>;
  },
): Subscription {
  const providers: Subscription["providers"] = {};
  for (const ns of KNOWN_NAMESPACES) providers[ns] = { state: "Registered" };
  for (const [ns, state] of Object.entries(s.providers ?? {})) providers[ns] = { state };
  const sub: Subscription = {
    subscriptionId: s.subscriptionId ?? newGuid(),
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: "Enabled",
    providers,
    coreQuota: Object.fromEntries(Object.entries(s.coreQuota ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  store.state.subscriptions[sub.subscriptionId] = sub;
  store.markDirty();
  return sub;
}

/** Role of a principal at a scope: the strongest assignment at the scope or any parent scope. */
export function roleAt(store: Store, principalObjectId: string, scope: string): RoleName | undefined {
  const s = scope.toLowerCase();
  const rank: Record<RoleName, number> = { Reader: 1, Contributor: 2, Owner: 3 };
  let best: RoleName | undefined;
  for (const a of store.state.roleAssignments) {
    if (a.principalObjectId.toLowerCase() !== principalObjectId.toLowerCase()) continue;
    const as = a.scope.toLowerCase().replace(/\/+$/, "");
    if (s === as || s.startsWith(as + "/")) {
      if (!best || rank[a.role] > rank[best]) best = a.role;
    }
  }
  return best;
}

/** Subscriptions on which a principal holds any role (at the subscription or below). */
export function visibleSubscriptions(store: Store, principalObjectId: string): Subscription[] {
  const scopes = store.state.roleAssignments
    .filter((a) => a.principalObjectId.toLowerCase() === principalObjectId.toLowerCase())
    .map((a) => a.scope.toLowerCase());
  return Object.values(store.state.subscriptions).filter((sub) =>
    scopes.some((sc) => sc.startsWith(`/subscriptions/${sub.subscriptionId.toLowerCase()}`)),
  );
}
