/**
 * Creates a REST API token for automation and prints it once:
 *   npm run token:create -- --tenant contoso --role operator --name ci [--days 90] [--by owner@contoso.example]
 *   npm run token:create -- --staff admin|helpdesk --name billing [--days 90] [--by admin@provider.example]
 * The token acts as --by (default: the tenant's first owner, or the first provider admin), who is named as its creator.
 * Uses DATABASE_URL, or the embedded database when unset.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadLocalSecrets, startDataStores } from "./lib/stack.ts";
import { migrateDeploy } from "./migrate.ts";

const usage =
  "usage: npm run token:create -- --tenant <slug> --role owner|operator|reader --name <name> [--days 90] [--by <email>]\n" +
  "       npm run token:create -- --staff admin|helpdesk --name <name> [--days 90] [--by <email>]";
const { values } = parseArgs({
  options: {
    tenant: { type: "string" },
    role: { type: "string" },
    staff: { type: "string" },
    name: { type: "string" },
    days: { type: "string" },
    by: { type: "string" },
  },
});
const input = z
  .object({
    tenant: z.string().trim().min(1).optional(),
    role: z.enum(["owner", "operator", "reader"], { error: "--role must be owner, operator or reader" }).optional(),
    staff: z.enum(["admin", "helpdesk"], { error: "--staff must be admin or helpdesk" }).optional(),
    by: z.string().trim().toLowerCase().email("--by must be an email address").optional(),
  })
  .refine((v) => Boolean(v.tenant) !== Boolean(v.staff), { message: "Give either --tenant or --staff" })
  .safeParse(values);
if (!input.success) {
  console.error(input.error.issues.map((i) => i.message).join("\n") + "\n" + usage);
  process.exit(2);
}

loadLocalSecrets();
const stores = await startDataStores({ log: () => {} });
process.env.DATABASE_URL = stores.databaseUrl;
try {
  await migrateDeploy(stores.databaseUrl);
  const { db } = await import("@/lib/db/client");
  const { parseInput } = await import("@/lib/errors");
  const { createStaffApiTokenSchema, createTenantApiTokenSchema } = await import("@/lib/api-tokens/schema");
  const { issueApiToken } = await import("@/lib/api-tokens/service");
  const { staffAllows } = await import("@/lib/auth/roles");
  const { tenant, role, staff, by } = input.data;
  const raw = { name: values.name ?? "", expiresInDays: values.days };

  let issued;
  if (staff) {
    const spec = parseInput(createStaffApiTokenSchema, { ...raw, scope: staff });
    const creator = await db.user.findFirst({
      where: by ? { email: by } : { staffRole: "admin", disabled: false },
      orderBy: { createdAt: "asc" },
    });
    if (!creator || !staffAllows(creator.staffRole, staff))
      throw new Error(by ? `${by} is not a provider ${staff}.` : "No provider admin exists: run npm run admin:create.");
    issued = await issueApiToken(creator, spec);
  } else {
    const spec = parseInput(createTenantApiTokenSchema, { ...raw, role: role ?? "reader" });
    const found = await db.tenant.findUnique({ where: { slug: tenant! }, select: { id: true, name: true } });
    if (!found) throw new Error(`No tenant with the slug ${tenant}.`);
    const member = await db.membership.findFirst({
      where: { tenantId: found.id, role: "owner", ...(by ? { user: { email: by } } : { user: { disabled: false } }) },
      orderBy: { createdAt: "asc" },
      select: { user: true },
    });
    if (!member) throw new Error(by ? `${by} is not an owner of ${found.name}.` : `${found.name} has no owner.`);
    issued = await issueApiToken(member.user, { ...spec, scope: "tenant", tenantId: found.id });
  }
  console.log(
    `API token ${issued.name} (${issued.prefix}, ${issued.role ?? issued.scope}), expires ${issued.expiresAt.toISOString()}.\n` +
      `Shown once — store it now:\n${issued.token}`,
  );
} catch (error) {
  const fields = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
  console.error(
    fields
      ? Object.entries(fields)
          .map(([k, v]) => `--${k}: ${v?.join(" ")}`)
          .join("\n")
      : String(error),
  );
  process.exitCode = 1;
} finally {
  await stores.stop();
}
process.exit();
