import { randomUUID } from "node:crypto";

export const newGuid = (): string => randomUUID();

export interface ParsedId {
  subscriptionId?: string;
  resourceGroup?: string;
  namespace?: string;
  /** Full type, e.g. "Microsoft.Network/loadBalancers/probes". */
  type?: string;
  name?: string;
}

/** Parses an ARM id like /subscriptions/s/resourceGroups/rg/providers/Ns/t1/n1/t2/n2. */
export function parseResourceId(id: string): ParsedId {
  const parts = id.split("/").filter(Boolean);
  const out: ParsedId = {};
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i].toLowerCase();
    if (key === "subscriptions") out.subscriptionId = parts[++i];
    else if (key === "resourcegroups") out.resourceGroup = parts[++i];
    else if (key === "providers") {
      out.namespace = parts[++i];
      const rest = parts.slice(i + 1);
      const types: string[] = [];
      for (let j = 0; j < rest.length; j += 2) {
        types.push(rest[j]);
        out.name = rest[j + 1];
      }
      out.type = [out.namespace, ...types].join("/");
      break;
    }
  }
  if (!out.namespace && out.resourceGroup) {
    out.type = "Microsoft.Resources/resourceGroups";
    out.name = out.resourceGroup;
  }
  return out;
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}
