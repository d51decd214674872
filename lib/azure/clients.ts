// Internal to lib/azure: SDK types never leave this folder (see index.ts for the public surface).
import { ResourceManagementClient } from "@azure/arm-resources";
import { ComputeManagementClient } from "@azure/arm-compute";
import { NetworkManagementClient } from "@azure/arm-network";
import { StorageManagementClient } from "@azure/arm-storage";
import { RecoveryServicesClient } from "@azure/arm-recoveryservices";
import { SiteRecoveryManagementClient } from "@azure/arm-recoveryservices-siterecovery";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { cloudEndpoints, type CloudEndpoints } from "./clouds";
import { appCredential, type AppTokenCredential } from "./credential";
import { observePolicy } from "./observe";
import { pacingPolicy } from "./pacing-policy";
import { telemetryPolicy } from "./telemetry-policy";
import { createArmRest, type ArmRest } from "./rest";
import type { AzureAccess } from "./types";

export type ArmClients = {
  subscriptionId: string;
  endpoints: CloudEndpoints;
  credential: AppTokenCredential;
  resources: ResourceManagementClient;
  compute: ComputeManagementClient;
  network: NetworkManagementClient;
  storage: StorageManagementClient;
  recoveryServices: RecoveryServicesClient;
  /** siterecovery 5.x takes the vault's resource group and name on every call, so one client serves every vault. */
  siteRecovery: SiteRecoveryManagementClient;
  /** Raw JSON calls through the same pipeline, for ARM APIs no installed SDK covers (subscriptions, locations). */
  rest: ArmRest;
};

// One entry per AzureSubscription id; a newer updatedAt (rotated secret, edited endpoint) replaces it.
const cache = new Map<string, { version: number; clients: ArmClients }>();

export function armClientsFor(access: AzureAccess): ArmClients {
  const version = access.updatedAt.getTime();
  const hit = cache.get(access.id);
  if (hit && hit.version === version) return hit.clients;
  const clients = buildClients(access);
  cache.set(access.id, { version, clients });
  return clients;
}

/** Forgets every credential and client, as a restarted worker would. */
export function clearArmClientCache(): void {
  cache.clear();
}

function buildClients(access: AzureAccess): ArmClients {
  const endpoints = cloudEndpoints(access);
  // The CA replaces the public roots for these clients, so it is only set for a Custom cloud that names one.
  const tls = endpoints.ca ? { tlsOptions: { ca: endpoints.ca } } : {};
  const credential = appCredential(access.directoryId, access, {
    authorityHost: endpoints.authorityHost,
    disableInstanceDiscovery: endpoints.disableInstanceDiscovery,
    ca: endpoints.ca,
  });
  const policies = (): { policy: PipelinePolicy; position: "perRetry" }[] => [
    { policy: pacingPolicy(access.subscriptionId), position: "perRetry" },
    { policy: observePolicy(), position: "perRetry" },
    { policy: telemetryPolicy(), position: "perRetry" },
  ];
  const modular = () => ({
    endpoint: endpoints.resourceManager,
    credentials: { scopes: [endpoints.scope] },
    additionalPolicies: policies(),
    ...tls,
  });
  const sub = access.subscriptionId;
  const resources = new ResourceManagementClient(credential, sub, modular());
  return {
    subscriptionId: sub,
    endpoints,
    credential,
    resources,
    compute: new ComputeManagementClient(credential, sub, modular()),
    network: new NetworkManagementClient(credential, sub, modular()),
    storage: new StorageManagementClient(credential, sub, modular()),
    recoveryServices: new RecoveryServicesClient(credential, sub, modular()),
    siteRecovery: new SiteRecoveryManagementClient(credential, sub, {
      endpoint: endpoints.resourceManager,
      $host: endpoints.resourceManager,
      credentialScopes: [endpoints.scope],
      additionalPolicies: policies(),
      ...tls,
    }),
    rest: createArmRest(resources.pipeline, endpoints.resourceManager),
  };
}
