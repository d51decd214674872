import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { InvalidInput } from "@/lib/errors";
import { listDiscoveredRegions } from "./queries";

/**
 * Replaces the allowed regions with `names`. Every one must be offered by an active subscription right now, so a
 * tenant is never offered a region no plan can deploy to; the set and its audit event are written together.
 */
export async function setAllowedRegions(ctx: StaffContext, names: string[]) {
  const wanted = [...new Set(names)];
  const discovered = new Map((await listDiscoveredRegions()).map((r) => [r.name, r]));
  const unknown = wanted.filter((n) => !discovered.has(n));
  if (unknown.length > 0) {
    throw new InvalidInput(
      { regions: [`No active Azure subscription offers ${unknown.join(", ")}. Choose from the discovered regions.`] },
      "Some regions cannot be allowed.",
    );
  }
  return db.$transaction(async (tx) => {
    const before = (await tx.allowedRegion.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map(
      (r) => r.name,
    );
    const added = wanted.filter((n) => !before.includes(n));
    const removed = before.filter((n) => !wanted.includes(n));
    await tx.allowedRegion.deleteMany({ where: { name: { notIn: wanted } } });
    for (const name of wanted) {
      const displayName = discovered.get(name)!.displayName;
      await tx.allowedRegion.upsert({ where: { name }, create: { name, displayName }, update: { displayName } });
    }
    await recordAudit(
      {
        action: "catalog.setAllowedRegions",
        actor: ctx.user,
        target: { type: "AllowedRegions", name: "Allowed regions" },
        detail: { added, removed, count: wanted.length },
      },
      tx,
    );
    return { count: wanted.length, added, removed };
  });
}
