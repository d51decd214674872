import { existsSync } from "node:fs";
import { generateKeyPairSync } from "node:crypto";
import { ComputeManagementClient, type VirtualMachine } from "@azure/arm-compute";
import type { RestError } from "@azure/core-rest-pipeline";
import type { TestEmulator } from "../../testing.js";
import type { State } from "../../core/state.js";

/**
 * Test-only helpers for the Compute contract tests (not imported by the plugin). NICs normally come from the
 * Network RP; until `emulator/providers/network.ts` exists they are written into the emulator's state through
 * the control API (snapshot → add → restore), with the shape the Network RP stores.
 */
export const POLL = { updateIntervalInMs: 20 };
export const STRONG_PASSWORD = "Str0ng!Passw0rd#2024";

export function computeClient(emu: TestEmulator, appId: string, subscriptionId: string): ComputeManagementClient {
  return new ComputeManagementClient(emu.credential(appId), subscriptionId, emu.clientOptions());
}

export async function restError(p: Promise<unknown>): Promise<RestError> {
  try {
    await p;
  } catch (e) {
    return e as RestError;
  }
  throw new Error("expected the call to fail");
}

export const networkRpPresent = () => existsSync(new URL("../network.ts", import.meta.url));

export interface NicOptions {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** Adds a public IP (Dynamic unless `static`), referenced with this deleteOption. */
  publicIp?: { allocation: "Dynamic" | "Static"; deleteOption?: "Delete" | "Detach" };
}

const record = (
  id: string,
  subscriptionId: string,
  resourceGroup: string,
  type: string,
  body: Record<string, unknown>,
) => ({
  id,
  subscriptionId,
  resourceGroup,
  type: type.toLowerCase(),
  body: { ...body, id },
  internal: {},
  createdAtMs: Date.now(),
});

/** Writes a NIC (and optionally a public IP) into the emulator's state; returns the NIC id. */
export async function putNic(emu: TestEmulator, o: NicOptions): Promise<string> {
  const group = `/subscriptions/${o.subscriptionId}/resourceGroups/${o.resourceGroup}`;
  const nicId = `${group}/providers/Microsoft.Network/networkInterfaces/${o.name}`;
  const pipId = `${group}/providers/Microsoft.Network/publicIPAddresses/${o.name}-ip`;
  const ipConfigId = `${nicId}/ipConfigurations/ipconfig1`;
  const state = (await emu.control.snapshot()) as unknown as State;
  const add = (id: string, type: string, body: Record<string, unknown>) =>
    (state.resources[id.toLowerCase()] = record(id, o.subscriptionId, o.resourceGroup, type, body));
  add(nicId, "Microsoft.Network/networkInterfaces", {
    name: o.name,
    type: "Microsoft.Network/networkInterfaces",
    location: o.location,
    etag: 'W/"1"',
    properties: {
      provisioningState: "Succeeded",
      ipConfigurations: [
        {
          id: ipConfigId,
          name: "ipconfig1",
          properties: {
            provisioningState: "Succeeded",
            privateIPAddress: "10.0.0.4",
            privateIPAllocationMethod: "Dynamic",
            primary: true,
            subnet: { id: `${group}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default` },
            ...(o.publicIp
              ? { publicIPAddress: { id: pipId, properties: { deleteOption: o.publicIp.deleteOption ?? "Detach" } } }
              : {}),
          },
        },
      ],
    },
  });
  if (o.publicIp) {
    add(pipId, "Microsoft.Network/publicIPAddresses", {
      name: `${o.name}-ip`,
      type: "Microsoft.Network/publicIPAddresses",
      location: o.location,
      sku: { name: o.publicIp.allocation === "Static" ? "Standard" : "Basic" },
      properties: {
        provisioningState: "Succeeded",
        publicIPAllocationMethod: o.publicIp.allocation,
        ipConfiguration: { id: ipConfigId },
        ...(o.publicIp.allocation === "Static" ? { ipAddress: "52.1.2.3" } : {}),
      },
    });
  }
  await emu.control.restore({ state });
  return nicId;
}

/** The emulator's stored resource body by id (inventory), or undefined. */
export async function storedBody(
  emu: TestEmulator,
  subscriptionId: string,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const inv = await emu.control.inventory();
  return (inv.subscriptions[subscriptionId] ?? []).find((r) => r.id.toLowerCase() === id.toLowerCase())?.body;
}

export function sshRsaKey(bits: number): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const jwk = publicKey.export({ format: "jwk" });
  const mpint = (b64: string) => {
    let buf = Buffer.from(b64, "base64url");
    if (buf[0] & 0x80) buf = Buffer.concat([Buffer.from([0]), buf]);
    return buf;
  };
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const blob = Buffer.concat([field(Buffer.from("ssh-rsa")), field(mpint(jwk.e!)), field(mpint(jwk.n!))]);
  return `ssh-rsa ${blob.toString("base64")} test@emulator`;
}

export function linuxVm(location: string, nicId: string, extra: Partial<VirtualMachine> = {}): VirtualMachine {
  return {
    location,
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    storageProfile: {
      imageReference: {
        publisher: "Canonical",
        offer: "0001-com-ubuntu-server-jammy",
        sku: "22_04-lts-gen2",
        version: "latest",
      },
      osDisk: { createOption: "FromImage", deleteOption: "Delete" },
    },
    osProfile: { computerName: "web01", adminUsername: "azureuser", adminPassword: STRONG_PASSWORD },
    networkProfile: { networkInterfaces: [{ id: nicId, deleteOption: "Delete" }] },
    ...extra,
  };
}

export function windowsVm(location: string, nicId: string, extra: Partial<VirtualMachine> = {}): VirtualMachine {
  return {
    location,
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    storageProfile: {
      imageReference: {
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2022-datacenter-g2",
        version: "latest",
      },
    },
    osProfile: { computerName: "winapp01", adminUsername: "opsadmin", adminPassword: STRONG_PASSWORD },
    networkProfile: { networkInterfaces: [{ id: nicId }] },
    ...extra,
  };
}
