import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { providerPlan, staffContext, tenant } from "@/test/tenants";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
const database = setupTestDatabase();
let emu: TestEmulator;
const children: ChildProcess[] = [];
const { db } = await import("@/lib/db/client");
const { stopBoss } = await import("./boss");

beforeAll(async () => {
  // A slower clock than other tests: the resource group delete takes ~9 s, long enough to kill a worker mid-way.
  emu = await startTestEmulator({ timeScale: 0.3 });
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await emu?.close();
});

function startWorkerProcess() {
  // tsx's loader in this very process: through the tsx command, SIGKILL would kill only its wrapper and leave the
  // worker it started running, and the "resumed" operation would be finished by the worker the test meant to kill.
  const child = spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, DATABASE_URL: database.url(), JOBS_POLL_MIN_MS: "300" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes('"worker":"ready"') && resolve(child));
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

it("resumes a long-running operation after its worker is killed with SIGKILL, and completes it exactly once", async () => {
  // Set up with an in-process worker, then hand over to real worker processes.
  const inProcess = await startTestWorker();
  const plan = await providerPlan(emu);
  const t = await tenant();
  const { user } = await staffContext();
  const { subscribeTenantToPlan, cancelTenantSubscription } = await import("@/lib/tenancy/subscriptions");
  const sub = await subscribeTenantToPlan(user, { tenantId: t.id, planId: plan.id, selfService: false });
  expect((await waitForOperation(sub.operationId)).state).toBe("succeeded");
  await inProcess.stop();
  await stopBoss();

  const first = await startWorkerProcess();
  const { getBoss } = await import("./boss");
  await getBoss(); // the web role, to enqueue
  const cancel = await cancelTenantSubscription(user, sub.id, { tenantId: t.id });

  // Wait until the delete has been sent to Azure and its continuation saved, then kill the worker outright.
  for (let i = 0; i < 300; i++) {
    const step = await db.operationStep.findFirst({ where: { operationId: cancel.id, position: 0 } });
    if (step?.continuation) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = once(first, "exit");
  first.kill("SIGKILL");
  expect((await exited)[1]).toBe("SIGKILL");
  const midway = await db.operation.findUniqueOrThrow({ where: { id: cancel.id }, include: { steps: true } });
  expect(midway.state).toBe("running");

  await startWorkerProcess();
  const op = await waitForOperation(cancel.id, 120_000);
  expect(op.state).toBe("succeeded");
  expect(op.steps[0]).toMatchObject({ name: "Delete resource group", state: "succeeded", attempt: 1 });

  const rg = (await db.tenantSubscription.findUniqueOrThrow({ where: { id: sub.id } })).resourceGroup;
  const deletes = (await emu.control.requests({ limit: 5000 })).value.filter(
    (r) => r.method === "DELETE" && r.path.toLowerCase().endsWith(rg.toLowerCase()),
  );
  expect(deletes).toHaveLength(1);
  const inventory = await emu.control.inventory();
  expect(
    inventory.subscriptions[SEED.subscriptions.provider].some((r) =>
      r.id.toLowerCase().endsWith(`/${rg.toLowerCase()}`),
    ),
  ).toBe(false);
  await stopBoss();
  // Two worker processes start cold (node compiling the TypeScript of the whole worker): on a loaded 2-core CI each
  // start took up to a minute, so the test gets more than the suite's 120 s.
}, 300_000);
