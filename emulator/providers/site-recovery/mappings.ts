import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import type { EffectHandler } from "../../core/lro.js";
import {
  asrError,
  AZURE_FABRIC,
  CONTAINER,
  FABRIC,
  getAt,
  listUnder,
  props,
  route,
  sameId,
  T,
  VAULT,
  vaultOf,
} from "./common.js";
import { acceptedReply, startJob } from "./jobs.js";
import { containerMappingSchema, networkMappingSchema } from "./schemas.js";

/** Policy association (container mapping, AZURE-FACTS §8) and VMM network → Azure VNet mapping. */
const CMAP = `${CONTAINER}/replicationProtectionContainerMappings/{mappingName}`;
const NET = `${FABRIC}/replicationNetworks/{networkName}`;
const NMAP = `${NET}/replicationNetworkMappings/{mappingName}`;
const JOB_SECONDS = 30;

const bad = (code: string, message: string, cause: string) =>
  asrError(400, code, message, cause, "Correct the request and retry the operation.");

function putContainerMapping(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const containerId = ctx.path.split("/").slice(0, -2).join("/");
  const container = getAt(ctx, "ProtectionContainer", ctx.params.containerName, containerId);
  const p = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const policy = typeof p.policyId === "string" ? ctx.store.getResource(p.policyId) : undefined;
  if (!policy || !sameId(policy.id.split("/").slice(0, 9).join("/"), vault.id)) {
    throw bad(
      "PolicyNotFound",
      `The replication policy '${String(p.policyId)}' was not found in the vault.`,
      "The policy does not exist or belongs to another vault.",
    );
  }
  if (p.targetProtectionContainerId !== AZURE_FABRIC) {
    throw bad(
      "InvalidTargetProtectionContainer",
      `For Hyper-V to Azure the target protection container must be '${AZURE_FABRIC}'.`,
      "The target is not Azure.",
    );
  }
  const other = listUnder(ctx.store, container.id, T.containerMapping).find(
    (m) => sameId(props(m).policyId, policy.id) && !sameId(m.id, ctx.path),
  );
  if (other)
    throw bad(
      "ProtectionContainerAlreadyAssociated",
      `The replication policy '${String(policy.body.name)}' is already associated with the cloud '${String(props(container).friendlyName)}'.`,
      "The policy is already associated with this cloud.",
    );
  ctx.store.putResource(ctx.path, {
    name: ctx.params.mappingName,
    type: T.containerMapping,
    properties: {
      targetProtectionContainerId: AZURE_FABRIC,
      targetProtectionContainerFriendlyName: AZURE_FABRIC,
      providerSpecificDetails: { instanceType: "HyperVReplicaAzure" },
      health: "Normal",
      healthErrorDetails: [],
      policyId: policy.id,
      policyFriendlyName: props(policy).friendlyName,
      state: "Pairing",
      sourceProtectionContainerFriendlyName: props(container).friendlyName,
      sourceFabricFriendlyName: props(container).fabricFriendlyName,
      targetFabricFriendlyName: AZURE_FABRIC,
    },
  });
  const started = startJob(ctx, vault, {
    scenarioName: "ConfigureProtection",
    friendlyName: "Associate replication policy",
    targetObjectId: container.id,
    targetObjectName: String(props(container).friendlyName),
    targetInstanceType: "ProtectionContainer",
    tasks: [
      "Prerequisites check for associating the policy",
      "Associate the replication policy",
      "Configure protection settings on the cloud",
    ],
    durationSeconds: JOB_SECONDS,
    effect: { name: "asr.setState", args: { id: ctx.path, state: "Paired" } },
  });
  return acceptedReply(ctx, vault, started);
}

function removeContainerMapping(ctx: RequestContext, mappingPath: string) {
  const vault = vaultOf(ctx);
  const mapping = ctx.store.getResource(mappingPath);
  if (!mapping) return { status: 204 };
  const containerId = mappingPath.split("/").slice(0, -2).join("/");
  if (listUnder(ctx.store, containerId, T.protected).some((i) => sameId(props(i).policyId, props(mapping).policyId))) {
    throw bad(
      "PolicyInUseByProtectedItems",
      "The replication policy can't be dissociated because virtual machines in the cloud are protected with it.",
      "Protection is enabled for virtual machines that use this policy.",
    );
  }
  const started = startJob(ctx, vault, {
    scenarioName: "UnconfigureProtection",
    friendlyName: "Dissociate replication policy",
    targetObjectId: containerId,
    targetObjectName: String(props(mapping).sourceProtectionContainerFriendlyName),
    targetInstanceType: "ProtectionContainer",
    tasks: ["Dissociate the replication policy"],
    durationSeconds: JOB_SECONDS,
    effect: { name: "asr.delete", args: { id: mapping.id } },
  });
  return acceptedReply(ctx, vault, started);
}

