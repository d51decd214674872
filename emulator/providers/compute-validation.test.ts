import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic, restError, sshRsaKey, windowsVm } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-rules";
let emu: TestEmulator;
let nicId: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: "eastus" });
  nicId = await putNic(emu, { subscriptionId: SUB, resourceGroup: RG, name: "nic-rules", location: "eastus" });
});
afterAll(async () => {
  await emu?.close();
});

const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);
const create = (
  name: string,
  body: Parameters<ReturnType<typeof client>["virtualMachines"]["beginCreateOrUpdateAndWait"]>[2],
) => restError(client().virtualMachines.beginCreateOrUpdateAndWait(RG, name, body, POLL));

describe("virtual machine input rules", () => {
  it("rejects weak, short and well-known passwords with InvalidParameter on adminPassword", async () => {
    for (const adminPassword of ["alllowercase1", "Sh0rt!", "P@ssw0rd"]) {
      const err = await create(
        "win01",
        windowsVm("eastus", nicId, { osProfile: { computerName: "win01", adminUsername: "opsadmin", adminPassword } }),
      );
      expect(err.statusCode).toBe(400);
      expect(err.code).toBe("InvalidParameter");
      expect((err.details as { error?: { target?: string } } | undefined)?.error?.target ?? "adminPassword").toBe(
        "adminPassword",
      );
    }
  });

  it("rejects reserved and over-long admin usernames and bad computer names", async () => {
    const admin = await create(
      "win01",
      windowsVm("eastus", nicId, {
        osProfile: { computerName: "win01", adminUsername: "Administrator", adminPassword: "Str0ng!Passw0rd#2024" },
      }),
    );
    expect(admin.code).toBe("InvalidParameter");
    expect(admin.message).toBe("The Admin Username specified is not allowed.");
    const long = await create(
      "win01",
      windowsVm("eastus", nicId, {
        osProfile: {
          computerName: "win01",
          adminUsername: "a-very-long-admin-username",
          adminPassword: "Str0ng!Passw0rd#2024",
        },
      }),
    );
    expect(long.code).toBe("InvalidParameter");
    const host = await create(
      "win01",
      windowsVm("eastus", nicId, {
        osProfile: {
          computerName: "windows-computer-01",
          adminUsername: "opsadmin",
          adminPassword: "Str0ng!Passw0rd#2024",
        },
      }),
    );
    expect(host.code).toBe("InvalidParameter");
    expect(host.message).toMatch(/15 characters/);
  });

  it("checks Linux SSH keys and that some authentication remains enabled", async () => {
    const noAuth = await create(
      "lnx01",
      linuxVm("eastus", nicId, {
        osProfile: {
          computerName: "lnx01",
          adminUsername: "azureuser",
          linuxConfiguration: { disablePasswordAuthentication: true },
        },
      }),
    );
    expect(noAuth.code).toBe("InvalidParameter");
    expect(noAuth.message).toMatch(/SSH or by user name and password/);
    const ssh = (keyData: string) => ({
      computerName: "lnx01",
      adminUsername: "azureuser",
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        ssh: { publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData }] },
      },
    });
    const weak = await create("lnx01", linuxVm("eastus", nicId, { osProfile: ssh(sshRsaKey(1024)) }));
    expect(weak.code).toBe("InvalidParameter");
    const lnxNic = await putNic(emu, { subscriptionId: SUB, resourceGroup: RG, name: "nic-lnx", location: "eastus" });
    const good = await client().virtualMachines.beginCreateOrUpdateAndWait(
      RG,
      "lnx01",
      linuxVm("eastus", lnxNic, { osProfile: ssh(sshRsaKey(2048)) }),
      POLL,
    );
    expect(good.osProfile?.linuxConfiguration?.disablePasswordAuthentication).toBe(true);
    const changed = await restError(
      client().virtualMachines.beginUpdateAndWait(RG, "lnx01", { osProfile: { adminUsername: "someoneelse" } }, POLL),
    );
    expect(changed.statusCode).toBe(409);
    expect(changed.code).toBe("PropertyChangeNotAllowed");
    await client().virtualMachines.beginDeleteAndWait(RG, "lnx01", POLL);
  });

  it("refuses an unknown image, a size missing or restricted in the region, and a NIC that is missing or taken", async () => {
    const image = await create(
      "img01",
      linuxVm("eastus", nicId, {
        storageProfile: {
          imageReference: { publisher: "Canonical", offer: "UbuntuServer", sku: "14.04-LTS", version: "latest" },
        },
      }),
    );
    expect(image.statusCode).toBe(404);
    expect(image.code).toBe("PlatformImageNotFound");
    const restricted = await create(
      "gpu01",
      linuxVm("eastus", nicId, { hardwareProfile: { vmSize: "Standard_NC4as_T4_v3" } }),
    );
    expect(restricted.statusCode).toBe(409);
    expect(restricted.code).toBe("SkuNotAvailable");
    const unknown = await create("big01", linuxVm("eastus", nicId, { hardwareProfile: { vmSize: "Standard_Z99" } }));
    expect(unknown.code).toBe("InvalidParameter");
    const missingNic = await create("nonic", linuxVm("eastus", nicId.replace("nic-rules", "nic-missing")));
    expect(missingNic.code).toBe("InvalidResourceReference");
    const otherRegion = await create("west01", linuxVm("westus", nicId));
    expect(otherRegion.code).toBe("InvalidResourceReference");

    const ownedNic = await putNic(emu, {
      subscriptionId: SUB,
      resourceGroup: RG,
      name: "nic-owned",
      location: "eastus",
    });
    await client().virtualMachines.beginCreateOrUpdateAndWait(RG, "owner01", linuxVm("eastus", ownedNic), POLL);
    const taken = await create("thief01", linuxVm("eastus", ownedNic));
    expect(taken.code).toBe("NicInUse");
    await client().virtualMachines.beginDeleteAndWait(RG, "owner01", POLL);
  });

  it("reads VM bodies against ComputeRP.json 2026-04-01: Azure's enums and required properties, with JSON paths", async () => {
    const path = (vm: string, version: string) =>
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/${vm}?api-version=${version}`;
    const body = (osDisk: Record<string, unknown>, network: Record<string, unknown>) => ({
      location: "eastus",
      properties: {
        hardwareProfile: { vmSize: "Standard_B2s" },
        storageProfile: {
          imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
          osDisk,
        },
        osProfile: { computerName: "spec01", adminUsername: "azureuser", adminPassword: "Str0ng!Passw0rd#2024" },
        networkProfile: network,
      },
    });
    const nics = { networkInterfaces: [{ id: nicId }] };
    const enumBad = await emu.arm(
      PROVIDER_APP_ID,
      "PUT",
      path("spec01", "2026-04-01"),
      body({ createOption: "FromImage", caching: "Sometimes" }, nics),
    );
    expect(enumBad.status).toBe(400);
    expect(JSON.stringify(enumBad.body)).toContain("Path 'properties.storageProfile.osDisk.caching'");
    // A network interface configuration needs its IP configurations (required in the spec; the old shapes let it by).
    const noIpConfigs = {
      networkApiVersion: "2022-11-01",
      networkInterfaceConfigurations: [{ name: "spec01-nic", properties: { primary: true, deleteOption: "Delete" } }],
    };
    const missing = await emu.arm(
      PROVIDER_APP_ID,
      "PUT",
      path("spec01", "2026-04-01"),
      body({ createOption: "FromImage" }, noIpConfigs),
    );
    expect(missing.status).toBe(400);
    expect((missing.body.error as { code: string; message: string }).message).toBe(
      "The request content was invalid and could not be deserialized: 'Required property 'ipConfigurations' not found in JSON. Path 'properties.networkProfile.networkInterfaceConfigurations[0].properties'.'",
    );
    // An api-version with no vendored spec keeps the route's own shapes (types and Azure's required properties).
    const older = await emu.arm(
      PROVIDER_APP_ID,
      "PUT",
      path("spec01", "2024-11-01"),
      body({ caching: "ReadOnly" }, nics),
    );
    expect(older.status).toBe(400);
    expect(JSON.stringify(older.body)).toContain("Required property 'createOption' not found");
  });

  it("enforces the regional vCPU quota with Azure's OperationNotAllowed message", async () => {
    await emu.control.setCoreQuota(SUB, { eastus: 4 });
    try {
      const nic2 = await putNic(emu, { subscriptionId: SUB, resourceGroup: RG, name: "nic-quota", location: "eastus" });
      const err = await create("quota01", linuxVm("eastus", nic2, { hardwareProfile: { vmSize: "Standard_D8s_v5" } }));
      expect(err.statusCode).toBe(409);
      expect(err.code).toBe("OperationNotAllowed");
      expect(err.message).toMatch(
        /exceeding approved Total Regional Cores quota.*Current Limit: 4, Current Usage: 0, Additional Required: 8/,
      );
    } finally {
      await emu.control.setCoreQuota(SUB, {});
    }
  });
});
