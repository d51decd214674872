import type { TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID } from "../../seed.js";
import { normalizeLocation } from "../../core/locations.js";
import { AREAS, PREREQUISITE_IMAGE } from "./areas/index.js";

/**
 * Creates what an example needs before it can run as Azure would run it: its resource group, the resource a
 * read/update/delete/action example acts on, and every resource its body references (subnets, public IPs, NSGs,
 * NICs, load balancer children, storage accounts, vaults). Minimal bodies, through the emulator's own ARM API.
 */
const API: Record<string, string> = {
  "microsoft.resources": "2025-04-01",
  "microsoft.network": "2026-01-01",
  "microsoft.compute": "2026-04-01",
  "microsoft.storage": "2026-09-01",
  "microsoft.recoveryservices": "2026-07-01",
};
const ASR_API = "2023-06-01";

const KNOWN = new Set([
  "microsoft.network/virtualnetworks",
  "microsoft.network/publicipaddresses",
  "microsoft.network/networksecuritygroups",
  "microsoft.network/networkinterfaces",
  "microsoft.network/loadbalancers",
  "microsoft.storage/storageaccounts",
  "microsoft.recoveryservices/vaults",
  "microsoft.compute/virtualmachines",
  "microsoft.compute/disks",
]);
const ARM_ID =
  /\/subscriptions\/[^/"]+\/resourceGroups\/[^/"]+\/providers\/Microsoft\.[A-Za-z]+\/[A-Za-z]+\/[^/"?]+(?:\/[A-Za-z]+\/[^/"?]+)?/gi;

export class Prerequisites {
  private readonly done = new Set<string>();
  /**
   * `example`: the example's own body. A VM the example acts on (an update of its model) is created from the
   * example's image, size and OS profile, as the VM the example was written against was: Azure refuses an update
   * that changes the admin username or computer name of an existing VM.
   */
  constructor(
    readonly emu: TestEmulator,
    readonly location: string,
    readonly example?: unknown,
  ) {}

  private vmModel(name: string) {
    const props = ((this.example as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}) as {
      hardwareProfile?: { vmSize?: string };
      storageProfile?: { imageReference?: Record<string, unknown> };
      osProfile?: { adminUsername?: string; computerName?: string };
      networkProfile?: { networkInterfaces?: { id?: string }[] };
    };
    const image = props.storageProfile?.imageReference;
    return {
      vmSize: props.hardwareProfile?.vmSize ?? "Standard_D2s_v5",
      imageReference:
        image?.publisher && image.offer && image.sku
          ? { publisher: image.publisher, offer: image.offer, sku: image.sku, version: image.version ?? "latest" }
          : PREREQUISITE_IMAGE,
      computerName: props.osProfile?.computerName ?? name.slice(0, 15),
      adminUsername: props.osProfile?.adminUsername ?? "azureuser",
      nicId: props.networkProfile?.networkInterfaces?.[0]?.id,
    };
  }

  /** PUT through ARM as the provider's principal, then wait until it is provisioned. */
  async put(path: string, api: string, body: unknown): Promise<void> {
    const res = await this.emu.arm(PROVIDER_APP_ID, "PUT", `${path}?api-version=${api}`, body);
    if (res.status >= 300)
      throw new Error(`prerequisite ${path}: ${res.status} ${res.body?.error?.code}: ${res.body?.error?.message}`);
    // Done already (most network resources, groups, storage accounts at once): no read-back needed.
    if (res.body?.properties?.provisioningState === "Succeeded") return;
    for (let i = 0; i < 300; i++) {
      const got = await this.emu.arm(PROVIDER_APP_ID, "GET", `${path}?api-version=${api}`);
      const state = got.body?.properties?.provisioningState;
      if (got.status === 200 && (state === undefined || state === "Succeeded")) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`prerequisite ${path} did not finish`);
  }

  async group(subscriptionId: string, name: string): Promise<void> {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
    if (this.done.has(id.toLowerCase())) return;
    this.done.add(id.toLowerCase());
    const existing = await this.emu.arm(PROVIDER_APP_ID, "GET", `${id}?api-version=${API["microsoft.resources"]}`);
    if (existing.status === 200) return;
    await this.put(id, API["microsoft.resources"], { location: this.location });
  }

  /** Every ARM id in a request body. */
  static referencedIds(body: unknown): string[] {
    return [...new Set(JSON.stringify(body ?? {}).match(ARM_ID) ?? [])];
  }