function putNetworkMapping(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const networkId = ctx.path.split("/").slice(0, -2).join("/");
  const network = getAt(ctx, "Network", ctx.params.networkName, networkId);
  const p = (ctx.body.properties ?? {}) as Record<string, unknown>;
  const kind = (p.fabricSpecificDetails as { instanceType?: string } | undefined)?.instanceType;
  if (kind !== "VmmToAzure") {
    throw bad(
      "InvalidNetworkMappingType",
      `The network mapping type '${String(kind)}' is not valid for a VMM network mapped to Azure; use 'VmmToAzure'.`,
      "The mapping type does not match the source and target.",
    );
  }
  const vnet = typeof p.recoveryNetworkId === "string" ? ctx.store.getResource(p.recoveryNetworkId) : undefined;
  if (!vnet || !/\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i.test(vnet.id)) {
    throw bad(
      "AzureNetworkNotFound",
      `The Azure virtual network '${String(p.recoveryNetworkId)}' was not found or you do not have access to it.`,
      "The virtual network does not exist.",
    );
  }
  if (String(vnet.body.location) !== String(vault.body.location)) {
    throw bad(
      "AzureNetworkLocationMismatch",
      `The Azure virtual network '${String(vnet.body.name)}' is in '${String(vnet.body.location)}'. It must be in the vault's region ('${String(vault.body.location)}').`,
      "The network is in another region.",
    );
  }
  ctx.store.putResource(ctx.path, {
    name: ctx.params.mappingName,
    type: T.networkMapping,
    location: vault.body.location,
    properties: {
      state: "Pairing",
      primaryNetworkFriendlyName: props(network).friendlyName,
      primaryNetworkId: network.id,
      primaryFabricFriendlyName: props(ctx.store.getResource(networkId.split("/").slice(0, -2).join("/"))!)
        .friendlyName,
      recoveryNetworkFriendlyName: vnet.body.name,
      recoveryNetworkId: vnet.id,
      recoveryFabricArmId: AZURE_FABRIC,
      recoveryFabricFriendlyName: AZURE_FABRIC,
      fabricSpecificSettings: { instanceType: "VmmToAzure" },
    },
  });
  const started = startJob(ctx, vault, {
    scenarioName: "MapNetwork",
    friendlyName: "Map networks",
    targetObjectId: network.id,
    targetObjectName: String(props(network).friendlyName),
    targetInstanceType: "Network",
    tasks: ["Map networks"],
    durationSeconds: JOB_SECONDS / 2,
    effect: { name: "asr.setState", args: { id: ctx.path, state: "Paired" } },
  });
  return acceptedReply(ctx, vault, started);
}

function deleteNetworkMapping(ctx: RequestContext) {
  const vault = vaultOf(ctx);
  const mapping = ctx.store.getResource(ctx.path);
  if (!mapping) return { status: 204 };
  const started = startJob(ctx, vault, {
    scenarioName: "UnmapNetwork",
    friendlyName: "Unmap networks",
    targetObjectId: mapping.id,
    targetObjectName: String(props(mapping).primaryNetworkFriendlyName),
    targetInstanceType: "Network",
    tasks: ["Unmap networks"],
    durationSeconds: JOB_SECONDS / 2,
    effect: { name: "asr.delete", args: { id: mapping.id } },
  });
  return acceptedReply(ctx, vault, started);
}

export const mappingEffects: Record<string, EffectHandler> = {
  "asr.setState": ({ store }, args) => {
    const r = store.getResource(String(args.id));
    if (r) (r.body.properties as Record<string, unknown>).state = args.state;
  },
  "asr.delete": ({ store }, args) => void store.deleteTree(String(args.id)),
};

const vaultScope = (ctx: RequestContext) => ctx.path.split("/").slice(0, 9).join("/");
const list = (type: string, scope: (ctx: RequestContext) => string) => (ctx: RequestContext) => (
  vaultOf(ctx),
  ok(ctx.page(listUnder(ctx.store, scope(ctx), type).map((r) => r.body)))
);
const parent = (ctx: RequestContext) => ctx.path.split("/").slice(0, -1).join("/");

export const mappingRoutes: RouteDef[] = [
  route({
    method: "PUT",
    path: CMAP,
    operation: "write",
    resourceType: T.containerMapping,
    bodySchema: containerMappingSchema,
    handler: putContainerMapping,
  }),
  route({
    method: "GET",
    path: CMAP,
    operation: "read",
    resourceType: T.containerMapping,
    handler: (ctx) => ok(getAt(ctx, "ProtectionContainerMapping", ctx.params.mappingName).body),
  }),
  route({
    method: "POST",
    path: `${CMAP}/remove`,
    operation: "action",
    resourceType: T.containerMapping,
    handler: (ctx) => removeContainerMapping(ctx, ctx.path.replace(/\/remove$/i, "")),
  }),
  route({
    method: "DELETE",
    path: CMAP,
    operation: "delete",
    resourceType: T.containerMapping,
    handler: (ctx) => removeContainerMapping(ctx, ctx.path),
  }),
  route({
    method: "GET",
    path: `${CONTAINER}/replicationProtectionContainerMappings`,
    operation: "read",
    resourceType: T.containerMapping,
    handler: list(T.containerMapping, parent),
  }),
  route({
    method: "GET",
    path: `${VAULT}/replicationProtectionContainerMappings`,
    operation: "read",
    resourceType: T.containerMapping,
    handler: list(T.containerMapping, vaultScope),
  }),
  route({
    method: "PUT",
    path: NMAP,
    operation: "write",
    resourceType: T.networkMapping,
    bodySchema: networkMappingSchema,
    handler: putNetworkMapping,
  }),
  route({
    method: "GET",
    path: NMAP,
    operation: "read",
    resourceType: T.networkMapping,
    handler: (ctx) => ok(getAt(ctx, "NetworkMapping", ctx.params.mappingName).body),
  }),
  route({
    method: "DELETE",
    path: NMAP,
    operation: "delete",
    resourceType: T.networkMapping,
    handler: deleteNetworkMapping,
  }),
  route({
    method: "GET",
    path: `${NET}/replicationNetworkMappings`,
    operation: "read",
    resourceType: T.networkMapping,
    handler: list(T.networkMapping, parent),
  }),
  route({
    method: "GET",
    path: `${VAULT}/replicationNetworkMappings`,
    operation: "read",
    resourceType: T.networkMapping,
    handler: list(T.networkMapping, vaultScope),
  }),
];
