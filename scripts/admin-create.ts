/**
 * Creates (or promotes) a provider admin without the demo seed, for production installs:
 *   npm run admin:create -- --email ops@provider.example --name "Ops Admin"
 * Prints a one-time password; the admin signs in with it. Uses DATABASE_URL, or the embedded database when unset.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadLocalSecrets, startDataStores } from "./lib/stack.ts";
import { migrateDeploy } from "./migrate.ts";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const input = z
  .object({
    email: z.string().trim().toLowerCase().email("--email must be an email address"),
    name: z.string().trim().min(1, "--name is required").max(100),
  })
  .safeParse(values);
if (!input.success) {
  console.error(
    input.error.issues.map((i) => i.message).join("\n") +
      '\nusage: npm run admin:create -- --email you@provider.example --name "Your Name"',
  );
  process.exit(2);
}

loadLocalSecrets();
const stores = await startDataStores({ log: () => {} });
process.env.DATABASE_URL = stores.databaseUrl;
try {
  await migrateDeploy(stores.databaseUrl);
  const { db } = await import("@/lib/db/client");
  const { hashPassword, generateOneTimePassword } = await import("@/lib/crypto/password");
  const { oneTimePasswordFields } = await import("@/lib/auth/one-time-password");
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const user = await db.user.upsert({
    where: { email: input.data.email },
    create: {
      email: input.data.email,
      name: input.data.name,
      passwordHash,
      staffRole: "admin",
      ...oneTimePasswordFields(),
    },
    // A new password ends the account's existing sessions (lib/auth/sessions.ts).
    update: {
      staffRole: "admin",
      passwordHash,
      disabled: false,
      sessionVersion: { increment: 1 },
      ...oneTimePasswordFields(),
    },
  });
  await db.auditEvent.create({
    data: {
      action: "user.createAdmin",
      actorEmail: "cli",
      targetType: "User",
      targetId: user.id,
      targetName: user.email,
    },
  });
  console.log(
    `Provider admin ${user.email} is ready. One-time password (shown once; change it at first sign-in, within 72 hours): ${password}`,
  );
} finally {
  await stores.stop();
}
process.exit(0);
