import { randomBytes } from "node:crypto";
import { defineProvider, ok, type RequestContext } from "../core/plugin.js";
import { ArmError, resourceNotFound } from "../core/errors.js";
import { normalizeLocation, REGION_NAMES, REGIONS } from "../core/locations.js";
import { managedIdentity } from "../core/managed-identity.js";
import { apiVersionsFor } from "../specs/api-versions.js";
import { s } from "../core/request-schema.js";

/** Microsoft.Storage storage accounts (SPECS STG 2023-05-01 shapes; AZURE-FACTS §7). */
export const STORAGE_API_VERSIONS = apiVersionsFor("storage");
const TYPE = "Microsoft.Storage/storageAccounts";
const accountShape = {
  tags: s.map(s.str),
  kind: s.str,
  sku: s.obj({ name: s.str, tier: s.str }, ["name"]),
  identity: s.obj({ type: s.str }),
  properties: s.map(s.any),
};
const accountSchema = s.obj({ ...accountShape, location: s.str });
const accountUpdateSchema = s.obj(accountShape);
const SKUS = [
  "Standard_LRS",
  "Standard_GRS",
  "Standard_RAGRS",
  "Standard_ZRS",
  "Premium_LRS",
  "Premium_ZRS",
  "Standard_GZRS",
  "Standard_RAGZRS",
];
const KINDS = ["Storage", "StorageV2", "BlobStorage", "FileStorage", "BlockBlobStorage"];
/** Modelled duration of an account create. */
const CREATE_SECONDS = 20;

const accountPath =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}";
const base = { apiVersions: STORAGE_API_VERSIONS, resourceType: TYPE } as const;

const invalidNameMessage = (name: string) =>
  `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`;
const isValidName = (name: string) => /^[a-z0-9]{3,24}$/.test(name);

/** Storage account names are unique across all subscriptions. */
function findByName(ctx: RequestContext, name: string) {
  return ctx.store.listResources({ type: TYPE }).find((r) => String(r.body.name).toLowerCase() === name.toLowerCase());
}

// The account's id from the route's names: ctx.path also carries action segments such as /listKeys.
const accountIdOf = (ctx: RequestContext) =>
  `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}/providers/${TYPE}/${ctx.params.accountName}`;

function getAccount(ctx: RequestContext) {
  const r = ctx.store.getResource(accountIdOf(ctx));
  if (!r) throw resourceNotFound(TYPE, ctx.params.accountName, ctx.params.resourceGroupName);
  return r;
}

