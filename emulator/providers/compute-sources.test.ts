import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VirtualMachine } from "@azure/arm-compute";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../seed.js";
import { computeClient, linuxVm, POLL, putNic, restError } from "./compute/test-support.js";

const SUB = PROVIDER_SUBSCRIPTION_ID;
const RG = "rg-sources";
const LOCATION = "eastus";
const GROUP = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const COMPUTE = `${GROUP}/providers/Microsoft.Compute`;
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate(RG, { location: LOCATION });
  await emu.resources(PROVIDER_APP_ID, SUB).resourceGroups.createOrUpdate("rg-publisher", { location: LOCATION });
});
afterAll(async () => {
  await emu?.close();
});

const client = () => computeClient(emu, PROVIDER_APP_ID, SUB);
const register = (body: Record<string, unknown>) =>
  emu.control.call("POST", "resources/referenced", { location: LOCATION, ...body });
let nics = 0;
/** A VM body with its own NIC (a NIC serves one VM), the marketplace image replaced by `storageProfile`. */
async function vmWith(extra: Partial<VirtualMachine>): Promise<VirtualMachine> {
  const nic = await putNic(emu, { subscriptionId: SUB, resourceGroup: RG, name: `nic-${++nics}`, location: LOCATION });
  return linuxVm(LOCATION, nic, extra);
}
const create = (name: string, body: VirtualMachine) =>
  client().virtualMachines.beginCreateOrUpdateAndWait(RG, name, body, POLL);
const getDisk = async (id: string) =>
  (await emu.arm(PROVIDER_APP_ID, "GET", `${id}?api-version=2026-03-02`)).body as {
    properties: Record<string, unknown>;
  };

describe("a VM created from a custom image", () => {
  beforeAll(async () => {
    await register({
      id: `${COMPUTE}/images/golden`,
      properties: {
        storageProfile: { osDisk: { osType: "Linux", osState: "Generalized", diskSizeGB: 64 } },
        hyperVGeneration: "V2",
      },
    });
    await register({
      id: `${COMPUTE}/images/golden-west`,
      location: "westus",
      properties: { storageProfile: { osDisk: { osType: "Linux", osState: "Generalized", diskSizeGB: 64 } } },
    });
  });

  it("takes the OS type and disk size from the image and reads back the image id", async () => {
    const vm = await create(
      "from-image",
      await vmWith({
        storageProfile: { imageReference: { id: `${COMPUTE}/images/golden` }, osDisk: { createOption: "FromImage" } },
      }),
    );
    expect(vm.storageProfile?.imageReference).toEqual({ id: `${COMPUTE}/images/golden` });
    expect(vm.storageProfile?.osDisk).toMatchObject({ osType: "Linux", diskSizeGB: 64 });
    const disk = await getDisk(vm.storageProfile!.osDisk!.managedDisk!.id!);
    expect(disk.properties.creationData).toEqual({
      createOption: "FromImage",
      imageReference: { id: `${COMPUTE}/images/golden` },
    });
    expect(disk.properties.hyperVGeneration).toBe("V2");
    const updated = await client().virtualMachines.beginUpdateAndWait(
      RG,
      "from-image",
      { tags: { owner: "ops" } },
      POLL,
    );
    expect(updated.storageProfile?.imageReference).toEqual({ id: `${COMPUTE}/images/golden` });
  });

  it("refuses an image that does not exist or is in another region (ImageNotFound)", async () => {
    for (const name of ["missing", "golden-west"]) {
      const err = await restError(
        create(
          `img-${name}`,
          await vmWith({ storageProfile: { imageReference: { id: `${COMPUTE}/images/${name}` } } }),
        ),
      );
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe("ImageNotFound");
      expect(err.message).toContain("cannot be found in 'eastus' region");
    }
  });
});

