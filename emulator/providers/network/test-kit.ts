import { NetworkManagementClient } from "@azure/arm-network";
import type { RestError } from "@azure/core-rest-pipeline";
import type { TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../../seed.js";

/** Shared set-up for the network contract tests (kept in the helper folder so it is not loaded as a plugin). */
export const SUB = PROVIDER_SUBSCRIPTION_ID;
export const LOCATION = "westeurope";
export const fast = { updateIntervalInMs: 20 };

export function networkClient(
  emu: TestEmulator,
  appId = PROVIDER_APP_ID,
  subscriptionId = SUB,
): NetworkManagementClient {
  return new NetworkManagementClient(emu.credential(appId), subscriptionId, emu.clientOptions());
}

export async function createGroup(emu: TestEmulator, name: string, location = LOCATION): Promise<void> {
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(name, { location });
}

export async function restError(p: Promise<unknown>): Promise<RestError> {
  try {
    await p;
  } catch (e) {
    return e as RestError;
  }
  throw new Error("expected the call to fail");
}

/** The ARM error code of a failed SDK call, and the first detail code when Azure wraps the reason. */
export async function errorCodes(
  p: Promise<unknown>,
): Promise<{ status?: number; code?: string; detail?: string; message: string }> {
  const e = await restError(p);
  // A refused LRO start (createOrUpdate) surfaces without the ARM body, so details are only there for other calls.
  const details = (e.details as { error?: { details?: { code?: string }[] } } | undefined)?.error?.details;
  return { status: e.statusCode, code: e.code, detail: details?.[0]?.code, message: e.message };
}

export const API = "2026-01-01";

export const rgId = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;
export const netId = (rg: string, type: string, name: string) =>
  `${rgId(rg)}/providers/Microsoft.Network/${type}/${name}`;

export async function createVnet(
  client: NetworkManagementClient,
  rg: string,
  name = "vnet1",
  subnets: [string, string][] = [["default", "10.0.0.0/24"]],
) {
  return client.virtualNetworks.createOrUpdate(
    rg,
    name,
    {
      location: LOCATION,
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
      subnets: subnets.map(([n, addressPrefix]) => ({ name: n, addressPrefix })),
    },
    fast,
  );
}

export async function createStandardIp(client: NetworkManagementClient, rg: string, name: string) {
  return client.publicIPAddresses.createOrUpdate(
    rg,
    name,
    { location: LOCATION, sku: { name: "Standard" }, publicIPAllocationMethod: "Static" },
    fast,
  );
}

/**
 * Does what the Compute RP does when a VM uses a NIC (`properties.virtualMachine = { id }` in the store), through
 * the control API's snapshot and restore.
 */
export async function attachNicToVm(emu: TestEmulator, nicId: string, vmId: string): Promise<void> {
  const state = await emu.control.call<{
    resources: Record<string, { body: { properties: Record<string, unknown> } }>;
  }>("GET", "snapshot");
  state.resources[nicId.toLowerCase()].body.properties.virtualMachine = { id: vmId };
  await emu.control.call("POST", "restore", { state });
}
