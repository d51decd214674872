import { defineProvider, ok, type RequestContext } from "../core/plugin.js";
import { ArmError, resourceNotFound } from "../core/errors.js";
import { normalizeLocation, REGION_NAMES } from "../core/locations.js";
import { managedIdentity } from "../core/managed-identity.js";
import {
  assertVaultName,
  certificateBody,
  mergedVaultProperties,
  VAULT_API_VERSIONS,
  VAULT_TYPE,
  vaultBody,
} from "./site-recovery/vault-shape.js";
import { s } from "../core/request-schema.js";

const vaultSchema = s.obj({
  location: s.str,
  tags: s.map(s.str),
  sku: s.obj({ name: s.str, tier: s.str }),
  identity: s.obj({ type: s.str, userAssignedIdentities: s.map(s.any) }),
  properties: s.map(s.any),
});

/** Microsoft.RecoveryServices vaults and vault credentials (certificates). Site Recovery lives in site-recovery.ts. */
const CREATE_SECONDS = 15;
const DELETE_SECONDS = 10;
const vaultPath =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
const base = { apiVersions: VAULT_API_VERSIONS, resourceType: VAULT_TYPE } as const;

function getVault(ctx: RequestContext) {
  const r = ctx.store.getResource(
    vaultPath
      .replace("{subscriptionId}", ctx.params.subscriptionId)
      .replace("{resourceGroupName}", ctx.params.resourceGroupName)
      .replace("{vaultName}", ctx.params.vaultName),
  );
  if (!r) throw resourceNotFound(VAULT_TYPE, ctx.params.vaultName, ctx.params.resourceGroupName);
  return r;
}

function putVault(ctx: RequestContext) {
  const name = ctx.params.vaultName;
  assertVaultName(name);
  if (!ctx.body.location)
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  const location = normalizeLocation(ctx.body.location);
  if (!location) {
    throw new ArmError(
      400,
      "LocationNotAvailableForResourceType",
      `The provided location '${ctx.body.location}' is not available for resource type '${VAULT_TYPE}'. List of available regions for the resource type is '${REGION_NAMES.join(",")}'.`,
    );
  }
  const existing = ctx.store.getResource(ctx.path);
  ctx.etag.check(existing?.body);
  if (existing && existing.body.location !== location) {
    throw new ArmError(
      400,
      "LocationMismatch",
      `The vault '${name}' already exists in location '${String(existing.body.location)}'.`,
    );
  }
  if (existing)
    return ok(
      ctx.store.putResource(ctx.path, vaultBody(ctx, String(existing.body.name), location, existing.body)).body,
    );
  ctx.store.putResource(ctx.path, vaultBody(ctx, name, location));
  const op = ctx.lro.begin({
    resourceId: ctx.path,
    kind: "create",
    durationSeconds: CREATE_SECONDS,
    apiVersion: ctx.apiVersion,
    namespace: "Microsoft.RecoveryServices",
    location,
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 201, body: ctx.store.getResource(ctx.path)!.body });
}

function patchVault(ctx: RequestContext) {
  const r = getVault(ctx);
  ctx.etag.check(r.body);
  const body = structuredClone(r.body);
  if (ctx.body.tags !== undefined) body.tags = ctx.body.tags;
  const props = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const old = body.properties as Record<string, unknown>;
  body.properties = {
    ...mergedVaultProperties(props, old),
    ...(props.publicNetworkAccess !== undefined ? { publicNetworkAccess: props.publicNetworkAccess } : {}),
    ...(props.securitySettings !== undefined
      ? { securitySettings: { ...(old.securitySettings as object), ...(props.securitySettings as object) } }
      : {}),
  };
  const identity = managedIdentity(ctx.body.identity, body.identity, ctx.subscription!.tenantId);
  if (identity) body.identity = identity;
  else delete body.identity;
  return ok(ctx.store.putResource(r.id, body).body);
}

/** Azure refuses to delete a vault that still has Site Recovery content (registered servers, policies in use, replicated items). */
function assertVaultEmpty(ctx: RequestContext, vaultId: string): void {
  const inside = ctx.store.listResources({ scope: vaultId });
  const busy = inside.some((r) =>
    /\/(replicationfabrics|replicationprotecteditems|replicationprotectioncontainermappings)$/.test(r.type),
  );
  if (busy) {
    // Code and status unconfirmed; the message is the one the portal shows for Site Recovery vaults.
    throw new ArmError(
      400,
      "ServiceResourceNotEmpty",
      "Vault cannot be deleted as there are existing resources within the vault. Please delete any replicated items, registered servers, Hyper-V sites (Used for Site Recovery), policy associations for System Center VMM clouds (Used for Site Recovery) and then delete the vault.",
    );
  }
}

function deleteVault(ctx: RequestContext) {
  const r = ctx.store.getResource(ctx.path);
  if (!r) return { status: 204 };
  assertVaultEmpty(ctx, r.id);
  const active = ctx.lro.activeFor(r.id);
  const op =
    active?.kind === "delete"
      ? active
      : ctx.lro.begin({
          resourceId: r.id,
          kind: "delete",
          durationSeconds: DELETE_SECONDS,
          apiVersion: ctx.apiVersion,
          namespace: "Microsoft.RecoveryServices",
        });
  return ctx.lro.reply(op, ctx.url(""), { status: 202, asyncOperation: false });
}

function putCertificate(ctx: RequestContext) {
  const vault = getVault(ctx);
  if (!ctx.body.properties?.certificate) throw new ArmError(400, "BadRequest", "The certificate is required.");
  return ok(certificateBody(ctx, vault));
}

const list = (ctx: RequestContext, scope: string) =>
  ok(ctx.page(ctx.store.listResources({ scope, type: VAULT_TYPE }).map((r) => r.body)));

export default defineProvider({
  name: "recovery-services",
  namespaces: [
    {
      namespace: "Microsoft.RecoveryServices",
      resourceTypes: [{ resourceType: "vaults", locations: REGION_NAMES, apiVersions: VAULT_API_VERSIONS }],
    },
  ],
  routes: [
    { ...base, method: "PUT", path: vaultPath, operation: "write", bodySchema: vaultSchema, handler: putVault },
    { ...base, method: "GET", path: vaultPath, operation: "read", handler: (ctx) => ok(getVault(ctx).body) },
    { ...base, method: "PATCH", path: vaultPath, operation: "write", bodySchema: vaultSchema, handler: patchVault },
    { ...base, method: "DELETE", path: vaultPath, operation: "delete", handler: deleteVault },
    {
      ...base,
      method: "PUT",
      path: `${vaultPath}/certificates/{certificateName}`,
      operation: "write",
      action: `${VAULT_TYPE}/certificates/write`,
      handler: putCertificate,
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults",
      operation: "read",
      handler: (ctx) =>
        list(ctx, `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`),
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults",
      operation: "read",
      handler: (ctx) => list(ctx, `/subscriptions/${ctx.params.subscriptionId}`),
    },
  ],
});