describe("a VM created from a community gallery image", () => {
  const gallery =
    "/subscriptions/" + SUB + "/resourceGroups/rg-publisher/providers/Microsoft.Compute/galleries/contoso";
  const publicName = "ContosoImages-5b1e7c6a-3f0d-4b8e-9f21-6d4c2a1e8b90";
  beforeAll(async () => {
    await register({
      id: gallery,
      properties: {
        sharingProfile: {
          permissions: "Community",
          communityGalleryInfo: { publicNamePrefix: "ContosoImages", publicNames: [publicName] },
        },
      },
    });
    await register({
      id: `${gallery}/images/web`,
      properties: {
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
        identifier: { publisher: "Contoso", offer: "web", sku: "1" },
      },
    });
    await register({
      id: `${gallery}/images/web/versions/1.0.0`,
      properties: {
        publishingProfile: { targetRegions: [{ name: "East US" }] },
        storageProfile: { osDiskImage: { sizeInGB: 40 } },
      },
    });
    await register({
      id: `${gallery}/images/web/versions/2.0.0`,
      properties: { publishingProfile: { targetRegions: [{ name: "West Europe" }] } },
    });
  });
  const communityId = (version: string) => `/CommunityGalleries/${publicName}/Images/web/Versions/${version}`;

  it("finds the version by the gallery's public name and reads back the community id", async () => {
    const vm = await create(
      "from-community",
      await vmWith({ storageProfile: { imageReference: { communityGalleryImageId: communityId("1.0.0") } } }),
    );
    expect(vm.storageProfile?.imageReference).toEqual({ communityGalleryImageId: communityId("1.0.0") });
    expect(vm.storageProfile?.osDisk?.diskSizeGB).toBe(40);
  });

  it("refuses a version not replicated to the VM's region, and an unknown public name", async () => {
    for (const id of [communityId("2.0.0"), `/CommunityGalleries/Nobody-1/Images/web/Versions/1.0.0`]) {
      const err = await restError(
        create("community-no", await vmWith({ storageProfile: { imageReference: { communityGalleryImageId: id } } })),
      );
      expect(err.code).toBe("ImageNotFound");
    }
  });
});

describe("data disks copied from a snapshot", () => {
  beforeAll(async () => {
    await register({
      id: `${COMPUTE}/snapshots/data-snap`,
      sku: { name: "Standard_LRS" },
      properties: { diskSizeGB: 64 },
    });
  });
  const copy = (diskSizeGB: number) => ({
    storageProfile: {
      ...linuxVm(LOCATION, "").storageProfile,
      dataDisks: [
        { lun: 0, createOption: "Copy", diskSizeGB, sourceResource: { id: `${COMPUTE}/snapshots/data-snap` } },
      ],
    },
  });

  it("creates the disk from the snapshot and both read back where it came from", async () => {
    const vm = await create("from-snapshot", await vmWith(copy(128)));
    const data = vm.storageProfile!.dataDisks![0];
    expect(data).toMatchObject({
      createOption: "Copy",
      sourceResource: { id: `${COMPUTE}/snapshots/data-snap` },
      diskSizeGB: 128,
    });
    const disk = await getDisk(data.managedDisk!.id!);
    expect(disk.properties.creationData).toEqual({
      createOption: "Copy",
      sourceResourceId: `${COMPUTE}/snapshots/data-snap`,
    });
  });

  it("refuses a disk smaller than its snapshot and a snapshot that does not exist", async () => {
    const small = await restError(create("snap-small", await vmWith(copy(32))));
    expect(small.code).toBe("OperationNotAllowed");
    const missing = await vmWith(copy(128));
    missing.storageProfile!.dataDisks![0].sourceResource = { id: `${COMPUTE}/snapshots/none` };
    expect((await restError(create("snap-missing", missing))).statusCode).toBe(404);
  });
});

describe("data disks restored from a disk restore point", () => {
  const point = (location: string) =>
    `${COMPUTE}/restorePointCollections/rpc-${location}/restorePoints/rp1/diskRestorePoints/data0`;
  beforeAll(async () => {
    for (const location of [LOCATION, "westus"])
      await register({ id: point(location), location, properties: { sourceResourceId: `${COMPUTE}/disks/data0` } });
  });
  const restore = (id: string) => ({
    storageProfile: {
      ...linuxVm(LOCATION, "").storageProfile,
      dataDisks: [{ lun: 0, createOption: "Restore", diskSizeGB: 64, sourceResource: { id } }],
    },
  });

  it("restores from a restore point of the VM's region and refuses one of another region", async () => {
    const vm = await create("from-restore-point", await vmWith(restore(point(LOCATION))));
    expect(vm.storageProfile!.dataDisks![0]).toMatchObject({
      createOption: "Restore",
      sourceResource: { id: point(LOCATION) },
    });
    const other = await restError(create("restore-west", await vmWith(restore(point("westus")))));
    expect(other.code).toBe("BadRequest");
    expect(other.message).toContain("does not belong to the same region as the disk");
  });
});

