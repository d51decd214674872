/**
 * Offline migrations through Prisma's wasm schema engine (the CLI downloads a native engine, unreachable here).
 *   deploy            apply pending migrations to DATABASE_URL (or the embedded database)
 *   create <name>     diff the schema against the last migration's snapshot into a new migration
 *   status            list applied / pending migrations
 * Each migration folder keeps a copy of the schema it produced, so `create` never needs a shadow database.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const root = path.resolve(import.meta.dirname, "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

type Engine = Record<string, (input: unknown) => Promise<Record<string, unknown>>>;

// The module is instantiated once per process: a second instance under the same bindings panics inside the engine.
let wasmEngine: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | undefined;

async function loadEngine(connectionString: string): Promise<Engine> {
  wasmEngine ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(bgPath);
    const wasm = readFileSync(bgPath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  const bg = await wasmEngine;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const datamodels = [[schemaPath, readFileSync(schemaPath, "utf8")]];
  return bg.SchemaEngine.new({ datamodels }, () => {}, adapter);
}

function migrationNames() {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function migrationsList() {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: migrationNames().map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

export async function migrateDeploy(connectionString: string) {
  const engine = await loadEngine(connectionString);
  const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
  return (out.appliedMigrationNames as string[]) ?? [];
}

/** The database's migrations against prisma/migrations: `pending` (not applied yet), `failed`, `edited` since applied. */
export async function migrationStatus(connectionString: string) {
  const engine = await loadEngine(connectionString);
  const d = (await engine.diagnoseMigrationHistory({
    migrationsList: migrationsList(),
    optInToShadowDatabase: false,
    filters,
  })) as {
    history: { diagnostic: string; unappliedMigrationNames?: string[] } | null;
    failedMigrationNames: string[];
    editedMigrationNames: string[];
  };
  return {
    pending: d.history?.unappliedMigrationNames ?? [],
    /** Anything but "up to date" or "behind" (e.g. migrations in the database that this code does not have). */
    divergence: d.history && d.history.diagnostic !== "databaseIsBehind" ? d.history.diagnostic : null,
    failedMigrationNames: d.failedMigrationNames,
    editedMigrationNames: d.editedMigrationNames,
  };
}

/** Returns the SQL that would bring the last snapshot to the current schema ("" when there is nothing to do). */
export async function pendingSchemaChange(connectionString: string) {
  const engine = await loadEngine(connectionString);
  const names = migrationNames();
  const last = names.at(-1);
  const from = last
    ? {
        tag: "schemaDatamodel",
        files: [{ path: schemaPath, content: readFileSync(path.join(migrationsDir, last, "schema.prisma"), "utf8") }],
      }
    : { tag: "empty" };
  const to = { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] };
  let sql = "";
  // diff prints through the engine's stdout callback in some builds and returns it in others.
  const result = await engine.diff({ from, to, script: true, exitCode: null, filters });
  sql = String(result.stdout ?? "");
  return sql.includes("This is an empty migration") ? "" : sql.trim();
}

async function createMigration(connectionString: string, name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration in snake_case, e.g. add_virtual_machines");
  const sql = await pendingSchemaChange(connectionString);
  if (!sql) return console.log("No schema changes: nothing to create.");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  writeFileSync(path.join(dir, "schema.prisma"), readFileSync(schemaPath, "utf8"));
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) appendFileSync(lock, 'provider = "postgresql"\n');
  console.log(`Created prisma/migrations/${stamp}_${name}/migration.sql`);
}

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const { startDataStores } = await import("./lib/stack.ts");
  const stores = await startDataStores({ log: () => {} });
  try {
    return await fn(stores.databaseUrl);
  } finally {
    await stores.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const [command, name] = process.argv.slice(2);
  await withDatabase(async (url) => {
    if (command === "deploy") {
      const applied = await migrateDeploy(url);
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
    } else if (command === "create") {
      await createMigration(url, name ?? "");
    } else if (command === "status") {
      const engine = await loadEngine(url);
      console.log(
        JSON.stringify(
          await engine.diagnoseMigrationHistory({
            migrationsList: migrationsList(),
            optInToShadowDatabase: false,
            filters,
          }),
          null,
          2,
        ),
      );
    } else if (command === "check") {
      const sql = await pendingSchemaChange(url);
      if (sql) {
        console.error(
          "prisma/schema.prisma has changes without a migration. Run: npm run db:migration -- <name>\n" + sql,
        );
        process.exitCode = 1;
      } else console.log("Migrations match the schema.");
    } else {
      console.error("usage: migrate.ts deploy | create <name> | status | check");
      process.exitCode = 2;
    }
  });
}
