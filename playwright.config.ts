import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { e2eStack } from "./e2e/support/stack";

// Playwright's own browser where it is installed (a developer machine with internet), Debian's chromium otherwise.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Playwright empties its output folder on start: keep it apart from the other runners' reports (and, when
  // scripts/test.ts runs stacks side by side, from each other's: E2E_OUTPUT_DIR, E2E_REPORT).
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  // CI runs on a shared 2-core machine: one retry absorbs a slow moment, a real failure still fails.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/e2e.json" }]],
  use: {
    baseURL: e2eStack.baseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: executablePath
        ? [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ]
        : [],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${e2eStack.baseUrl}/api/health`,
    // A first start builds the app: on a busy 2-core machine that alone can take minutes.
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: e2eStack.env,
  },
});