describe("unmanaged (blob based) disks", () => {
  const account = "srcvhds01";
  beforeAll(async () => {
    const res = await emu.arm(
      PROVIDER_APP_ID,
      "PUT",
      `${GROUP}/providers/Microsoft.Storage/storageAccounts/${account}?api-version=2026-09-01`,
      { location: LOCATION, sku: { name: "Standard_LRS" }, kind: "StorageV2" },
    );
    expect(res.status).toBeLessThan(300);
  });
  const unmanaged = (host: string) => ({
    storageProfile: {
      imageReference: linuxVm(LOCATION, "").storageProfile!.imageReference,
      osDisk: {
        name: "osdisk",
        createOption: "FromImage",
        vhd: { uri: `https://${host}.blob.core.windows.net/vhds/os.vhd` },
      },
    },
  });

  it("puts the OS disk in an existing account of the VM's region; no managed disk is made", async () => {
    const vm = await create("blob-os", await vmWith(unmanaged(account)));
    expect(vm.storageProfile?.osDisk?.vhd?.uri).toBe(`https://${account}.blob.core.windows.net/vhds/os.vhd`);
    expect(vm.storageProfile?.osDisk?.managedDisk).toBeUndefined();
  });

  it("creates a VM from a generalized VHD (no imageReference) and updates it later", async () => {
    const vm = await create(
      "blob-user-image",
      await vmWith({
        storageProfile: {
          osDisk: {
            name: "osdisk",
            osType: "Linux",
            createOption: "FromImage",
            image: { uri: `https://${account}.blob.core.windows.net/images/golden.vhd` },
            vhd: { uri: `https://${account}.blob.core.windows.net/vhds/user-os.vhd` },
          },
        },
      }),
    );
    expect(vm.storageProfile?.imageReference).toBeUndefined();
    expect(vm.storageProfile?.osDisk?.image?.uri).toBe(`https://${account}.blob.core.windows.net/images/golden.vhd`);
    const updated = await client().virtualMachines.beginUpdateAndWait(
      RG,
      "blob-user-image",
      { tags: { owner: "ops" } },
      POLL,
    );
    expect(updated.tags).toEqual({ owner: "ops" });
    const view = await client().virtualMachines.instanceView(RG, "blob-user-image");
    expect(view.disks?.map((d) => d.name)).toEqual(["osdisk"]);
    await client().virtualMachines.beginDeleteAndWait(RG, "blob-user-image", POLL);
  });

  it("refuses an account that does not exist, and a managed data disk beside a blob OS disk", async () => {
    const err = await restError(create("blob-none", await vmWith(unmanaged("nosuchaccount1"))));
    expect(err.code).toBe("StorageAccountNotFound");
    const mixed = await vmWith(unmanaged(account));
    mixed.storageProfile!.dataDisks = [{ lun: 0, createOption: "Empty", diskSizeGB: 8 }];
    const mix = await restError(create("blob-mixed", mixed));
    expect(mix.code).toBe("OperationNotAllowed");
    expect(mix.message).toBe("Addition of a managed disk to a VM with blob based disks is not supported.");
  });
});

