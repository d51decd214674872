import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkManagementClient } from "@azure/arm-network";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { createGroup, fast, LOCATION, netId, networkClient } from "./test-kit.js";

/**
 * What Azure's published 2026-01-01 examples send and the emulator used to drop (found by replaying them and reading
 * the result back): a public IP's DNS label scope, a vnet's BGP community, encryption and flow timeout, a subnet's
 * delegation (id, actions) and service endpoint policies, a NIC's TCP state tracking, an IP configuration's Gateway
 * load balancer and prefix length.
 */
const RG = "PublishedShapesRG";
let emu: TestEmulator;
let client: NetworkManagementClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = networkClient(emu);
  await createGroup(emu, RG);
});
afterAll(async () => {
  await emu?.close();
});

describe("shapes from Azure's published network examples", () => {
  it("keeps a DNS label scope: the hashed name is the same within the scope and differs outside it", async () => {
    const pip = (name: string, domainNameLabelScope: "ResourceGroupReuse" | "NoReuse") =>
      client.publicIPAddresses.beginCreateOrUpdateAndWait(
        RG,
        name,
        {
          location: LOCATION,
          sku: { name: "Standard" },
          dnsSettings: { domainNameLabel: "app", domainNameLabelScope },
        },
        fast,
      );
    const a = await pip("scoped-a", "ResourceGroupReuse");
    const b = await pip("scoped-b", "ResourceGroupReuse");
    const c = await pip("scoped-c", "NoReuse");
    expect(a.dnsSettings).toMatchObject({ domainNameLabel: "app", domainNameLabelScope: "ResourceGroupReuse" });
    expect(a.dnsSettings?.fqdn).toMatch(/^app\.[a-z]{16}\.westeurope\.sysgen\.cloudapp\.azure\.com$/);
    expect(b.dnsSettings?.fqdn).toBe(a.dnsSettings?.fqdn);
    expect(c.dnsSettings?.fqdn).not.toBe(a.dnsSettings?.fqdn);
    const plain = await client.publicIPAddresses.beginCreateOrUpdateAndWait(
      RG,
      "plain",
      { location: LOCATION, sku: { name: "Standard" }, dnsSettings: { domainNameLabel: "plain-app" } },
      fast,
    );
    expect(plain.dnsSettings).toEqual({
      domainNameLabel: "plain-app",
      fqdn: "plain-app.westeurope.cloudapp.azure.com",
    });
  });

  it("keeps a vnet's BGP community, encryption and flow timeout, a subnet's delegation and policies, a NIC's settings", async () => {
    const vnet = await client.virtualNetworks.beginCreateOrUpdateAndWait(
      RG,
      "shapes-vnet",
      {
        location: LOCATION,
        addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        bgpCommunities: { virtualNetworkCommunity: "12076:20000" },
        encryption: { enabled: true, enforcement: "AllowUnencrypted" },
        flowTimeoutInMinutes: 10,
        subnets: [
          {
            name: "sql",
            addressPrefix: "10.0.0.0/24",
            delegations: [{ name: "mi", serviceName: "Microsoft.Sql/managedInstances" }],
          },
          {
            name: "default",
            addressPrefix: "10.0.1.0/24",
            serviceEndpointPolicies: [{ id: netId(RG, "serviceEndpointPolicies", "policy1") }],
          },
        ],
      },
      fast,
    );
    expect(vnet.bgpCommunities).toEqual({ virtualNetworkCommunity: "12076:20000" });
    expect(vnet.encryption).toEqual({ enabled: true, enforcement: "AllowUnencrypted" });
    expect(vnet.flowTimeoutInMinutes).toBe(10);
    expect(vnet.subnets?.find((s) => s.name === "default")?.serviceEndpointPolicies).toEqual([
      { id: netId(RG, "serviceEndpointPolicies", "policy1") },
    ]);
    const vnetId = netId(RG, "virtualNetworks", "shapes-vnet");
    expect(vnet.subnets?.find((s) => s.name === "sql")?.delegations).toEqual([
      {
        name: "mi",
        id: `${vnetId}/subnets/sql/delegations/mi`,
        serviceName: "Microsoft.Sql/managedInstances",
        actions: [],
        provisioningState: "Succeeded",
      },
    ]);
    const gatewayFrontend = `${netId(RG, "loadBalancers", "provider")}/frontendIPConfigurations/fe`;
    const nic = await client.networkInterfaces.beginCreateOrUpdateAndWait(
      RG,
      "consumer-nic",
      {
        location: LOCATION,
        disableTcpStateTracking: true,
        ipConfigurations: [
          {
            name: "ipconfig1",
            subnet: { id: `${vnetId}/subnets/default` },
            gatewayLoadBalancer: { id: gatewayFrontend },
          },
          { name: "ipconfig2", subnet: { id: `${vnetId}/subnets/default` }, privateIPAddressPrefixLength: 28 },
        ],
      },
      fast,
    );
    expect(nic.ipConfigurations?.[0].gatewayLoadBalancer).toEqual({ id: gatewayFrontend });
    expect(nic.disableTcpStateTracking).toBe(true);
    expect(nic.ipConfigurations?.[1].privateIPAddressPrefixLength).toBe(28);
    // Every reply matched the vendored spec of its api-version.
    expect(emu.emulator.responseMismatches()).toEqual([]);
  });
});
