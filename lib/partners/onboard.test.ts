import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { PARTNER } from "@/emulator/providers/partner-center/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import { buildWorker, workerArgs, workerEnv } from "@/scripts/lib/worker-bundle";
import "@/lib/subscriptions/jobs";
import "./sync-job";
import "./onboard-job";
import { connectPartner, startPartnerOnboarding } from "./service";
import { listPartnerCustomers } from "./queries";
import { InvalidInput } from "@/lib/errors";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
// The service principal's bound: 100 s on Azure's clock, 1 s at the test clock's 0.01.
process.env.PARTNER_CONSENT_WAIT_SECONDS = "100";
// A killed worker's job is handed on once its heartbeat (10 s) lapses: supervise every second to notice it soon.
process.env.JOBS_SUPERVISE_SECONDS = "1";
const database = setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
const { db } = await import("@/lib/db/client");
const { stopBoss } = await import("@/lib/jobs/boss");
const children: ChildProcess[] = [];

type PcState = {
  partners: Record<string, { customers: Record<string, { consents: Record<string, unknown> }> }>;
};

const NO_GDAP = { tenantId: "e1000000-0000-4000-8000-000000000001", sub: "e1000000-0000-4000-8000-0000000000a1" };
const NOT_MEMBER = { tenantId: "e3000000-0000-4000-8000-000000000003", sub: "e3000000-0000-4000-8000-0000000000a3" };
const PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
const STUCK = { tenantId: "e2000000-0000-4000-8000-000000000002", sub: "e2000000-0000-4000-8000-0000000000a2" };
const staff = {
  user: { id: "", email: "admin@csp.test", name: "Admin", staffRole: "admin" },
  staffRole: "admin",
} as const;

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const add = (c: object) =>
    emu.control.call("POST", "partner-center/customers", { partnerTenantId: PARTNER.tenantId, ...c });
  await add({
    tenantId: NO_GDAP.tenantId,
    companyName: "Adatum (no GDAP)",
    gdap: false,
    azureSubscriptions: [{ subscriptionId: NO_GDAP.sub }],
  });
  // GDAP granting Privileged Role Administrator, but to a security group the portal's app is not in.
  await add({
    tenantId: NOT_MEMBER.tenantId,
    companyName: "Contoso (app not in the GDAP group)",
    gdap: false,
    azureSubscriptions: [{ subscriptionId: NOT_MEMBER.sub }],
  });
  await emu.control.call("POST", "graph/delegated-admin-relationships", {
    partnerTenantId: PARTNER.tenantId,
    customerTenantId: NOT_MEMBER.tenantId,
    roles: [PRIVILEGED_ROLE_ADMINISTRATOR],
    groupName: "Helpdesk agents",
  });
  await add({
    tenantId: STUCK.tenantId,
    companyName: "Blue Yonder (consent never lands)",
    consentYieldsPrincipal: false,
    azureSubscriptions: [{ subscriptionId: STUCK.sub }],
  });
  const user = await db.user.create({
    data: { email: staff.user.email, name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  (staff.user as { id: string }).id = user.id;
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await worker?.stop();
  await emu?.close();
});

const connect = (secret = emu.principal(PARTNER.appId).secret) =>
  connectPartner(null, {
    displayName: "Fabrikam CSP",
    cloud: "Custom",
    partnerTenantId: PARTNER.tenantId,
    clientId: PARTNER.appId,
    clientSecret: secret,
    partnerCenterEndpoint: emu.emulator.url,
    armEndpoint: emu.emulator.url,
    authorityHost: emu.emulator.url,
    caCertificate: emu.emulator.caPem,
  });

/** The demo partner's connection (connecting it again replaces it: one per partner tenant). */
const connectionId = async () =>
  (await db.partnerConnection.findFirstOrThrow({ where: { partnerTenantId: PARTNER.tenantId }, select: { id: true } }))
    .id;

const onboard = async (customerTenantId: string, subscriptionId: string) =>
  startPartnerOnboarding(staff, await connectionId(), {
    subscriptions: [{ customerTenantId, subscriptionId }],
    role: "Contributor",
  });

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The real worker (worker/main.ts) as a process of its own, so that it can be killed outright, run as the product runs
 * it: bundled (about 0.1 s) and started by plain node with its heap bounds (scripts/lib/worker-bundle.ts). Through tsx's
 * loader it spent 1-2 s more CPU compiling every module before it was ready.
 */
async function startWorkerProcess() {
  await buildWorker(root);
  const child = spawn(process.execPath, workerArgs(root), {
    cwd: root,
    env: workerEnv({ ...process.env, DATABASE_URL: database.url() }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes('"worker":"ready"') && resolve(child));
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

const pcState = () => emu.control.call<PcState>("GET", "partner-center/state");
const assignmentsOn = async (sub: string) =>
  ((await emu.control.snapshot()).roleAssignments as { scope: string }[]).filter(
    (a) => a.scope === `/subscriptions/${sub}`,
  );

describe("CSP partner onboarding", () => {
  it("refuses a wrong partner secret at the token step with Entra's code, and lists customers with the right one", async () => {
    const wrong = await connect("not-the-secret");
    const failed = await waitForOperation(wrong.operationId);
    expect(failed).toMatchObject({ state: "failed", errorCode: "AADSTS7000215" });
    expect(failed.steps[0]).toMatchObject({ name: "List customers in Partner Center", state: "failed" });
    expect((await db.partnerConnection.findUniqueOrThrow({ where: { id: wrong.id } })).state).toBe("error");
    expect(JSON.stringify(failed)).not.toContain("not-the-secret");

    const right = await connect();
    expect((await waitForOperation(right.operationId)).state).toBe("succeeded");
    const page = await listPartnerCustomers(staff, await connectionId(), { page: 1, pageSize: 20 });
    expect(page.items.map((c) => c.companyName)).toEqual([
      "Adatum (no GDAP)",
      "Blue Yonder (consent never lands)",
      "Contoso (app not in the GDAP group)",
      "Northwind Traders",
      "Tailspin Toys",
      "Wide World Importers",
    ]);
    expect(page.items.find((c) => c.tenantId === PARTNER.customers.wideWorld)).toMatchObject({
      hasAzurePlan: false,
      subscriptions: [],
    });
    const search = await listPartnerCustomers(staff, await connectionId(), { q: "tailspin", page: 1, pageSize: 20 });
    expect(search.items.map((c) => c.subscriptions.length)).toEqual([2]);
  });

  it("onboards a customer's subscription in one operation and refuses it a second time", async () => {
    const [{ operationId }] = await onboard(PARTNER.customers.northwind, PARTNER.subscriptions.northwind);
    const op = await waitForOperation(operationId);
    expect(op.state, op.errorMessage ?? "").toBe("succeeded");
    expect(op.steps.map((s) => s.name)).toEqual([
      "Check the GDAP relationship",
      "Create the application consent",
      "Wait for the service principal",
      "Assign the Contributor role",
      "Check the app can read the subscription",
      "Onboard the subscription",
      "Validate the subscription",
    ]);
    const sub = await db.azureSubscription.findFirstOrThrow({
      where: { subscriptionId: PARTNER.subscriptions.northwind },
    });
    expect(sub).toMatchObject({ state: "active", directoryId: PARTNER.customers.northwind, clientId: PARTNER.appId });
    const page = await listPartnerCustomers(staff, await connectionId(), { q: "northwind", page: 1, pageSize: 20 });
    expect(page.items[0].subscriptions[0].onboarded).toMatchObject({ id: sub.id, state: "active" });

    await expect(onboard(PARTNER.customers.northwind, PARTNER.subscriptions.northwind)).rejects.toThrow(InvalidInput);
    await expect(onboard(PARTNER.customers.wideWorld, PARTNER.subscriptions.northwind)).rejects.toMatchObject({
      fieldErrors: { subscriptions: [expect.stringMatching(/no Azure plan/)] },
    });
  });

  it("refuses without an active GDAP relationship before any consent or ARM call, saying what to do", async () => {
    const [{ operationId }] = await onboard(NO_GDAP.tenantId, NO_GDAP.sub);
    const op = await waitForOperation(operationId);
    expect(op).toMatchObject({ state: "failed", errorCode: "GdapRelationshipMissing", attempts: 1 });
    expect(op.errorMessage).toMatch(
      /^No active GDAP relationship granting Global Administrator or Privileged Role Administrator with Adatum \(no GDAP\)\..*Admin relationships/,
    );
    expect(op.steps[0]).toMatchObject({ name: "Check the GDAP relationship", state: "failed" });
    expect(op.steps.slice(1).every((s) => s.state === "pending")).toBe(true);
    const sent = (await emu.control.requests({ limit: 5000 })).value.filter(
      (r) => r.path.includes(NO_GDAP.sub) || r.path.includes(`/customers/${NO_GDAP.tenantId}/applicationconsents`),
    );
    expect(sent).toEqual([]);
    expect(await db.azureSubscription.count({ where: { subscriptionId: NO_GDAP.sub } })).toBe(0);
  });

  it("stops at the role assignment with Azure's AuthorizationFailed and request id when GDAP grants the role to another group", async () => {
    const [{ operationId }] = await onboard(NOT_MEMBER.tenantId, NOT_MEMBER.sub);
    const op = await waitForOperation(operationId);
    expect(op).toMatchObject({ state: "failed", errorCode: "AuthorizationFailed", attempts: 1 });
    expect(op.errorRequestId).toBeTruthy();
    expect(op.errorMessage).toContain(`request id ${op.errorRequestId}`);
    expect(op.steps[0]).toMatchObject({
      state: "succeeded",
      detail: expect.stringContaining("Privileged Role Administrator"),
    });
    expect(op.steps[3]).toMatchObject({ name: "Assign the Contributor role", state: "failed" });
    expect(await db.azureSubscription.count({ where: { subscriptionId: NOT_MEMBER.sub } })).toBe(0);
  });

  it("gives up when the consent yields no service principal within its bound, leaving nothing onboarded", async () => {
    const [{ operationId }] = await onboard(STUCK.tenantId, STUCK.sub);
    const op = await waitForOperation(operationId);
    expect(op).toMatchObject({ state: "failed", errorCode: "ServicePrincipalNotFound" });
    expect(op.steps[2]).toMatchObject({ name: "Wait for the service principal", state: "failed" });
    expect(await db.azureSubscription.count({ where: { subscriptionId: STUCK.sub } })).toBe(0);
  });

  it("resumes after a worker process is killed between the consent and the role assignment, without a second consent or role", async () => {
    // What this test checks is the resumption; the validation at the end of its onboarding reads Azure's resource SKUs,
    // which the onboarding test above pages through in the test emulator's pages of 3 (~400 requests, ~1.8 s of CPU).
    const { pageSize } = await emu.control.getConfig();
    await emu.control.setConfig({ pageSize: 100 });
    onTestFinished(async () => {
      await emu.control.setConfig({ pageSize: pageSize as number });
    });
    await worker.stop();
    const victim = await startWorkerProcess();
    // Azure holds the role assignment PUT (5 s) before it handles it: the kill lands while the request is in flight.
    const [fault] = (
      await emu.control.call<{ value: { id: string }[] }>("POST", "faults", [
        { method: "PUT", path: "/providers/Microsoft.Authorization/roleAssignments/", latencyMs: 5_000, times: 1 },
      ])
    ).value;
    const [{ operationId }] = await onboard(PARTNER.customers.tailspin, PARTNER.subscriptions.tailspinProd);
    const held = async () =>
      (await emu.control.call<{ value: { id: string; fired: number }[] }>("GET", "faults")).value.some(
        (f) => f.id === fault.id && f.fired === 1,
      );
    for (let i = 0; i < 600 && !(await held()); i++) await new Promise((r) => setTimeout(r, 50));
    victim.kill("SIGKILL");
    const midway = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } });
    expect(midway.state).toBe("running");
    expect(midway.steps.find((s) => s.position === 1)?.state).toBe("succeeded");
    expect(midway.steps.find((s) => s.position === 3)?.state).toBe("running");

    await stopBoss();
    worker = await startTestWorker();
    const op = await waitForOperation(operationId);
    expect(op.state, op.errorMessage ?? "").toBe("succeeded");
    expect(op.steps[1]).toMatchObject({ name: "Create the application consent", attempt: 1 });
    expect(op.steps[3]).toMatchObject({ name: "Assign the Contributor role", attempt: 2 });
    const consents = (await pcState()).partners[PARTNER.tenantId].customers[PARTNER.customers.tailspin].consents;
    expect(Object.keys(consents)).toHaveLength(1);
    expect(await assignmentsOn(PARTNER.subscriptions.tailspinProd)).toHaveLength(1);
    await emu.control.call("DELETE", "faults");
    // A worker process starting (about 2 s) and a lapsed heartbeat (10 s) with the retry after it: 17-20 s here at a load
    // of 2, more on a loaded machine.
  }, 180_000);
});