function validateTags(tags: unknown): Record<string, string> {
  if (tags === undefined || tags === null) return {};
  const entries = Object.entries(tags as Record<string, unknown>);
  // Unconfirmed code names for tag violations; limits are from AZURE-FACTS §7.
  if (entries.length > 15)
    throw new ArmError(400, "InvalidTagCount", "The number of tags exceeds the maximum of 15 for a storage account.");
  for (const [k, v] of entries) {
    if (k.length > 128 || String(v).length > 256)
      throw new ArmError(
        400,
        "InvalidTagNameOrValue",
        `The tag '${k}' has a name longer than 128 or a value longer than 256 characters.`,
      );
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

function validateSkuKind(sku: unknown, kind: unknown): void {
  const skuName = (sku as { name?: unknown } | undefined)?.name;
  // The exact code Storage returns for a bad sku/kind is unconfirmed; this is the one it uses for invalid request values.
  if (typeof skuName !== "string" || !SKUS.includes(skuName)) {
    throw new ArmError(
      400,
      "InvalidValuesForRequestParameters",
      `Values for request parameters are invalid: sku.name. Allowed values are ${SKUS.join(", ")}.`,
    );
  }
  if (typeof kind !== "string" || !KINDS.includes(kind)) {
    throw new ArmError(
      400,
      "InvalidValuesForRequestParameters",
      `Values for request parameters are invalid: kind. Allowed values are ${KINDS.join(", ")}.`,
    );
  }
}

type Json = Record<string, unknown>;

/**
 * Encryption as Azure answers it: the requested key source (Microsoft-managed keys by default), the services with the
 * time they were enabled, and for customer-managed keys the key vault key in use and its last rotation.
 */
function encryptionOf(ctx: RequestContext, requested: unknown, existing: unknown, since: string): Json {
  const req = (requested ?? {}) as Json;
  const old = (existing ?? {}) as Json;
  const keySource = String(req.keySource ?? old.keySource ?? "Microsoft.Storage");
  const service = (s: unknown) => ({
    enabled: true,
    keyType: "Account",
    ...((s ?? {}) as Json),
    lastEnabledTime: since,
  });
  const services = { ...((old.services ?? {}) as Json), ...((req.services ?? {}) as Json) };
  const kv = (req.keyvaultproperties ?? old.keyvaultproperties) as Json | undefined;
  const oldKv = (old.keyvaultproperties ?? {}) as Json;
  const sameKey = kv && oldKv.keyname === kv.keyname && oldKv.keyvaulturi === kv.keyvaulturi;
  return {
    keySource,
    ...(req.requireInfrastructureEncryption !== undefined || old.requireInfrastructureEncryption !== undefined
      ? { requireInfrastructureEncryption: req.requireInfrastructureEncryption ?? old.requireInfrastructureEncryption }
      : {}),
    services: {
      blob: service(services.blob),
      file: service(services.file),
      ...(services.queue ? { queue: service(services.queue) } : {}),
      ...(services.table ? { table: service(services.table) } : {}),
    },
    ...(keySource === "Microsoft.Keyvault" && kv
      ? {
          keyvaultproperties: {
            keyname: kv.keyname,
            keyvaulturi: kv.keyvaulturi,
            keyversion: kv.keyversion ?? "",
            currentVersionedKeyIdentifier: sameKey
              ? oldKv.currentVersionedKeyIdentifier
              : `${String(kv.keyvaulturi).replace(/\/+$/, "")}/keys/${String(kv.keyname)}/${String(kv.keyversion || randomBytes(16).toString("hex"))}`,
            lastKeyRotationTimestamp: sameKey ? oldKv.lastKeyRotationTimestamp : ctx.clock.iso(),
          },
        }
      : {}),
    ...((req.identity ?? old.identity) ? { identity: req.identity ?? old.identity } : {}),
  };
}

/** Network rules with Azure's defaults filled in (bypass AzureServices, empty rule lists). */
const networkAclsOf = (requested: unknown, existing: unknown): Json => {
  const acls = (requested ?? existing ?? {}) as Json;
  return { bypass: "AzureServices", virtualNetworkRules: [], ipRules: [], defaultAction: "Allow", ...acls };
};

/** Account properties a PUT or PATCH sets that Azure answers as normalised objects; the rest are kept as sent. */
function mergedProperties(ctx: RequestContext, props: Json, oldProps: Json): Json {
  return {
    ...oldProps,
    ...props,
    encryption: encryptionOf(
      ctx,
      props.encryption,
      oldProps.encryption,
      String(oldProps.creationTime ?? ctx.clock.iso()),
    ),
    networkAcls: networkAclsOf(props.networkAcls, oldProps.networkAcls),
  };
}

function accountBody(ctx: RequestContext, name: string, location: string, existing?: Record<string, unknown>) {
  const skuName = String(ctx.body.sku.name);
  const kind = String(ctx.body.kind);
  const props = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const geo = /GRS|GZRS/.test(skuName);
  const paired = REGIONS.find((r) => r.name === location)?.pairedRegion;
  const endpoint = (svc: string) => `https://${name}.${svc}.core.windows.net/`;
  const oldProps = (existing?.properties ?? {}) as Record<string, unknown>;
  const identity = managedIdentity(ctx.body.identity, existing?.identity, ctx.subscription?.tenantId);
  return {
    name,
    type: TYPE,
    location,
    tags: validateTags(ctx.body.tags),
    sku: { name: skuName, tier: skuName.startsWith("Premium") ? "Premium" : "Standard" },
    kind,
    ...(identity ? { identity } : {}),
    properties: {
      ...mergedProperties(ctx, props, oldProps),
      provisioningState: oldProps.provisioningState ?? "Creating",
      creationTime: oldProps.creationTime ?? ctx.clock.iso(),
      primaryLocation: location,
      statusOfPrimary: "available",
      ...(geo && paired ? { secondaryLocation: paired, statusOfSecondary: "available" } : {}),
      primaryEndpoints: {
        blob: endpoint("blob"),
        queue: endpoint("queue"),
        table: endpoint("table"),
        file: endpoint("file"),
        web: endpoint("z13.web"),
        dfs: endpoint("dfs"),
      },
      accessTier:
        kind === "StorageV2" || kind === "BlobStorage" ? (props.accessTier ?? oldProps.accessTier ?? "Hot") : undefined,
      supportsHttpsTrafficOnly: props.supportsHttpsTrafficOnly ?? oldProps.supportsHttpsTrafficOnly ?? true,
      minimumTlsVersion: props.minimumTlsVersion ?? oldProps.minimumTlsVersion ?? "TLS1_2",
      allowBlobPublicAccess: props.allowBlobPublicAccess ?? oldProps.allowBlobPublicAccess ?? false,
      keyCreationTime: oldProps.keyCreationTime ?? { key1: ctx.clock.iso(), key2: ctx.clock.iso() },
      privateEndpointConnections: oldProps.privateEndpointConnections ?? [],
    },
  };
}

function putAccount(ctx: RequestContext) {
  const name = ctx.params.accountName;
  if (!isValidName(name)) throw new ArmError(400, "AccountNameInvalid", invalidNameMessage(name));
  if (!ctx.body.location)
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  const location = normalizeLocation(ctx.body.location);
  if (!location)
    throw new ArmError(
      400,
      "LocationNotAvailableForResourceType",
      `The provided location '${ctx.body.location}' is not available for resource type '${TYPE}'. List of available regions for the resource type is '${REGION_NAMES.join(",")}'.`,
    );
  validateSkuKind(ctx.body.sku, ctx.body.kind);
  const existing = ctx.store.getResource(ctx.path);
  const taken = findByName(ctx, name);
  if (taken && taken.id.toLowerCase() !== ctx.path.toLowerCase()) {
    throw new ArmError(409, "StorageAccountAlreadyTaken", `The storage account named ${name} is already taken.`);
  }
  if (existing) {
    // An update of an existing account is synchronous: 200 with the account.
    return ok(
      ctx.store.putResource(ctx.path, accountBody(ctx, String(existing.body.name), location, existing.body)).body,
    );
  }
  ctx.store.putResource(ctx.path, accountBody(ctx, name, location), {
    keys: [newKey(ctx, "key1"), newKey(ctx, "key2")],
  });
  const op = ctx.lro.begin({
    resourceId: ctx.path,
    kind: "create",
    durationSeconds: CREATE_SECONDS,
    apiVersion: ctx.apiVersion,
    namespace: "Microsoft.Storage",
    location,
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 202, asyncOperation: false });
}

function newKey(ctx: RequestContext, keyName: string) {
  return { keyName, value: randomBytes(64).toString("base64"), permissions: "FULL", creationTime: ctx.clock.iso() };
}

function patchAccount(ctx: RequestContext) {
  const r = getAccount(ctx);
  const body = structuredClone(r.body) as Record<string, unknown> & { properties: Record<string, unknown> };
  if (ctx.body.tags !== undefined) body.tags = validateTags(ctx.body.tags);
  if (ctx.body.sku !== undefined) {
    validateSkuKind(ctx.body.sku, ctx.body.kind ?? body.kind);
    const skuName = String(ctx.body.sku.name);
    body.sku = { name: skuName, tier: skuName.startsWith("Premium") ? "Premium" : "Standard" };
  }
  // Every writable property the PATCH names is applied (StorageAccountEnableAD, StorageAccountEnableCMK); read-only
  // ones were already refused or ignored by the spec check.
  const props = (ctx.body.properties ?? {}) as Record<string, unknown>;
  body.properties = mergedProperties(ctx, props, body.properties);
  if (ctx.body.identity !== undefined) {
    const identity = managedIdentity(ctx.body.identity, body.identity, ctx.subscription?.tenantId);
    if (identity) body.identity = identity;
    else delete body.identity;
  }
  return ok(ctx.store.putResource(r.id, body).body);
}

/**
 * GET with `$expand=geoReplicationStats` (StorageAccountGetPropertiesGeoReplicationStats…): the secondary's status for
 * a geo-redundant account, modelled as live and a minute behind; after a failover the account is LRS (ZRS for GZRS),
 * after a planned failover it keeps its SKU.
 */
function getWithExpand(ctx: RequestContext) {
  const body = getAccount(ctx).body as Json & { sku: { name: string }; properties: Json };
  if (!/geoReplicationStats/i.test(ctx.query.get("$expand") ?? "") || !/GRS|GZRS/.test(body.sku.name)) return ok(body);
  const zonal = body.sku.name.includes("GZRS");
  return ok({
    ...body,
    properties: {
      ...body.properties,
      geoReplicationStats: {
        status: "Live",
        lastSyncTime: ctx.clock.iso(ctx.clock.now() - 60_000),
        canFailover: true,
        canPlannedFailover: true,
        postFailoverRedundancy: zonal ? "Standard_ZRS" : "Standard_LRS",
        postPlannedFailoverRedundancy: body.sku.name,
      },
    },
  });
}

function deleteAccount(ctx: RequestContext) {
  const r = ctx.store.getResource(ctx.path);
  if (!r) return { status: 204 };
  ctx.store.deleteTree(r.id);
  return { status: 200 };
}

function checkName(ctx: RequestContext) {
  const name = String(ctx.body.name ?? "");
  if (ctx.body.type !== TYPE) {
    throw new ArmError(
      400,
      "InvalidResourceType",
      `The resource type '${String(ctx.body.type)}' is not supported; use '${TYPE}'.`,
    );
  }
  if (!isValidName(name))
    return ok({ nameAvailable: false, reason: "AccountNameInvalid", message: invalidNameMessage(name) });
  if (findByName(ctx, name)) {
    return ok({
      nameAvailable: false,
      reason: "AlreadyExists",
      message: `The storage account named ${name} is already taken.`,
    });
  }
  return ok({ nameAvailable: true });
}

export default defineProvider({
  name: "storage",
  namespaces: [
    {
      namespace: "Microsoft.Storage",
      resourceTypes: [{ resourceType: "storageAccounts", locations: REGION_NAMES, apiVersions: STORAGE_API_VERSIONS }],
    },
  ],
  routes: [
    { ...base, method: "PUT", path: accountPath, operation: "write", bodySchema: accountSchema, handler: putAccount },
    { ...base, method: "GET", path: accountPath, operation: "read", handler: getWithExpand },
    {
      ...base,
      method: "PATCH",
      path: accountPath,
      operation: "write",
      bodySchema: accountUpdateSchema,
      handler: patchAccount,
    },
    { ...base, method: "DELETE", path: accountPath, operation: "delete", handler: deleteAccount },
    {
      ...base,
      method: "POST",
      path: `${accountPath}/listKeys`,
      operation: "action",
      action: `${TYPE}/listKeys/action`,
      handler: (ctx) => ok({ keys: (getAccount(ctx).internal.keys as unknown[]) ?? [] }),
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts",
      operation: "read",
      handler: (ctx) =>
        ok(
          ctx.page(
            ctx.store
              .listResources({
                scope: `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`,
                type: TYPE,
              })
              .map((r) => r.body),
          ),
        ),
    },
    {
      ...base,
      method: "GET",
      path: "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts",
      operation: "read",
      handler: (ctx) =>
        ok(
          ctx.page(
            ctx.store.listResources({ subscriptionId: ctx.params.subscriptionId, type: TYPE }).map((r) => r.body),
          ),
        ),
    },
    {
      ...base,
      method: "POST",
      path: "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/checkNameAvailability",
      operation: "action",
      action: `${TYPE}/checknameavailability/read`,
      bodySchema: s.obj({ name: s.str, type: s.str }, ["name", "type"]),
      handler: checkName,
    },
  ],
});
