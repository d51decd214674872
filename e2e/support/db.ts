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

export type SeedStep = {
  name: string;
  state: "pending" | "running" | "succeeded" | "failed" | "skipped";
  requestId?: string;
  errorCode?: string;
  detail?: string;
};

/** An Operation with its steps, as the worker would have left it (started a minute ago, ended now unless running). */
export async function createOperation(opts: {
  tenantId: string | null;
  kind: string;
  state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  targetName: string;
  errorCode?: string;
  errorMessage?: string;
  errorRequestId?: string;
  errorDetail?: unknown;
  steps?: SeedStep[];
}) {
  const operationId = id();
  const steps = opts.steps ?? [];
  const isFinished = opts.state !== "queued" && opts.state !== "running";
  await db().query(
    `insert into "Operation" (id, kind, "tenantId", "targetType", "targetId", "targetName", state, attempts, "stepsTotal", "stepsDone",
       "errorCode", "errorMessage", "errorRequestId", "errorDetail", "createdAt", "startedAt", "endedAt")
     values ($1, $2, $3, 'VirtualMachine', $4, $5, $6, 1, $7, $8, $9, $10, $11, $12, now() - interval '1 minute',
       now() - interval '1 minute', case when $13 then now() end)`,
    [
      operationId,
      opts.kind,
      opts.tenantId,
      id(),
      opts.targetName,
      opts.state,
      steps.length,
      steps.filter((s) => s.state === "succeeded").length,
      opts.errorCode ?? null,
      opts.errorMessage ?? null,
      opts.errorRequestId ?? null,
      opts.errorDetail === undefined ? null : JSON.stringify(opts.errorDetail),
      isFinished,
    ],
  );
  for (const [position, step] of steps.entries()) {
    await db().query(
      `insert into "OperationStep" (id, "operationId", position, name, state, attempt, detail, "requestId", "errorCode", "startedAt", "endedAt")
       values ($1, $2, $3, $4, $5, 1, $6, $7, $8, now() - interval '1 minute', case when $9 then now() end)`,
      [id(), operationId, position, step.name, step.state, step.detail ?? null, step.requestId ?? null, step.errorCode ?? null, step.state === "succeeded" || step.state === "failed"],
    );
  }
  return { id: operationId };
}
