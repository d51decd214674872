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
 * fresh demo seed has no protected VM, VMM cloud, price sheet or webhook endpoint; other specs may have made some).
 * `tenantId` null means the provider's own rows.
 */
export async function hasAny(
  table: "ProtectedItem" | "ProtectionContainer" | "PriceSheet" | "WebhookEndpoint",
  where: { tenantId?: string | null } = {},
) {
  const filter =
    where.tenantId === undefined ? "" : where.tenantId === null ? `where "tenantId" is null` : `where "tenantId" = $1`;
  const { rows } = await db().query(
    `select 1 from "${table}" ${filter} limit 1`,
    where.tenantId ? [where.tenantId] : [],
  );
  return rows.length > 0;
}
