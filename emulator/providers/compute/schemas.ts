import { s, type JsonSchema } from "../../core/request-schema.js";

/**
 * JSON shapes of the Compute RP request bodies (types, and the properties ComputeRP.json marks required), for the
 * api-versions that have no vendored spec. At 2026-04-01 (the compute SDK's version and the newest stable one) the
 * vendored ComputeRP.json extract replaces them (core/arm.ts); the business rules stay in vm-validate.ts.
 */
const { str, int, num, bool, obj, arr, map, ref, any } = s;

const managedDisk = obj({ id: str, storageAccountType: str, diskEncryptionSet: ref, securityProfile: any });
const imageReference = obj({
  id: str,
  publisher: str,
  offer: str,
  sku: str,
  version: str,
  sharedGalleryImageId: str,
  communityGalleryImageId: str,
});
const osDisk = obj(
  {
    osType: str,
    name: str,
    createOption: str,
    caching: str,
    diskSizeGB: int,
    deleteOption: str,
    writeAcceleratorEnabled: bool,
    managedDisk,
    vhd: obj({ uri: str }),
    image: obj({ uri: str }),
    encryptionSettings: any,
    diffDiskSettings: obj({ option: str, placement: str }),
  },
  ["createOption"],
);
const dataDisk = obj(
  {
    lun: int,
    name: str,
    createOption: str,
    caching: str,
    diskSizeGB: int,
    deleteOption: str,
    detachOption: str,
    toBeDetached: bool,
    writeAcceleratorEnabled: bool,
    managedDisk,
    vhd: obj({ uri: str }),
  },
  ["lun", "createOption"],
);
const osProfile = obj({
  computerName: str,
  adminUsername: str,
  adminPassword: str,
  customData: str,
  allowExtensionOperations: bool,
  requireGuestProvisionSignal: bool,
  linuxConfiguration: obj({
    disablePasswordAuthentication: bool,
    provisionVMAgent: bool,
    ssh: obj({ publicKeys: arr(obj({ path: str, keyData: str })) }),
    patchSettings: any,
  }),
  windowsConfiguration: obj({
    provisionVMAgent: bool,
    enableAutomaticUpdates: bool,
    timeZone: str,
    patchSettings: any,
    winRM: any,
    additionalUnattendContent: any,
  }),
  secrets: any,
});
const networkProfile = obj({
  networkInterfaces: arr(obj({ id: str, properties: obj({ primary: bool, deleteOption: str }) })),
  networkApiVersion: str,
  networkInterfaceConfigurations: arr(obj({ name: str, properties: any }, ["name"])),
});
const vmProperties = (required: boolean) =>
  obj({
    hardwareProfile: obj({ vmSize: str, vmSizeProperties: obj({ vCPUsAvailable: int, vCPUsPerCore: int }) }),
    storageProfile: obj({
      imageReference,
      osDisk: required ? osDisk : { ...osDisk, required: [] },
      dataDisks: arr(required ? dataDisk : { ...dataDisk, required: ["lun"] }),
      diskControllerType: str,
      alignRegionalDisksToVMZone: bool,
    }),
    osProfile,
    networkProfile,
    diagnosticsProfile: obj({ bootDiagnostics: obj({ enabled: bool, storageUri: str }) }),
    securityProfile: any,
    additionalCapabilities: obj({ ultraSSDEnabled: bool, hibernationEnabled: bool }),
    availabilitySet: ref,
    virtualMachineScaleSet: ref,
    proximityPlacementGroup: ref,
    host: ref,
    hostGroup: ref,
    licenseType: str,
    priority: str,
    evictionPolicy: str,
    billingProfile: obj({ maxPrice: num }),
    userData: str,
    platformFaultDomain: int,
  });

const vmTop = {
  tags: map(str),
  zones: arr(str),
  plan: obj({ name: str, publisher: str, product: str, promotionCode: str }),
  identity: obj({ type: str, userAssignedIdentities: map(any) }),
};
export const virtualMachineSchema: JsonSchema = obj({ ...vmTop, location: str, properties: vmProperties(true) });
export const virtualMachineUpdateSchema: JsonSchema = obj({ ...vmTop, properties: vmProperties(false) });