  /** Ensures the resource (or child) with this id exists. Unknown types are left to the example to fail on. */
  async ensure(id: string): Promise<void> {
    const key = id.toLowerCase();
    if (this.done.has(key)) return;
    this.done.add(key);
    const m = id.match(
      /^(\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+))\/providers\/(Microsoft\.[A-Za-z]+)\/([A-Za-z]+)\/([^/]+)(?:\/([A-Za-z]+)\/([^/]+))?/i,
    );
    for (const area of AREAS) if (await area.ensure?.(this, id)) return;
    if (!m) return;
    const [, group, sub, rg, ns, type, name, childType, child] = m;
    // A resource the replay cannot create (a Synapse workspace in another tenant's subscription, named in a storage
    // network rule) is left to the RP as Azure would meet it: no group is made for it either.
    if (!KNOWN.has(`${ns}/${type}`.toLowerCase())) return;
    await this.group(sub, rg);
    const top = `${group}/providers/${ns}/${type}/${name}`;
    const api = API[ns.toLowerCase()];
    const location = this.location;
    switch (`${ns}/${type}`.toLowerCase()) {
      case "microsoft.network/virtualnetworks":
        if (!this.done.has(`${top}#vnet`.toLowerCase())) {
          this.done.add(`${top}#vnet`.toLowerCase());
          await this.put(top, api, {
            location,
            properties: { addressSpace: { addressPrefixes: ["10.0.0.0/8", "172.16.0.0/12"] }, subnets: [] },
          });
        }
        if (childType?.toLowerCase() === "subnets") {
          const n = [...this.done].filter((d) => d.startsWith(`${top}/subnets/`.toLowerCase())).length;
          await this.put(`${top}/subnets/${child}`, api, { properties: { addressPrefix: `172.20.${n}.0/24` } });
        }
        return;
      case "microsoft.network/publicipaddresses":
        return this.put(top, api, {
          location,
          sku: { name: "Standard" },
          properties: { publicIPAllocationMethod: "Static" },
        });
      // A security rule an example reads is one the NSG was made with.
      case "microsoft.network/networksecuritygroups": {
        const rule = childType?.toLowerCase() === "securityrules" ? child : undefined;
        const securityRules = rule
          ? [
              {
                name: rule,
                properties: {
                  protocol: "*",
                  sourceAddressPrefix: "*",
                  destinationAddressPrefix: "*",
                  access: "Allow",
                  destinationPortRange: "80",
                  sourcePortRange: "*",
                  priority: 130,
                  direction: "Inbound",
                },
              },
            ]
          : [];
        return this.put(top, api, { location, properties: { securityRules } });
      }
      case "microsoft.network/networkinterfaces": {
        const subnet = `${group}/providers/Microsoft.Network/virtualNetworks/prerequisite-vnet/subnets/default`;
        await this.ensure(subnet);
        return this.put(top, api, {
          location,
          properties: { ipConfigurations: [{ name: "ipconfig1", properties: { subnet: { id: subnet } } }] },
        });
      }
      case "microsoft.network/loadbalancers": {
        const pip = `${group}/providers/Microsoft.Network/publicIPAddresses/${name}-prerequisite-ip`;
        await this.ensure(pip);
        const kind = childType?.toLowerCase();
        const frontend = kind === "frontendipconfigurations" ? child : "frontend";
        const pool = kind === "backendaddresspools" ? child : "backend";
        const ref = (collection: string, name: string) => ({ id: `${top}/${collection}/${name}` });
        // An inbound NAT, outbound or load-balancing rule or a probe an example reads is one the load balancer was
        // made with.
        const probes =
          kind === "probes" || kind === "loadbalancingrules"
            ? [{ name: kind === "probes" ? child : "probe1", properties: { protocol: "Tcp", port: 80 } }]
            : [];
        const loadBalancingRules =
          kind === "loadbalancingrules"
            ? [
                {
                  name: child,
                  properties: {
                    frontendIPConfiguration: ref("frontendIPConfigurations", frontend),
                    backendAddressPool: ref("backendAddressPools", pool),
                    probe: ref("probes", "probe1"),
                    protocol: "Tcp",
                    frontendPort: 80,
                    backendPort: 80,
                  },
                },
              ]
            : [];
        const inboundNatRules =
          kind === "inboundnatrules"
            ? [
                {
                  name: child,
                  properties: {
                    frontendIPConfiguration: ref("frontendIPConfigurations", frontend),
                    protocol: "Tcp",
                    frontendPort: 3390,
                    backendPort: 3389,
                  },
                },
              ]
            : [];
        const outboundRules =
          kind === "outboundrules"
            ? [
                {
                  name: child,
                  properties: {
                    frontendIPConfigurations: [ref("frontendIPConfigurations", frontend)],
                    backendAddressPool: ref("backendAddressPools", pool),
                    protocol: "Tcp",
                  },
                },
              ]
            : [];
        return this.put(top, api, {
          location,
          sku: { name: "Standard" },
          properties: {
            frontendIPConfigurations: [{ name: frontend, properties: { publicIPAddress: { id: pip } } }],
            backendAddressPools: [{ name: pool }],
            inboundNatRules,
            outboundRules,
            probes,
            loadBalancingRules,
          },
        });
      }
      case "microsoft.storage/storageaccounts":
        return this.put(top, api, { location, sku: { name: "Standard_LRS" }, kind: "StorageV2" });
      case "microsoft.recoveryservices/vaults":
        await this.put(top, api, {
          location,
          sku: { name: "Standard" },
          properties: { publicNetworkAccess: "Enabled" },
        });
        // A VMM fabric and cloud an example names (…/replicationFabrics/cloud1/replicationProtectionContainers/cloud_…):
        // the VMM server registers them with those names, as the Provider setup on the server would.
        if (childType?.toLowerCase() === "replicationfabrics") {
          const container = /\/replicationProtectionContainers\/([^/]+)/i.exec(id)?.[1];
          await this.emu.control.call("POST", "site-recovery/register-vmm", {
            vaultId: top,
            serverName: child,
            fabricName: child,
            clouds: container ? [{ name: child, containerName: container, vms: [] }] : [],
            networks: [],
          });
        }
        if (childType?.toLowerCase() === "replicationpolicies") {
          const storage = `${group}/providers/Microsoft.Storage/storageAccounts/prereq${rg.replace(/\W/g, "").toLowerCase().slice(0, 10)}`;
          await this.ensure(storage);
          await this.put(`${top}/replicationPolicies/${child}`, ASR_API, {
            properties: { providerSpecificInput: { instanceType: "HyperVReplicaAzure", storageAccounts: [storage] } },
          });
        }
        // A protection container mapping an example reads (…/replicationProtectionContainerMappings/{name}): the cloud
        // paired with a replication policy to Azure, as the admin's DR setup pairs it.
        const mapping =
          /^(.*\/replicationProtectionContainers\/[^/]+)\/replicationProtectionContainerMappings\/([^/]+)$/i.exec(id);
        if (mapping) {
          const policy = `${top}/replicationPolicies/${mapping[2]}-policy`;
          await this.ensure(policy);
          await this.put(`${mapping[1]}/replicationProtectionContainerMappings/${mapping[2]}`, ASR_API, {
            properties: {
              policyId: policy,
              targetProtectionContainerId: "Microsoft Azure",
              providerSpecificInput: { instanceType: "HyperVReplicaAzure" },
            },
          });
        }
        return;
      // A managed disk is made as Azure makes most: the OS disk of a VM (the emulator's disks come from VMs).
      case "microsoft.compute/disks":
        return this.vm(`${group}/providers/Microsoft.Compute/virtualMachines/${name.slice(0, 50)}-vm`, name);
      case "microsoft.compute/virtualmachines":
        return this.vm(top);
    }
  }

  private async vm(top: string, osDiskName?: string): Promise<void> {
    const group = top.split("/providers/")[0];
    const name = top.split("/").pop()!;
    const model = this.vmModel(name);
    const nic = model.nicId ?? `${group}/providers/Microsoft.Network/networkInterfaces/${name}-prerequisite-nic`;
    await this.ensure(nic);
    return this.put(top, API["microsoft.compute"], {
      location: this.location,
      properties: {
        hardwareProfile: { vmSize: model.vmSize },
        storageProfile: {
          imageReference: model.imageReference,
          osDisk: { createOption: "FromImage", ...(osDiskName ? { name: osDiskName } : {}) },
        },
        osProfile: {
          computerName: model.computerName,
          adminUsername: model.adminUsername,
          adminPassword: "Str0ng!Passw0rd#2024",
        },
        networkProfile: { networkInterfaces: [{ id: nic }] },
      },
    });
  }
}

export const exampleLocation = (body: unknown): string => {
  const location = (body as { location?: unknown } | undefined)?.location;
  return normalizeLocation(location) ?? "eastus";
};