describe("confidential VMs and disk encryption sets", () => {
  const des = (name: string) => `${COMPUTE}/diskEncryptionSets/${name}`;
  beforeAll(async () => {
    await register({ id: des("cmk"), properties: { encryptionType: "EncryptionAtRestWithCustomerKey" } });
    await register({ id: des("cvm"), properties: { encryptionType: "ConfidentialVmEncryptedWithCustomerKey" } });
  });
  const confidential = (vmSize: string, diskEncryptionSet?: { id: string }) => ({
    hardwareProfile: { vmSize },
    securityProfile: { securityType: "ConfidentialVM", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
    storageProfile: {
      imageReference: linuxVm(LOCATION, "").storageProfile!.imageReference,
      osDisk: {
        createOption: "FromImage",
        managedDisk: {
          storageAccountType: "StandardSSD_LRS",
          securityProfile: { securityEncryptionType: "DiskWithVMGuestState", diskEncryptionSet },
        },
      },
    },
  });

  it("runs a confidential VM on Standard_DC2as_v5 with a customer-key OS disk", async () => {
    const vm = await create("cvm", await vmWith(confidential("Standard_DC2as_v5", { id: des("cvm") })));
    expect(vm.storageProfile?.osDisk?.managedDisk?.securityProfile).toEqual({
      securityEncryptionType: "DiskWithVMGuestState",
      diskEncryptionSet: { id: des("cvm") },
    });
    const disk = await getDisk(vm.storageProfile!.osDisk!.managedDisk!.id!);
    expect(disk.properties.securityProfile).toMatchObject({
      securityType: "ConfidentialVM_DiskEncryptedWithCustomerKey",
    });
  });

  it("refuses ConfidentialVM on a size that is not confidential, and a customer-key set of the wrong type", async () => {
    const size = await restError(create("cvm-size", await vmWith(confidential("Standard_D2s_v5"))));
    expect(size.code).toBe("InvalidParameter");
    expect(size.message).toContain("Standard_D2s_v5");
    const wrong = await restError(
      create("cvm-des", await vmWith(confidential("Standard_DC2as_v5", { id: des("cmk") }))),
    );
    expect(wrong.code).toBe("InvalidParameter");
  });

  it("encrypts a disk with an existing disk encryption set and refuses one that does not exist", async () => {
    const osDisk = (id: string) => ({
      storageProfile: {
        imageReference: linuxVm(LOCATION, "").storageProfile!.imageReference,
        osDisk: { createOption: "FromImage", managedDisk: { diskEncryptionSet: { id } } },
      },
    });
    const vm = await create("des-vm", await vmWith(osDisk(des("cmk"))));
    expect(vm.storageProfile?.osDisk?.managedDisk?.diskEncryptionSet).toEqual({ id: des("cmk") });
    const disk = await getDisk(vm.storageProfile!.osDisk!.managedDisk!.id!);
    expect(disk.properties.encryption).toEqual({
      type: "EncryptionAtRestWithCustomerKey",
      diskEncryptionSetId: des("cmk"),
    });
    const missing = await restError(create("des-none", await vmWith(osDisk(des("none")))));
    expect(missing.statusCode).toBe(404);
  });
});

describe("a VM created from a specialized image", () => {
  const gallery = `${COMPUTE}/galleries/ops`;
  const version = `${gallery}/images/snapshot-web/versions/1.0.0`;
  beforeAll(async () => {
    await register({ id: gallery, properties: {} });
    await register({
      id: `${gallery}/images/snapshot-web`,
      properties: {
        osType: "Linux",
        osState: "Specialized",
        hyperVGeneration: "V2",
        identifier: { publisher: "Contoso", offer: "web", sku: "specialized" },
      },
    });
    await register({ id: version, properties: { publishingProfile: { targetRegions: [{ name: "East US" }] } } });
    await register({
      id: `${COMPUTE}/images/web-clone`,
      properties: { storageProfile: { osDisk: { osType: "Linux", osState: "Specialized", diskSizeGB: 64 } } },
    });
  });
  const from = (id: string) => ({ storageProfile: { imageReference: { id }, osDisk: { createOption: "FromImage" } } });

  it("takes no osProfile: the VM keeps the source's computer name and accounts and reads back without one", async () => {
    for (const [name, id] of [
      ["from-specialized-version", version],
      ["from-specialized-image", `${COMPUTE}/images/web-clone`],
    ]) {
      const vm = await create(name, await vmWith({ ...from(id), osProfile: undefined }));
      expect(vm.storageProfile?.imageReference).toEqual({ id });
      expect(vm.osProfile).toBeUndefined();
      expect((await client().virtualMachines.get(RG, name)).osProfile).toBeUndefined();
    }
  });

  it("refuses an osProfile with Azure's InvalidParameter", async () => {
    for (const id of [version, `${COMPUTE}/images/web-clone`]) {
      const err = await restError(create("specialized-with-profile", await vmWith(from(id))));
      expect(err.statusCode).toBe(400);
      expect(err.code).toBe("InvalidParameter");
      expect(err.message).toBe("Parameter 'osProfile' is not allowed.");
    }
  });

  it("while a generalized image still needs one", async () => {
    const err = await restError(
      create("generalized-no-profile", await vmWith({ ...from(`${COMPUTE}/images/golden`), osProfile: undefined })),
    );
    expect(err.code).toBe("InvalidParameter");
    expect(err.message).toBe("Required parameter 'osProfile' is missing (null).");
  });
});
