import { armCall } from "./errors";
import { armClientsFor } from "./clients";
import {
  mapLocations,
  mapProvider,
  mapSubscription,
  mapUsages,
  mapVmSize,
  mapVmSkus,
  type AzureLocation,
  type CoreUsage,
  type ProviderRegistration,
  type SubscriptionInfo,
  type VmSize,
  type VmSkuAvailability,
} from "./subscription-mappers";
import type { AzureAccess } from "./types";

// Subscriptions and locations live in @azure/arm-resources-subscriptions, which we do not install: raw GETs instead.
const SUBSCRIPTIONS_API = "2022-12-01";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Signs in as the service principal. Throws ArmError with the AADSTS code (AADSTS7000215 = wrong secret) on failure. */
export async function checkAccess(access: AzureAccess): Promise<{ ok: true; tokenExpiresOn: Date }> {
  const { credential, endpoints } = armClientsFor(access);
  const token = await armCall(() => credential.getToken(endpoints.scope));
  return { ok: true, tokenExpiresOn: new Date(token.expiresOnTimestamp) };
}

export function getSubscription(access: AzureAccess): Promise<SubscriptionInfo> {
  const { rest, subscriptionId } = armClientsFor(access);
  return armCall(async () => mapSubscription(await rest.get(`/subscriptions/${subscriptionId}`, SUBSCRIPTIONS_API)));
}

export function listProviders(access: AzureAccess, namespaces: string[]): Promise<ProviderRegistration[]> {
  const { resources } = armClientsFor(access);
  return armCall(() => Promise.all(namespaces.map(async (ns) => mapProvider(await resources.providers.get(ns), ns))));
}

/** Asks Azure to register a namespace; registration settles later (poll listProviders). */
export function registerProvider(access: AzureAccess, namespace: string): Promise<ProviderRegistration> {
  const { resources } = armClientsFor(access);
  return armCall(async () => mapProvider(await resources.providers.register(namespace), namespace));
}

export function listLocations(access: AzureAccess): Promise<AzureLocation[]> {
  const { rest, subscriptionId } = armClientsFor(access);
  return armCall(async () =>
    mapLocations(await rest.list(`/subscriptions/${subscriptionId}/locations`, SUBSCRIPTIONS_API)),
  );
}

export function listVmSizes(access: AzureAccess, location: string): Promise<VmSize[]> {
  const { compute } = armClientsFor(access);
  return armCall(async () => (await collect(compute.virtualMachineSizes.list(location))).map(mapVmSize));
}

/** VM sizes with the regions where this subscription may use them (restrictions applied). */
export function listResourceSkus(access: AzureAccess, location?: string): Promise<VmSkuAvailability[]> {
  const { compute } = armClientsFor(access);
  const filter = location ? `location eq '${location.replace(/'/g, "")}'` : undefined;
  return armCall(async () => mapVmSkus(await collect(compute.resourceSkus.list(filter ? { filter } : {}))));
}

export function listUsages(access: AzureAccess, location: string): Promise<CoreUsage> {
  const { compute } = armClientsFor(access);
  return armCall(async () => mapUsages(await collect(compute.usage.list(location))));
}
