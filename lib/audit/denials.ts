import { cache } from "react";
import { headers } from "next/headers";
import { db, Prisma } from "@/lib/db/client";
import { NotFound } from "@/lib/errors";
import { recordAudit, type AuditInput } from "./record";

/**
 * Refused attempts, audited with outcome "denied" (issue 12): a tenant that is not the caller's, a role too low, a staff
 * area, another tenant's object by id. Only what the portal knows about the attempt is written — who, which refusal,
 * which target, whether it was a page or a server action — never the refused form's values, so no password, client
 * secret or key can end up in the audit log.
 */
export type Denial = {
  action: string;
  actor: { id: string; email: string; apiTokenId?: string };
  target: NonNullable<AuditInput["target"]>;
  tenantId?: string;
  detail?: Record<string, unknown>;
};

// A layout and its page both ask for the context: one refused page view is one event.
const recordedInThisRequest = cache(() => new Set<string>());

async function requestShape() {
  try {
    const h = await headers();
    if (!h.get("next-action")) return { via: "page" };
    // A server action is posted from the page that shows its form; a page view's referer is only where the user came from.
    const referer = h.get("referer");
    return { via: "server action", page: referer ? new URL(referer).pathname : undefined };
  } catch {
    return {}; // outside a request (tests, scripts)
  }
}

export async function recordDenial(denial: Denial) {
  const key = JSON.stringify([
    denial.action,
    denial.actor.id,
    denial.target.type,
    denial.target.id ?? denial.target.name,
  ]);
  const seen = recordedInThisRequest();
  if (seen.has(key)) return;
  seen.add(key);
  try {
    await recordAudit({ ...denial, outcome: "denied", detail: { ...denial.detail, ...(await requestShape()) } });
  } catch (error) {
    // Auditing a refusal must never turn it into a 500: the caller still gets its 404 or message.
    console.error("[audit] could not record a denial", error);
  }
}

const audited = new WeakSet<object>();

/**
 * Called where errors become results or 404s (runAction, pages, route handlers): a NotFound for an id looked up inside
 * the caller's tenant is audited as denied when that id is another tenant's object. Every tenant-owned table has a
 * tenantId column (STYLE.md), so one query answers for any of them; the type must be a Prisma model name.
 */
export async function auditRefusal(error: unknown) {
  if (!(error instanceof NotFound) || !error.lookup || audited.has(error)) return;
  audited.add(error);
  const { type, id, tenantId, actor } = error.lookup;
  if (!(Object.values(Prisma.ModelName) as string[]).includes(type)) return;
  try {
    const rows = await db.$queryRaw<
      { tenantId: string | null }[]
    >`select "tenantId" from ${Prisma.raw(`"${type}"`)} where id = ${id}`;
    const owner = rows[0]?.tenantId;
    if (!owner || owner === tenantId) return;
    await recordDenial({
      action: "access.object",
      actor,
      tenantId,
      target: { type, id },
      detail: { reason: "another tenant's object", ownerTenantId: owner },
    });
  } catch (err) {
    console.error("[audit] could not check a refused lookup", err);
  }
}
