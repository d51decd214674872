/**
 * The demo seed: runs only in demo mode and only on an empty database, so it never touches real data.
 * Users and tenants here; later domains add onboarded subscriptions, plans and resources through their own services.
 */
import path from "node:path";

export const demoPassword = "Demo-Portal-2026!";

type DemoUser = { email: string; name: string; staffRole?: "admin" | "helpdesk"; tenant?: string; role?: "owner" | "operator" | "reader" };

export const demoUsers: DemoUser[] = [
  { email: "admin@provider.example", name: "Avery Admin", staffRole: "admin" },
  { email: "helpdesk@provider.example", name: "Harper Helpdesk", staffRole: "helpdesk" },
  { email: "owner@contoso.example", name: "Casey Contoso", tenant: "contoso", role: "owner" },
  { email: "reader@contoso.example", name: "Riley Contoso", tenant: "contoso", role: "reader" },
  { email: "owner@acmecorp.example", name: "Alex Acme", tenant: "acmecorp", role: "owner" },
  { email: "reader@acmecorp.example", name: "Robin Acme", tenant: "acmecorp", role: "reader" },
];

export const demoTenants = [
  { slug: "contoso", name: "Contoso" },
  { slug: "acmecorp", name: "AcmeCorp" },
];

export async function seedDemo(opts: { log: (m: string) => void }): Promise<boolean> {
  const { db } = await import("@/lib/db/client");
  const { hashPassword } = await import("@/lib/crypto/password");
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(demoPassword);
  await db.$transaction(async (tx) => {
    const tenants = new Map<string, string>();
    for (const t of demoTenants) tenants.set(t.slug, (await tx.tenant.create({ data: t })).id);
    for (const u of demoUsers) {
      const user = await tx.user.create({ data: { email: u.email, name: u.name, passwordHash, staffRole: u.staffRole ?? null } });
      if (u.tenant && u.role) await tx.membership.create({ data: { userId: user.id, tenantId: tenants.get(u.tenant)!, role: u.role } });
    }
    await tx.auditEvent.create({ data: { action: "demo.seed", actorEmail: "system", detail: { users: demoUsers.length, tenants: demoTenants.length } } });
  });
  opts.log(`seeded ${demoUsers.length} demo users in ${demoTenants.length} tenants`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { startDataStores, loadLocalSecrets } = await import("./lib/stack.ts");
  const { migrateDeploy } = await import("./migrate.ts");
  loadLocalSecrets();
  const stores = await startDataStores({ log: console.log });
  process.env.DATABASE_URL = stores.databaseUrl;
  await migrateDeploy(stores.databaseUrl);
  const seeded = await seedDemo({ log: console.log });
  console.log(seeded ? "Demo data seeded." : "The database already has users: nothing seeded.");
  await stores.stop();
  process.exit(0);
}
