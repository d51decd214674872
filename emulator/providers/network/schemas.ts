import { s, type JsonSchema } from "../../core/request-schema.js";

/** JSON shapes of the Network RP request bodies (types, and the properties the spec marks required). */
const { str, int, bool, obj, arr, map, ref } = s;
const tracked = { location: str, tags: map(str) };
const named = (properties: JsonSchema, required: string[] = []) => obj({ name: str, id: str, properties }, required);

const subnetProperties = obj({
  addressPrefix: str,
  addressPrefixes: arr(str),
  networkSecurityGroup: ref,
  routeTable: ref,
  natGateway: ref,
  serviceEndpoints: arr(obj({ service: str, locations: arr(str) })),
  delegations: arr(obj({ name: str, properties: obj({ serviceName: str }) })),
  privateEndpointNetworkPolicies: str,
  privateLinkServiceNetworkPolicies: str,
  defaultOutboundAccess: bool,
});
export const subnetSchema = named(subnetProperties);

export const virtualNetworkSchema = obj({
  ...tracked,
  properties: obj({
    addressSpace: obj({ addressPrefixes: arr(str) }),
    dhcpOptions: obj({ dnsServers: arr(str) }),
    subnets: arr(subnetSchema),
    enableDdosProtection: bool,
    enableVmProtection: bool,
  }),
});

export const securityRuleSchema = named(
  obj(
    {
      description: str,
      protocol: str,
      sourcePortRange: str,
      destinationPortRange: str,
      sourcePortRanges: arr(str),
      destinationPortRanges: arr(str),
      sourceAddressPrefix: str,
      destinationAddressPrefix: str,
      sourceAddressPrefixes: arr(str),
      destinationAddressPrefixes: arr(str),
      access: str,
      priority: int,
      direction: str,
    },
    ["protocol", "access", "direction"],
  ),
  ["properties"],
);

export const networkSecurityGroupSchema = obj({
  ...tracked,
  properties: obj({ securityRules: arr(securityRuleSchema), flushConnection: bool }),
});

export const publicIpSchema = obj({
  ...tracked,
  sku: obj({ name: str, tier: str }),
  zones: arr(str),
  properties: obj({
    publicIPAllocationMethod: str,
    publicIPAddressVersion: str,
    idleTimeoutInMinutes: int,
    ipAddress: str,
    dnsSettings: obj({ domainNameLabel: str, domainNameLabelScope: str, fqdn: str, reverseFqdn: str }),
    ipTags: arr(obj({ ipTagType: str, tag: str })),
    publicIPPrefix: ref,
    deleteOption: str,
  }),
});

const ipConfigurationSchema = named(
  obj({
    subnet: ref,
    privateIPAddress: str,
    privateIPAllocationMethod: str,
    privateIPAddressVersion: str,
    publicIPAddress: ref,
    primary: bool,
    loadBalancerBackendAddressPools: arr(ref),
    loadBalancerInboundNatRules: arr(ref),
    applicationSecurityGroups: arr(ref),
    gatewayLoadBalancer: ref,
  }),
);

export const networkInterfaceSchema = obj({
  ...tracked,
  properties: obj({
    ipConfigurations: arr(ipConfigurationSchema),
    networkSecurityGroup: ref,
    enableAcceleratedNetworking: bool,
    enableIPForwarding: bool,
    disableTcpStateTracking: bool,
    auxiliaryMode: str,
    auxiliarySku: str,
    nicType: str,
    dnsSettings: obj({ dnsServers: arr(str), internalDnsNameLabel: str }),
  }),
});

const frontendSchema = obj({
  name: str,
  id: str,
  zones: arr(str),
  properties: obj({
    publicIPAddress: ref,
    publicIPPrefix: ref,
    subnet: ref,
    privateIPAddress: str,
    privateIPAllocationMethod: str,
    privateIPAddressVersion: str,
    gatewayLoadBalancer: ref,
  }),
});
const poolSchema = named(
  obj({
    loadBalancerBackendAddresses: arr(
      obj({ name: str, properties: obj({ ipAddress: str, virtualNetwork: ref, subnet: ref }) }),
    ),
    tunnelInterfaces: arr(obj({ port: int, identifier: int, protocol: str, type: str })),
    virtualNetwork: ref,
    syncMode: str,
    drainPeriodInSeconds: int,
  }),
);
const probeSchema = named(
  obj(
    {
      protocol: str,
      port: int,
      intervalInSeconds: int,
      numberOfProbes: int,
      probeThreshold: int,
      requestPath: str,
      noHealthyBackendsBehavior: str,
    },
    ["protocol", "port"],
  ),
  ["properties"],
);
const ruleSchema = named(
  obj(
    {
      frontendIPConfiguration: ref,
      backendAddressPool: ref,
      backendAddressPools: arr(ref),
      probe: ref,
      protocol: str,
      loadDistribution: str,
      frontendPort: int,
      backendPort: int,
      idleTimeoutInMinutes: int,
      enableFloatingIP: bool,
      enableTcpReset: bool,
      disableOutboundSnat: bool,
      enableConnectionTracking: bool,
    },
    ["protocol", "frontendPort"],
  ),
  ["properties"],
);
const natRuleSchema = named(
  obj({
    frontendIPConfiguration: ref,
    backendAddressPool: ref,
    protocol: str,
    frontendPort: int,
    backendPort: int,
    frontendPortRangeStart: int,
    frontendPortRangeEnd: int,
    idleTimeoutInMinutes: int,
    enableFloatingIP: bool,
    enableTcpReset: bool,
  }),
);
const natPoolSchema = named(
  obj(
    {
      frontendIPConfiguration: ref,
      protocol: str,
      frontendPortRangeStart: int,
      frontendPortRangeEnd: int,
      backendPort: int,
      idleTimeoutInMinutes: int,
      enableFloatingIP: bool,
      enableTcpReset: bool,
    },
    ["protocol", "frontendPortRangeStart", "frontendPortRangeEnd", "backendPort"],
  ),
);
const outboundRuleSchema = named(
  obj(
    {
      frontendIPConfigurations: arr(ref),
      backendAddressPool: ref,
      protocol: str,
      allocatedOutboundPorts: int,
      idleTimeoutInMinutes: int,
      enableTcpReset: bool,
    },
    ["frontendIPConfigurations", "backendAddressPool", "protocol"],
  ),
);

export const loadBalancerSchema = obj({
  ...tracked,
  sku: obj({ name: str, tier: str }),
  properties: obj({
    frontendIPConfigurations: arr(frontendSchema),
    backendAddressPools: arr(poolSchema),
    probes: arr(probeSchema),
    loadBalancingRules: arr(ruleSchema),
    scope: str,
    inboundNatRules: arr(natRuleSchema),
    inboundNatPools: arr(natPoolSchema),
    outboundRules: arr(outboundRuleSchema),
  }),
});

/** Load balancer child resources written on their own (PUT …/loadBalancers/{lb}/{collection}/{name}). */
export const loadBalancerChildSchemas: Record<string, JsonSchema> = {
  frontendIPConfigurations: frontendSchema,
  backendAddressPools: poolSchema,
  probes: probeSchema,
  loadBalancingRules: ruleSchema,
  inboundNatRules: natRuleSchema,
  outboundRules: outboundRuleSchema,
};
