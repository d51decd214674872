import { describe, expect, it } from "vitest";
import { mapNic, mapPublicIp, mapVirtualNetwork } from "./network-mappers";

// Shapes of SPECS NET examples (VirtualNetworkGet, PublicIpAddressGet, NetworkInterfaceGet), as ARM JSON.
const RG = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network";

describe("network mappers", () => {
  it("maps a virtual network with subnets", () => {
    const vnet = {
      id: `${RG}/virtualNetworks/test-vnet`,
      name: "test-vnet",
      type: "Microsoft.Network/virtualNetworks",
      location: "westus",
      properties: {
        addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        subnets: [
          {
            id: `${RG}/virtualNetworks/test-vnet/subnets/subnet1`,
            name: "subnet1",
            properties: { addressPrefix: "10.0.1.0/24", provisioningState: "Succeeded" },
          },
          {
            id: `${RG}/virtualNetworks/test-vnet/subnets/subnet2`,
            name: "subnet2",
            properties: { addressPrefixes: ["10.0.2.0/24"] },
          },
        ],
        provisioningState: "Succeeded",
      },
    };
    expect(mapVirtualNetwork(vnet)).toEqual({
      id: vnet.id,
      name: "test-vnet",
      location: "westus",
      addressSpace: ["10.0.0.0/16"],
      provisioningState: "Succeeded",
      subnets: [
        { id: `${vnet.id}/subnets/subnet1`, name: "subnet1", prefix: "10.0.1.0/24" },
        { id: `${vnet.id}/subnets/subnet2`, name: "subnet2", prefix: "10.0.2.0/24" },
      ],
    });
  });

  it("maps a public IP in use by a NIC", () => {
    const pip = {
      name: "testDNS-ip",
      id: `${RG}/publicIPAddresses/testDNS-ip`,
      location: "westus",
      sku: { name: "Standard", tier: "Regional" },
      properties: {
        provisioningState: "Succeeded",
        ipAddress: "40.85.154.247",
        publicIPAddressVersion: "IPv4",
        publicIPAllocationMethod: "Static",
        idleTimeoutInMinutes: 4,
        ipConfiguration: { id: `${RG}/networkInterfaces/testDNS649/ipConfigurations/ipconfig1` },
      },
    };
    expect(mapPublicIp(pip)).toEqual({
      id: pip.id,
      name: "testDNS-ip",
      location: "westus",
      sku: "Standard",
      allocation: "Static",
      ipAddress: "40.85.154.247",
      attachedTo: `${RG}/networkInterfaces/testDNS649/ipConfigurations/ipconfig1`,
      provisioningState: "Succeeded",
    });
  });

  it("maps a NIC attached to a VM and a backend pool", () => {
    const nic = {
      name: "test-nic",
      id: `${RG}/networkInterfaces/test-nic`,
      location: "eastus",
      properties: {
        provisioningState: "Succeeded",
        ipConfigurations: [
          {
            name: "ipconfig1",
            id: `${RG}/networkInterfaces/test-nic/ipConfigurations/ipconfig1`,
            properties: {
              privateIPAddress: "172.20.2.4",
              privateIPAllocationMethod: "Dynamic",
              primary: true,
              subnet: { id: `${RG}/virtualNetworks/rg1-vnet/subnets/default` },
              publicIPAddress: { id: `${RG}/publicIPAddresses/test-ip` },
              loadBalancerBackendAddressPools: [{ id: `${RG}/loadBalancers/lb/backendAddressPools/be` }],
            },
          },
        ],
        virtualMachine: {
          id: "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1",
        },
      },
    };
    expect(mapNic(nic)).toEqual({
      id: nic.id,
      name: "test-nic",
      ipConfigurationId: `${nic.id}/ipConfigurations/ipconfig1`,
      privateIp: "172.20.2.4",
      publicIpId: `${RG}/publicIPAddresses/test-ip`,
      backendPoolIds: [`${RG}/loadBalancers/lb/backendAddressPools/be`],
      vmId: "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1",
      provisioningState: "Succeeded",
    });
  });

  it("maps the SDK's flattened model the same way", () => {
    const flattened = {
      id: `${RG}/networkInterfaces/n`,
      name: "n",
      ipConfigurations: [{ id: `${RG}/networkInterfaces/n/ipConfigurations/c`, privateIPAddress: "10.0.0.4" }],
    };
    expect(mapNic(flattened)).toMatchObject({ privateIp: "10.0.0.4", backendPoolIds: [] });
  });
});
