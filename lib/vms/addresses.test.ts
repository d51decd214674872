import { describe, expect, it } from "vitest";
import { mapNic, mapPublicIp } from "@/lib/azure/network-mappers";
import { addressesOf } from "./addresses";

const group = (rg: string) => `/subscriptions/s/resourceGroups/${rg}/providers/Microsoft.Network`;
const nic = (rg: string, name: string, privateIp: string, pip?: string) =>
  mapNic({
    id: `${group(rg)}/networkInterfaces/${name}`,
    name,
    properties: {
      ipConfigurations: [
        {
          id: `${group(rg)}/networkInterfaces/${name}/ipConfigurations/ipconfig1`,
          name: "ipconfig1",
          properties: {
            primary: true,
            privateIPAddress: privateIp,
            ...(pip ? { publicIPAddress: { id: `${group(rg)}/publicIPAddresses/${pip}` } } : {}),
          },
        },
      ],
    },
  });
const ip = (rg: string, name: string, ipAddress: string) =>
  mapPublicIp({ id: `${group(rg)}/publicIPAddresses/${name}`, name, properties: { ipAddress } });

describe("addressesOf", () => {
  it("finds each VM's NIC by its name in the VM's group and the public IP that NIC references", () => {
    const found = {
      nics: [nic("rg-a", "web-01-nic", "10.1.0.4", "web-01-ip"), nic("rg-b", "web-01-nic", "10.2.0.4")],
      publicIps: [ip("rg-a", "web-01-ip", "20.1.2.3")],
    };
    expect(
      addressesOf(
        [
          { id: "a", name: "WEB-01", hasPublicIp: true, resourceGroup: "rg-a" },
          { id: "b", name: "web-01", hasPublicIp: false, resourceGroup: "RG-B" },
          { id: "c", name: "web-02", hasPublicIp: true, resourceGroup: "rg-a" },
        ],
        found,
      ),
    ).toEqual([
      { id: "a", privateIp: "10.1.0.4", publicIp: "20.1.2.3" },
      { id: "b", privateIp: "10.2.0.4", publicIp: null },
    ]);
  });
});
