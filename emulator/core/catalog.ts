import type { ProviderPlugin, ProviderResourceType } from "./plugin.js";

/** Resource types per lowercased namespace, from every plugin's `namespaces`; shown by GET /providers. */
export const providerCatalog = new Map<string, { namespace: string; resourceTypes: ProviderResourceType[] }>();

export function registerCatalog(plugins: ProviderPlugin[]): void {
  for (const p of plugins) {
    for (const ns of p.namespaces ?? []) {
      const entry = providerCatalog.get(ns.namespace.toLowerCase()) ?? { namespace: ns.namespace, resourceTypes: [] };
      for (const t of ns.resourceTypes) {
        if (!entry.resourceTypes.some((e) => e.resourceType === t.resourceType)) entry.resourceTypes.push(t);
      }
      providerCatalog.set(ns.namespace.toLowerCase(), entry);
    }
  }
}
