import { ArmError } from "../../core/errors.js";

/**
 * Network RP errors with the codes and messages Azure returns (AZURE-FACTS §6 and the GitHub reports cited there).
 * Codes or messages marked (unconfirmed) are best guesses: no real response was found for them.
 */
const bad = (code: string, message: string) => new ArmError(400, code, message);

export const invalidResourceReference = (ref: string, referrer: string) =>
  bad(
    "InvalidResourceReference",
    `Resource ${ref} referenced by resource ${referrer} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
  );

export const invalidResourceName = (name: string) =>
  bad(
    "InvalidResourceName",
    `Resource name ${name} is invalid. The name can be up to 80 characters long. It must begin with a word character, and it must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.`,
  );

/** Azure wraps it: top-level InvalidRequestFormat, the real reason in details (GH Azure/migAz#218). */
export const duplicateResourceName = (parentId: string, name: string) =>
  new ArmError(400, "InvalidRequestFormat", "Cannot parse the request.", [
    {
      code: "DuplicateResourceName",
      message: `Resource ${parentId} has two child resources with the same name (${name}).`,
    },
  ]);

/** 429 RetryableError with details RetryableErrorDueToAnotherOperation (GH gardener/gardener#1533). */
export const anotherOperation = (
  opName: string,
  opId: string,
  resourceId: string,
  retryAfter: number,
  verb: string,
) => {
  const message = `Operation ${opName} (${opId}) is ${verb} resource ${resourceId}. The call can be retried in ${retryAfter} seconds.`;
  return new ArmError(
    429,
    "RetryableError",
    "A retryable error occurred.",
    [{ code: "RetryableErrorDueToAnotherOperation", message }],
    {
      headers: { "Retry-After": String(retryAfter) },
    },
  );
};

export const locationRequired = () => bad("LocationRequired", "The location property is required for this definition.");

export const invalidAddressPrefix = (prefix: unknown, resourceId: string) =>
  // (unconfirmed) code for a prefix that is not an address/length at all.
  bad(
    "InvalidAddressPrefixFormat",
    `Address prefix ${String(prefix)} of resource ${resourceId} is not formatted correctly. It should follow CIDR notation, for example 10.0.0.0/24.`,
  );

export const invalidCidrNotation = (prefix: string, resourceId: string, canonical: string) =>
  bad(
    "InvalidCIDRNotation",
    `The address prefix ${prefix} in resource ${resourceId} has an invalid CIDR notation. For the given prefix length, the address prefix should be ${canonical}.`,
  );

export const invalidSubnet = (subnet: string, vnet: string) =>
  bad("NetcfgInvalidSubnet", `Subnet '${subnet}' is not valid in virtual network '${vnet}'.`);

export const subnetOutsideVnet = (subnet: string, vnet: string) =>
  bad(
    "NetcfgSubnetRangeOutsideVnet",
    `Subnet '${subnet}' is not valid because its IP address range is outside the IP address range of virtual network '${vnet}'.`,
  );

export const subnetsOverlap = (subnet: string, vnet: string) =>
  bad(
    "NetcfgSubnetRangesOverlap",
    `Subnet '${subnet}' is not valid because its IP address range overlaps with that of an existing subnet in virtual network '${vnet}'.`,
  );

/** (unconfirmed) code for two overlapping prefixes in one virtual network's address space. */
export const vnetSpacesOverlap = (vnetId: string, a: string, b: string) =>
  bad(
    "VnetAddressSpacesOverlap",
    `Address space ${a} of virtual network ${vnetId} overlaps with address space ${b} of the same virtual network.`,
  );

export const subnetInUse = (subnet: string, user: string) =>
  bad(
    "InUseSubnetCannotBeDeleted",
    `Subnet ${subnet} is in use by ${user} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`,
  );

export const nicInUse = (nicId: string, vmId: string) =>
  bad(
    "NicInUse",
    `Network Interface ${nicId} is used by existing resource ${vmId}. In order to delete the network interface, it must be dissociated from the resource. To learn more, see aka.ms/deletenic.`,
  );

export const publicIpInUse = (pipId: string, user: string) =>
  // Code seen in real responses; this message wording is (unconfirmed).
  bad(
    "PublicIPAddressInUse",
    `Public IP address ${pipId} is in use by ${user} and cannot be referenced by another resource.`,
  );

export const publicIpCannotBeDeleted = (pipId: string, user: string) =>
  bad(
    "PublicIPAddressCannotBeDeleted",
    `Public IP address ${pipId} can not be deleted since it is still allocated to resource ${user}. In order to delete the public IP, disassociate/detach the Public IP address from the resource.  To learn how to do this, see aka.ms/deletepublicip.`,
  );

export const standardMustBeStatic = (pipId: string) =>
  bad(
    "StandardSkuPublicIPAddressesMustBeStatic",
    `Standard sku publicIp ${pipId} must have AllocationMethod set to Static.`,
  );

/** Basic SKU public IPs are retired (AZURE-FACTS §6); HTTP 400 is (unconfirmed). */
export const basicSkuRetired = () =>
  bad(
    "IPv4BasicSkuPublicIpCountLimitReached",
    "Cannot create more than 0 IPv4 Basic SKU public IP addresses for this subscription in this region.",
  );

export const pipIdleTimeout = (pipId: string, value: unknown) =>
  // Code seen in Azure Service Operator's error list; message (unconfirmed).
  bad(
    "PublicIPIdleTimeoutIsOutOfRange",
    `The specified idle timeout ${String(value)} for public IP address ${pipId} is out of range. Idle timeout must be between 4 and 30 minutes.`,
  );

export const pipInUseCannotBeDynamic = (pipId: string, user: string) =>
  bad(
    "PublicIPAddressInUseCannotUpdateToDynamic",
    `Public IP address ${pipId} is in use by ipconfig ${user} and cannot be updated to Dynamic allocation.`,
  );

export const nsgInUse = (nsgId: string, user: string) =>
  bad(
    "InUseNetworkSecurityGroupCannotBeDeleted",
    `Network security group ${nsgId} cannot be deleted because it is in use by the following resources: ${user}. In order to delete the Network security group, remove the association with the resource(s).`,
  );

export const invalidValue = (code: string, message: string) => bad(code, message);

/** A reference object without an id: InvalidRequestFormat with MissingJsonReferenceId (GH Azure/bicep, Az.Network reports). */
export const missingReferenceId = (path: string) =>
  new ArmError(400, "InvalidRequestFormat", "Cannot parse the request.", [
    { code: "MissingJsonReferenceId", message: `Value for reference id is missing. Path ${path}.` },
  ]);

/** A reference that is not an object, e.g. `"subnet": "…"`: the request cannot be deserialized (code of the detail unconfirmed). */
export const invalidJsonReference = (path: string, value: unknown) =>
  new ArmError(400, "InvalidRequestFormat", "Cannot parse the request.", [
    {
      code: "InvalidJson",
      message: `Error converting value ${JSON.stringify(value)} to type 'SubResource'. Path '${path}'.`,
    },
  ]);

/** An IP configuration without a subnet (GH Azure/azure-cli#1238; code from Az.Network reports). */
export const subnetIsRequired = (ipConfigurationId: string) =>
  bad("SubnetIsRequired", `Subnet reference is required for ipconfiguration ${ipConfigurationId}.`);
