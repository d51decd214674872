import { ArmError } from "../../core/errors.js";

/**
 * Load balancer validation errors. Codes from AZURE-FACTS §6 and the GitHub reports it cites unless marked
 * (unconfirmed): those names are the most likely reading, not seen in a real response.
 */
const bad = (code: string, message: string) => new ArmError(400, code, message);

export const differentSku = (lbSku: string, lbId: string, pipSku: string, pipId: string) =>
  bad(
    "DifferentSkuLoadBalancersAndPublicIPAddressNotAllowed",
    `${lbSku} sku load balancer ${lbId} cannot reference ${pipSku} sku publicIP ${pipId}.`,
  );

export const frontendWithoutTarget = (feId: string) =>
  bad(
    "FrontendIPConfigHasNoSubnetOrPublicIP",
    `Frontend IP Configuration ${feId} must reference either a Subnet or a Public IP Address.`,
  );

export const frontendWithBothTargets = (feId: string) =>
  bad(
    "FrontendIPConfigHasBothSubnetAndPublicIP",
    `Frontend IP Configuration ${feId} must not reference both a Subnet and a Public IP Address.`,
  );

/** Code from the LB deployment-errors doc; message (unconfirmed). */
export const noFrontendButChildren = (lbId: string) =>
  bad(
    "LoadBalancerWithoutFrontendIPCantHaveChildResources",
    `Load balancer ${lbId} does not have a frontend IP configuration, so it cannot have child resources such as rules, probes, backend pools or inbound NAT rules.`,
  );

/** Message pattern from GH MicrosoftDocs/azure-docs#117762. */
export const sameBackendPortProtocolAndPool = (a: string, b: string, protocol: string, port: number, pool: string) =>
  bad(
    "RulesUseSameBackendPortProtocolAndPool",
    `Load balancing rules ${a} and ${b} with floating IP disabled use the same protocol ${protocol} and backend port ${port}, and must not be used with the same backend address pool ${pool}.`,
  );

/**
 * (unconfirmed) code: Azure requires unique frontend IP configuration + protocol + frontend port per load balancer,
 * but no real response naming this error was found; the name follows the RulesUseSame… family.
 */
export const sameFrontendPortProtocolAndIp = (a: string, b: string, protocol: string, port: number, fe: string) =>
  bad(
    "RulesUseSameFrontendPortProtocolAndFrontendIPConfiguration",
    `Load balancer rules ${a} and ${b} use the same protocol ${protocol} and frontend port ${port} on frontend IP configuration ${fe}; a frontend IP configuration, protocol and frontend port can be used by one rule only.`,
  );

/** (unconfirmed) codes for the documented limits (600 frontends, 1,500 rules per Standard load balancer). */
export const tooManyFrontends = (lbId: string, count: number) =>
  bad(
    "FrontendIPConfigurationCountLimitReached",
    `Load balancer ${lbId} has ${count} frontend IP configurations; the limit is 600.`,
  );
export const tooManyRules = (lbId: string, count: number) =>
  bad(
    "LoadBalancerRuleCountLimitReached",
    `Load balancer ${lbId} has ${count} load balancing and inbound NAT rules; the limit is 1500.`,
  );

/** (unconfirmed) code used for property values outside the documented ranges and enums. */
export const invalidProperty = (resourceId: string, property: string, value: unknown, allowed: string) =>
  bad(
    "InvalidLoadBalancerProperty",
    `Value '${value === undefined ? "" : String(value)}' of property ${property} of ${resourceId} is invalid. ${allowed}`,
  );

/** (unconfirmed) codes for requestPath rules of health probes (SPECS NET: required for Http/Https, not allowed for Tcp). */
export const probeRequestPathRequired = (probeId: string, protocol: string) =>
  bad("ProbeRequestPathRequired", `Probe ${probeId} uses protocol ${protocol} and must specify requestPath.`);
export const probeRequestPathNotAllowed = (probeId: string) =>
  bad("ProbeRequestPathNotAllowedForTcp", `Probe ${probeId} uses protocol Tcp and must not specify requestPath.`);

/** (unconfirmed) code: a rule without frontendIPConfiguration. */
export const ruleWithoutFrontend = (ruleId: string) =>
  bad(
    "LoadBalancingRuleMustReferenceFrontendIPConfiguration",
    `Rule ${ruleId} must reference a frontend IP configuration.`,
  );

/**
 * `mode` is create-only (x-ms-mutability read, create in Network 2026-03-01): a PUT that changes it is refused with
 * ARM's code for a property fixed at create, as the Compute RP answers (unconfirmed for the Network RP).
 */
export const modeChangeNotAllowed = () =>
  new ArmError(409, "PropertyChangeNotAllowed", "Changing property 'mode' is not allowed.", undefined, {
    target: "properties.mode",
  });

/** Code from GH Azure/AzLoadBalancerMigration#10 (AZURE-FACTS §6); message (unconfirmed). */
export const outboundRulesShareFrontendAndProtocol = (a: string, b: string, frontend: string, protocol: string) =>
  bad(
    "MoreThanOneOutboundRuleUsingSameFrontendIPConfigurationAndProtocolIsNotSupported",
    `Outbound rules ${a} and ${b} use the same frontend IP configuration ${frontend} and protocol ${protocol}. More than one outbound rule using the same frontend IP configuration and protocol is not supported.`,
  );

/** Code and wording from GH Azure/ARO-RP#32, ansible-collections/azure#743 (AZURE-FACTS §6); exact message (unconfirmed). */
export const ruleMustDisableSnat = (rule: string, frontend: string) =>
  bad(
    "LoadBalancingRuleMustDisableSNATSinceSameFrontendIPConfigurationIsReferencedByOutboundRule",
    `Load balancing rule ${rule} must disable SNAT since the same frontendIPConfiguration ${frontend} is referenced by outbound rule.`,
  );
