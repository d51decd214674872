import type { AzureAccess, AzureCloudName } from "./types";

export type CloudEndpoints = {
  /** Resource Manager base URL, no trailing slash. */
  resourceManager: string;
  /** Entra ID authority host, no trailing slash. */
  authorityHost: string;
  /** The OAuth scope to request ARM tokens for (`{audience}/.default`). */
  scope: string;
  /** Custom clouds are not in Entra's public instance list, so MSAL must skip instance discovery. */
  disableInstanceDiscovery: boolean;
  /** PEM bundle to trust instead of the public roots (Custom only). */
  ca?: string;
};

const KNOWN: Record<Exclude<AzureCloudName, "Custom">, Omit<CloudEndpoints, "disableInstanceDiscovery" | "ca">> = {
  AzureCloud: {
    resourceManager: "https://management.azure.com",
    authorityHost: "https://login.microsoftonline.com",
    scope: "https://management.azure.com/.default",
  },
  AzureUSGovernment: {
    resourceManager: "https://management.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
    scope: "https://management.usgovcloudapi.net/.default",
  },
  AzureChinaCloud: {
    resourceManager: "https://management.chinacloudapi.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    scope: "https://management.chinacloudapi.cn/.default",
  },
};

const trimSlash = (url: string) => url.trim().replace(/\/+$/, "");

/**
 * Endpoints for a subscription's cloud. Custom clouds take them from the record. Their token audience is the ARM endpoint
 * itself, which is what the emulator accepts; Azure Stack Hub publishes its real audience at
 * `{armEndpoint}/metadata/endpoints?api-version=2015-01-01` (`authentication.audiences[0]`), so pass it as `audience` there.
 */
export function cloudEndpoints(
  access: Pick<AzureAccess, "cloud" | "armEndpoint" | "authorityHost" | "caCertificate">,
  options: { audience?: string } = {},
): CloudEndpoints {
  if (access.cloud !== "Custom") {
    const known = KNOWN[access.cloud];
    if (!known) throw new Error(`Unknown Azure cloud '${String(access.cloud)}'.`);
    return { ...known, disableInstanceDiscovery: false };
  }
  if (!access.armEndpoint || !access.authorityHost) {
    throw new Error("A Custom cloud needs both an ARM endpoint and an authority host.");
  }
  const resourceManager = trimSlash(access.armEndpoint);
  const audience = trimSlash(options.audience ?? resourceManager);
  return {
    resourceManager,
    authorityHost: trimSlash(access.authorityHost),
    scope: `${audience}/.default`,
    disableInstanceDiscovery: true,
    ...(access.caCertificate ? { ca: access.caCertificate } : {}),
  };
}

/** Microsoft Graph per national cloud (Graph's national cloud deployments), no trailing slash. */
const GRAPH: Record<Exclude<AzureCloudName, "Custom">, string> = {
  AzureCloud: "https://graph.microsoft.com",
  AzureUSGovernment: "https://graph.microsoft.us",
  AzureChinaCloud: "https://microsoftgraph.chinacloudapi.cn",
};

export type GraphEndpoint = { graph: string; scope: string };

/**
 * Microsoft Graph for a cloud. A Custom cloud takes `graphEndpoint` from its record, or its ARM endpoint when it has
 * none (the emulator serves Graph beside ARM). Its tokens still name Graph's public audience: a Custom cloud signs in
 * against public Entra ID (Azure Stack Hub with Entra ID, the emulator), whose Graph audience that is.
 */
export function graphEndpoint(
  access: Pick<AzureAccess, "cloud" | "armEndpoint"> & { graphEndpoint?: string | null },
): GraphEndpoint {
  if (access.cloud !== "Custom") {
    const graph = GRAPH[access.cloud];
    if (!graph) throw new Error(`Unknown Azure cloud '${String(access.cloud)}'.`);
    return { graph, scope: `${graph}/.default` };
  }
  const graph = access.graphEndpoint || access.armEndpoint;
  if (!graph) throw new Error("A Custom cloud needs an ARM endpoint or a Graph endpoint.");
  return { graph: trimSlash(graph), scope: `${GRAPH.AzureCloud}/.default` };
}
