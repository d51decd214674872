import { randomBytes, randomUUID } from "node:crypto";
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
  await db().query(`insert into "Tenant" (id, slug, name, state, "updatedAt") values ($1, $2, $3, 'active', now())`, [
    tenantId,
    slug,
    name,
  ]);
  return { id: tenantId, slug, name };
}

export async function createUser(opts: {
  staffRole?: "admin" | "helpdesk";
  tenantId?: string;
  role?: "owner" | "operator" | "reader";
  email?: string;
  /** As an admin leaves a new user or a reset: the password must be changed at first sign-in, within 72 hours. */
  oneTime?: boolean;
}) {
  const email = opts.email ?? `${unique("user")}@e2e.example`;
  const userId = id();
  const passwordHash = await hash(e2ePassword, { algorithm: 2 });
  await db().query(
    `insert into "User" (id, email, name, "passwordHash", "staffRole", "passwordMustChange", "passwordExpiresAt", "updatedAt")
     values ($1, $2, $3, $4, $5, $6, case when $6 then now() + interval '72 hours' end, now())`,
    [userId, email, email.split("@")[0], passwordHash, opts.staffRole ?? null, Boolean(opts.oneTime)],
  );
  if (opts.tenantId) {
    await db().query(`insert into "Membership" (id, "userId", "tenantId", role) values ($1, $2, $3, $4)`, [
      id(),
      userId,
      opts.tenantId,
      opts.role ?? "owner",
    ]);
  }
  return { id: userId, email, password: e2ePassword };
}

/** The addresses audit recorded for an email's sign-in attempts, oldest first. */
export async function loginAddresses(email: string) {
  const { rows } = await db().query<{ ip: string | null }>(
    `select ip from "AuditEvent" where action = 'auth.login' and "actorEmail" = $1 order by at`,
    [email],
  );
  return rows.map((r) => r.ip);
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
       values ($1, $2, $3, $4, $5, 1, $6, $7, $8, case when $9 then now() - interval '1 minute' end, case when $10 then now() end)`,
      [
        id(),
        operationId,
        position,
        step.name,
        step.state,
        step.detail ?? null,
        step.requestId ?? null,
        step.errorCode ?? null,
        step.state !== "pending" && step.state !== "skipped",
        step.state === "succeeded" || step.state === "failed",
      ],
    );
  }
  return { id: operationId };
}

/** What validation leaves on an active subscription: a few regions, sizes (one outside the allowed regions) and images. */
export const e2eDiscovery = {
  regions: [
    { name: "eastus", displayName: "East US" },
    { name: "westeurope", displayName: "West Europe" },
    { name: "brazilsouth", displayName: "Brazil South" },
  ],
  sizes: [
    {
      name: "Standard_B2s",
      vCpus: 2,
      memoryMb: 4096,
      maxDataDisks: 4,
      family: "standardBSFamily",
      regions: ["eastus", "westeurope"],
    },
    {
      name: "Standard_D2s_v5",
      vCpus: 2,
      memoryMb: 8192,
      maxDataDisks: 4,
      family: "standardDSv5Family",
      regions: ["eastus"],
    },
    {
      name: "Standard_D4s_v5",
      vCpus: 4,
      memoryMb: 16384,
      maxDataDisks: 8,
      family: "standardDSv5Family",
      regions: ["eastus", "westeurope"],
    },
    {
      name: "Standard_L8s_v3",
      vCpus: 8,
      memoryMb: 65536,
      maxDataDisks: 16,
      family: "standardLSv3Family",
      regions: ["brazilsouth"],
    },
  ],
  images: [
    {
      publisher: "Canonical",
      offer: "ubuntu-24_04-lts",
      sku: "server",
      osType: "Linux",
      versions: ["24.04.202501010", "24.04.202412010"],
    },
    {
      publisher: "MicrosoftWindowsServer",
      offer: "WindowsServer",
      sku: "2022-datacenter-azure-edition",
      osType: "Windows",
      versions: ["20348.2849.241105", "20348.2762.241009"],
    },
    { publisher: "RedHat", offer: "RHEL", sku: "9-lvm-gen2", osType: "Linux", versions: ["9.4.2024081415"] },
  ],
  quota: { eastus: { used: 0, limit: 100 }, westeurope: { used: 0, limit: 100 } },
};

/**
 * An active AzureSubscription as a passed validation leaves it (no Azure call happens, so the sealed secret is a
 * placeholder), with eastus and westeurope allowed. Allowed regions are global: existing rows are kept.
 */
export async function createActiveSubscription(opts: { displayName?: string } = {}) {
  const subscriptionRowId = id();
  const subscriptionId = randomUUID();
  const displayName = opts.displayName ?? unique("Azure");
  await db().query(
    `insert into "AzureSubscription" (id, "subscriptionId", "displayName", cloud, "directoryId", "clientId", "clientSecretEnc", state, discovery, "lastValidatedAt", "updatedAt")
     values ($1, $2, $3, 'Custom', $4, $5, 'e2e-placeholder', 'active', $6, now(), now())`,
    [subscriptionRowId, subscriptionId, displayName, randomUUID(), randomUUID(), JSON.stringify(e2eDiscovery)],
  );
  for (const region of e2eDiscovery.regions.slice(0, 2)) {
    await db().query(
      `insert into "AllowedRegion" (name, "displayName") values ($1, $2) on conflict (name) do nothing`,
      [region.name, region.displayName],
    );
  }
  return { id: subscriptionRowId, subscriptionId, displayName };
}

/** A private plan on its own new active subscription, as the plan form would save it. */
export async function createPlan(opts: { name?: string } = {}) {
  const sub = await createActiveSubscription();
  const planId = id();
  const name = opts.name ?? unique("Plan");
  const images = [{ publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" }];
  await db().query(
    `insert into "Plan" (id, name, "azureSubscriptionId", "allowedSizes", "allowedImages", "quotaVms", "quotaVcpus", "quotaPublicIps", "quotaLoadBalancers", "quotaProtectedVms", "updatedAt")
     values ($1, $2, $3, $4, $5, 10, 40, 5, 2, 5, now())`,
    [planId, name, sub.id, ["Standard_B2s"], JSON.stringify(images)],
  );
  return { id: planId, name, subscription: sub };
}
