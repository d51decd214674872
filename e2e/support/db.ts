import { randomBytes } from "node:crypto";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { e2eStack } from "./stack";

// Each test seeds its own tenant and users with unique names, so tests never depend on one another.
let pool: pg.Pool | undefined;
const db = () => (pool ??= new pg.Pool({ connectionString: e2eStack.databaseUrl, max: 2 }));
const id = () => `e2e${randomBytes(8).toString("hex")}`;

export const e2ePassword = "E2e-Strong-Passw0rd!";

export function unique(prefix: string) {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

export async function createTenant(name = unique("Tenant")) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const tenantId = id();
  await db().query(`insert into "Tenant" (id, slug, name, state, "updatedAt") values ($1, $2, $3, 'active', now())`, [tenantId, slug, name]);
  return { id: tenantId, slug, name };
}

export async function createUser(opts: { staffRole?: "admin" | "helpdesk"; tenantId?: string; role?: "owner" | "operator" | "reader"; email?: string }) {
  const email = opts.email ?? `${unique("user")}@e2e.example`;
  const userId = id();
  const passwordHash = await hash(e2ePassword, { algorithm: 2 });
  await db().query(`insert into "User" (id, email, name, "passwordHash", "staffRole", "updatedAt") values ($1, $2, $3, $4, $5, now())`, [
    userId,
    email,
    email.split("@")[0],
    passwordHash,
    opts.staffRole ?? null,
  ]);
  if (opts.tenantId) {
    await db().query(`insert into "Membership" (id, "userId", "tenantId", role) values ($1, $2, $3, $4)`, [id(), userId, opts.tenantId, opts.role ?? "owner"]);
  }
  return { id: userId, email, password: e2ePassword };
}
