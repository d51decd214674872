import { db } from "@/lib/db/client";
import { regionGeography, type Geography } from "./geography";

export type DiscoveredRegion = { name: string; displayName: string; geography: Geography; subscriptions: number };

/** The regions tenants may deploy to, set globally by the admin (the Azure Pack Connector model). */
export async function listAllowedRegions() {
  return db.allowedRegion.findMany({ select: { name: true, displayName: true }, orderBy: { displayName: "asc" } });
}

/**
 * The union of the regions discovered in active subscriptions, with how many subscriptions offer each. It unnests the
 * discovery JSON in PostgreSQL, so only region names cross the wire, not every subscription's size and image lists.
 */
export async function listDiscoveredRegions(): Promise<DiscoveredRegion[]> {
  const rows = await db.$queryRaw<
    { name: string; displayName: string | null; geography: string | null; subscriptions: number }[]
  >`
    select r->>'name' as name,
           max(r->>'displayName') as "displayName",
           max(r->>'geography') as geography,
           count(distinct s.id)::int as subscriptions
      from "AzureSubscription" s
      cross join lateral jsonb_array_elements(coalesce(s.discovery->'regions', '[]'::jsonb)) r
     where s.state = 'active' and r->>'name' is not null
     group by 1`;
  return rows
    .map((r) => ({
      name: r.name,
      displayName: r.displayName ?? r.name,
      geography: regionGeography(r.name, r.geography),
      subscriptions: r.subscriptions,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
