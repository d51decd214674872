import { defineConfig } from "vitest/config";
import path from "node:path";
import { LongestFirstSequencer } from "./test/sequencer.ts";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", "generated/**"],
    environment: "node",
    testTimeout: 120_000,
    // Integration files mostly wait on their own PostgreSQL and emulator: a third fork keeps two cores busy.
    maxWorkers: 3,
    hookTimeout: 120_000,
    pool: "forks",
    // One PostgreSQL for the run; each file clones its own database from a migrated template.
    globalSetup: ["./test/db-server.ts"],
    // The longest files first, from vitest's cache or test/durations.json (a clean clone has no cache).
    sequence: { sequencer: LongestFirstSequencer },
  },
});
