import "dotenv/config";
import { defineConfig } from "prisma/config";

// The Prisma CLI downloads a native schema engine on every command, which is unreachable offline.
// `prisma generate` does not need it; migrations run through scripts/migrate.mjs (wasm engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/portal" },
});
