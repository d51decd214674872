import { describe, expect, it } from "vitest";
import { ArmError } from "./errors";
import { mapVm, mapVmStatus, needsDeallocation, toArmVm, type VmSpec } from "./vm-mappers";

const RG = "/subscriptions/s1/resourceGroups/myResourceGroup";

// Shapes of SPECS COMPUTE examples VirtualMachine_Get_WithInstanceView and VirtualMachine_ListAll_StatusOnly (ARM JSON).
const vmWithInstanceView = {
  name: "myVM",
  id: `${RG}/providers/Microsoft.Compute/virtualMachines/myVM`,
  type: "Microsoft.Compute/virtualMachines",
  location: "westus",
  properties: {
    vmId: "676420ba-7a24-4bfe-80bd-9c841ee184fa",
    hardwareProfile: { vmSize: "Standard_DS3_v2" },
    storageProfile: {
      imageReference: {
        publisher: "MicrosoftWindowsServer",
        offer: "WindowsServer",
        sku: "2016-Datacenter",
        version: "latest",
      },
      osDisk: {
        osType: "Windows",
        name: "myOsDisk",
        createOption: "FromImage",
        caching: "ReadWrite",
        deleteOption: "Delete",
        diskSizeGB: 30,
        managedDisk: { storageAccountType: "Premium_LRS", id: `${RG}/providers/Microsoft.Compute/disks/myOsDisk` },
      },
      dataDisks: [
        {
          lun: 0,
          name: "myDataDisk0",
          createOption: "Empty",
          caching: "ReadWrite",
          diskSizeGB: 30,
          deleteOption: "Delete",
          managedDisk: { storageAccountType: "Premium_LRS", id: `${RG}/providers/Microsoft.Compute/disks/myDataDisk0` },
        },
      ],
    },
    osProfile: {
      computerName: "myVM",
      adminUsername: "admin",
      windowsConfiguration: { provisionVMAgent: true },
      secrets: [],
    },
    networkProfile: {
      networkInterfaces: [
        { id: `${RG}/providers/Microsoft.Network/networkInterfaces/myNIC`, properties: { deleteOption: "Delete" } },
      ],
    },
    provisioningState: "Succeeded",
    instanceView: {
      computerName: "myVM",
      statuses: [
        {
          code: "ProvisioningState/succeeded",
          level: "Info",
          displayStatus: "Provisioning succeeded",
          time: "2019-10-14T21:30:12.8051917+00:00",
        },
        { code: "PowerState/running", level: "Info", displayStatus: "VM running" },
      ],
    },
  },
};

const spec: VmSpec = {
  resourceGroup: "rg",
  name: "web01",
  location: "westeurope",
  size: "Standard_D2s_v5",
  image: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
  computerName: "web01",
  adminUsername: "azureuser",
  sshPublicKey: "ssh-ed25519 AAAAC3Nza test",
  osType: "Linux",
  nicId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/web01-nic",
  dataDisks: [{ lun: 0, sizeGb: 128 }],
  tags: { owner: "contoso" },
};

describe("VM mappers", () => {
  it("maps a VM with its instance view", () => {
    expect(mapVm(vmWithInstanceView)).toEqual({
      id: vmWithInstanceView.id,
      name: "myVM",
      location: "westus",
      size: "Standard_DS3_v2",
      provisioningState: "Succeeded",
      powerState: "running",
      osType: "Windows",
      nicIds: [`${RG}/providers/Microsoft.Network/networkInterfaces/myNIC`],
      osDiskId: `${RG}/providers/Microsoft.Compute/disks/myOsDisk`,
      osDisk: { sizeGb: 30, storageAccountType: "Premium_LRS" },
      dataDisks: [{ lun: 0, name: "myDataDisk0", sizeGb: 30, storageAccountType: "Premium_LRS" }],
    });
  });

  it("reads a statusOnly list entry", () => {
    const entry = {
      name: "myVM",
      id: vmWithInstanceView.id,
      location: "westus",
      properties: {
        instanceView: {
          statuses: [{ code: "ProvisioningState/failed/InternalExecutionError" }, { code: "PowerState/deallocated" }],
        },
      },
    };
    expect(mapVmStatus(entry)).toEqual({
      id: entry.id,
      name: "myVM",
      resourceGroup: "myResourceGroup",
      provisioningState: "Failed",
      powerState: "deallocated",
    });
    expect(mapVmStatus({ id: entry.id }).powerState).toBe("unknown");
  });

  it("builds a create body that deletes disks and NIC with the VM", () => {
    const body = toArmVm(spec);
    expect(body.storageProfile.osDisk).toEqual({ createOption: "FromImage", deleteOption: "Delete" });
    expect(body.storageProfile.dataDisks).toEqual([
      { lun: 0, createOption: "Empty", diskSizeGB: 128, deleteOption: "Delete" },
    ]);
    expect(body.networkProfile.networkInterfaces).toEqual([{ id: spec.nicId, primary: true, deleteOption: "Delete" }]);
    expect(body.osProfile).toEqual({
      computerName: "web01",
      adminUsername: "azureuser",
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        ssh: { publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: spec.sshPublicKey }] },
      },
    });
  });

  it("builds a one-PUT create body whose NIC and public IP are created with the VM and deleted with it", () => {
    const subnetId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/default";
    const tags = { "portal-tenant": "contoso" };
    const { nicId: _nic, ...rest } = spec;
    const body = toArmVm({ ...rest, managedNic: { name: "web01-nic", subnetId, publicIpName: "web01-ip", tags } });
    expect(body.networkProfile).toEqual({
      networkApiVersion: "2022-11-01",
      networkInterfaceConfigurations: [
        {
          name: "web01-nic",
          tags,
          primary: true,
          deleteOption: "Delete",
          ipConfigurations: [
            {
              name: "ipconfig1",
              primary: true,
              subnet: { id: subnetId },
              publicIPAddressConfiguration: {
                name: "web01-ip",
                tags,
                sku: { name: "Standard", tier: "Regional" },
                publicIPAllocationMethod: "Static",
                publicIPAddressVersion: "IPv4",
                deleteOption: "Delete",
              },
            },
          ],
        },
      ],
    });
    expect(() => toArmVm(rest)).toThrow(/either its NIC/);
  });

  it("sends a Windows password and no Linux configuration", () => {
    const body = toArmVm({ ...spec, osType: "Windows", sshPublicKey: undefined, adminPassword: "S3cure!Passw0rd" });
    expect(body.osProfile).toEqual({
      computerName: "web01",
      adminUsername: "azureuser",
      adminPassword: "S3cure!Passw0rd",
    });
  });

  it("recognises the needs-deallocation 409 but not a quota 409", () => {
    const resize = new ArmError({
      status: 409,
      code: "OperationNotAllowed",
      message:
        "Unable to resize the VM 'web01' because the requested size Standard_E2s_v5 is not available in the current hardware cluster. The available sizes in this cluster are: Standard_D2s_v5.",
    });
    const quota = new ArmError({
      status: 409,
      code: "OperationNotAllowed",
      message: "Operation could not be completed as it results in exceeding approved Total Regional Cores quota.",
    });
    expect(needsDeallocation(resize)).toBe(true);
    expect(needsDeallocation(quota)).toBe(false);
    expect(needsDeallocation(new Error(resize.message))).toBe(false);
  });
});
