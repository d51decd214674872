import { randomBytes } from "node:crypto";
import pg from "pg";
import { e2eStack } from "./stack";

let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 1 }));

/** A further tenant for a user, as an admin adds a member (so the user meets the tenant picker). */
export async function addMembership(userId: string, tenantId: string, role: "owner" | "operator" | "reader") {
  await db().query(`insert into "Membership" (id, "userId", "tenantId", role) values ($1, $2, $3, $4)`, [
    `e2e${randomBytes(8).toString("hex")}`,
    userId,
    tenantId,
    role,
  ]);
}

/**
 * Whether a detail page has anything to show: a walk may leave a page unreached only when no such object exists (a
 * fresh demo seed has no protected VM; another spec may have protected one). `tenantId` null means the provider's own
 * rows.
 */
export async function hasAny(table: "ProtectedItem", where: { tenantId?: string | null } = {}) {
  const filter =
    where.tenantId === undefined ? "" : where.tenantId === null ? `where "tenantId" is null` : `where "tenantId" = $1`;
  const { rows } = await db().query(
    `select 1 from "${table}" ${filter} limit 1`,
    where.tenantId ? [where.tenantId] : [],
  );
  return rows.length > 0;
}

/**
 * A provider's or a tenant's webhook endpoint for the walk to open, as the portal leaves one it disabled after repeated
 * failures (so nothing is delivered to it, and its page shows the notice too). Created once: a rerun finds it.
 */
export async function ensureDisabledWebhookEndpoint(tenantId: string | null) {
  const url = `https://hooks.${tenantId ?? "provider"}.a11y.example/portal`;
  const { rows } = await db().query<{ id: string }>(`select id from "WebhookEndpoint" where url = $1`, [url]);
  if (rows[0]) return;
  await db().query(
    `insert into "WebhookEndpoint" (id, "tenantId", url, description, "eventTypes", "secretSealed", enabled,
       "disabledReason", "disabledAt", "consecutiveFailures", "updatedAt")
     values ($1, $2, $3, 'Billing', '{vm.created,vm.deleted}', 'sealed', false, $4, now(), 10, now())`,
    [
      `e2e${randomBytes(8).toString("hex")}`,
      tenantId,
      url,
      "Disabled by the portal: 10 deliveries in a row failed after retrying for 24 hours.",
    ],
  );
}
