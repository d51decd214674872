import type { Prisma, Tx } from "@/lib/db/client";
import type { MeterId } from "./meters";

export type { Tx };

/** Who a metered resource is billed to. */
export type UsageOwner = { tenantId: string; tenantSubscriptionId: string; planId: string };

/** One meter a resource should be running on from now on. */
export type MeterState = {
  resourceType: string;
  resourceId: string;
  resourceName: string;
  azureResourceId?: string | null;
  meter: MeterId;
  region: string;
  sku: string;
  units: number;
  attributes: Record<string, unknown>;
};

/** Where a change was seen: an operation's step, or the inventory sync finding drift. */
export type UsageSource = { source: "operation" | "sync"; operationId?: string | null };

/** Times are kept to the second (the columns are timestamptz(0)); truncating here keeps comparisons exact. */
export const toSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

const sameState = (open: { sku: string; region: string; units: Prisma.Decimal }, s: MeterState) =>
  open.sku === s.sku && open.region === s.region && Number(open.units) === s.units;

/**
 * Makes the open intervals of the resources under `scopeId` (the id itself and "<id>/…", e.g. a VM and its disks and
 * IP) exactly `desired` as of `at`: an interval whose state differs or is no longer wanted is closed at `at`, a
 * wanted state without an open interval is opened at `at`. The same call twice changes nothing, so a retried job step
 * or a sync finding what an operation already recorded writes no second row. Runs inside the caller's transaction,
 * after its own write to the resource's row (whose lock orders concurrent recorders of one resource).
 */
export async function reconcileIntervals(
  tx: Tx,
  scopeId: string,
  owner: UsageOwner | null,
  desired: MeterState[],
  at: Date,
  src: UsageSource,
) {
  const when = toSecond(at);
  const open = await tx.usageInterval.findMany({
    where: { endAt: null, OR: [{ resourceId: scopeId }, { resourceId: { startsWith: `${scopeId}/` } }] },
    select: { id: true, resourceId: true, meter: true, sku: true, region: true, units: true, startAt: true },
  });
  const kept = new Set<string>();
  for (const o of open) {
    const wanted = desired.find((d) => d.resourceId === o.resourceId && d.meter === o.meter);
    if (wanted && sameState(o, wanted)) {
      kept.add(`${o.resourceId} ${o.meter}`);
      continue;
    }
    // A late report (an older step finishing after a newer change was recorded) never makes an interval negative.
    const endAt = when < o.startAt ? o.startAt : when;
    await tx.usageInterval.update({ where: { id: o.id }, data: { endAt } });
  }
  const toOpen = desired.filter((d) => !kept.has(`${d.resourceId} ${d.meter}`));
  if (!toOpen.length) return;
  if (!owner) throw new Error(`Usage of ${scopeId} cannot be opened without its tenant subscription`);
  await tx.usageInterval.createMany({
    data: toOpen.map((d) => ({
      ...owner,
      resourceType: d.resourceType,
      resourceId: d.resourceId,
      azureResourceId: d.azureResourceId ?? null,
      resourceName: d.resourceName,
      meter: d.meter,
      region: d.region,
      sku: d.sku,
      units: d.units,
      attributes: d.attributes as Prisma.InputJsonValue,
      startAt: when,
      source: src.source,
      operationId: src.operationId ?? null,
    })),
  });
}

/**
 * The time Azure's operation finished as the portal saw it: when the job's step that waited on it ended. A step that
 * has not been recorded (a change without one) is now.
 */
export async function stepEndedAt(tx: Tx, operationId: string, stepName: string): Promise<Date> {
  const step = await tx.operationStep.findFirst({
    where: { operationId, name: stepName, state: "succeeded" },
    orderBy: { position: "desc" },
    select: { endedAt: true },
  });
  return step?.endedAt ?? new Date();
}
