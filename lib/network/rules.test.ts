import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "@/lib/tenancy/jobs";
import "@/lib/vms/jobs";
import "./jobs";
import { lbTenant, multiVipLb, secondVip } from "@/test/network";

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let t: Awaited<ReturnType<typeof lbTenant>>;
let lbId: string;

const { db } = await import("@/lib/db/client");
const { Conflict, InvalidInput } = await import("@/lib/errors");
const { addFrontend, addRule, createLoadBalancer, removeRule, updateRule } = await import("./service");
const { addRuleSchema, updateRuleSchema } = await import("./schema");
const { getLoadBalancerDetail } = await import("./queries");

const LB_PATH = /\/loadBalancers\/MultiVIPLB$/i;

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  t = await lbTenant(emu);
  const created = await createLoadBalancer(t.ctx, multiVipLb(t.tenantSubscriptionId, t.vmIds), {
    resourceGroup: "MultiVIPLBRG",
  });
  lbId = created.id;
  expect((await waitForOperation(created.operationId)).state).toBe("succeeded");
  // The guide's second VIP: PublicVIP2 on MultiVIPLB-FE2 with Probe2 and Rule2 (TCP 80 → 81).
  const fe2 = await addFrontend(t.ctx, secondVip(lbId));
  expect((await waitForOperation(fe2.operationId)).state).toBe("succeeded");
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

/** HTTPS next to HTTP on PublicVIP2: TCP 443 → 443 with a TCP probe on 443; `over` varies it. */
function httpsRule(over: Record<string, unknown> = {}) {
  return addRuleSchema.parse({
    loadBalancerId: lbId,
    frontendName: "MultiVIPLB-FE2",
    probeChoice: "new",
    probeName: "Probe3",
    probeProtocol: "Tcp",
    probePort: "443",
    ruleName: "Rule3",
    ruleProtocol: "Tcp",
    frontendPort: "443",
    backendPort: "443",
    backendPool: "MultiVIPLB-BE",
    idleTimeout: "4",
    ...over,
  });
}

async function azureLb() {
  const res = await emu.arm(
    SEED.apps.provider,
    "GET",
    `/subscriptions/${SEED.subscriptions.provider}/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/loadBalancers/MultiVIPLB?api-version=2024-05-01`,
  );
  return res.body as { properties: Record<string, { name: string; properties: Record<string, unknown> }[]> };
}
const names = (items: { name: string }[] = []) => items.map((i) => i.name).sort();
const ruleOn = (rule: { properties: Record<string, unknown> }) =>
  String((rule.properties.frontendIPConfiguration as { id: string }).id)
    .split("/")
    .at(-1);

async function fieldErrors(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return (error as InstanceType<typeof InvalidInput>).fieldErrors;
}

describe("rules on an existing frontend (issue 12)", () => {
  it("refuses a rule that clashes with the frontend's rules, before any ARM call and with nothing written", async () => {
    const since = new Date().toISOString();
    const before = await db.operation.count();
    // Rule2 already takes TCP 80 on MultiVIPLB-FE2; Rule1's name, a probe that does not exist, and a frontend that does not exist.
    const port = await fieldErrors(addRule(t.ctx, httpsRule({ frontendPort: "80" })));
    expect(port.frontendPort?.[0]).toMatch(/Rule2 already uses Tcp port 80 on MultiVIPLB-FE2/);
    const dupes = await fieldErrors(
      addRule(t.ctx, httpsRule({ ruleName: "Rule1", probeChoice: "Probe404", backendPort: "81" })),
    );
    expect(Object.keys(dupes).sort()).toEqual(["backendPort", "probeChoice", "ruleName"]);
    expect(dupes.backendPort?.[0]).toMatch(/Rule2 already sends Tcp to port 81 on pool MultiVIPLB-BE/);
    const probe = await fieldErrors(addRule(t.ctx, httpsRule({ probeName: "Probe1" })));
    expect(probe.probeName?.[0]).toMatch(/Probe1 already exists/);
    const frontend = await fieldErrors(addRule(t.ctx, httpsRule({ frontendName: "FE404" })));
    expect(frontend.frontendName?.[0]).toMatch(/FE404 does not exist/);
    const log = (await emu.control.requests({ since, limit: 5000 })).value.filter((r) =>
      r.path.includes("Microsoft.Network"),
    );
    expect(log).toEqual([]);
    expect(await db.operation.count()).toBe(before);
  });

  it("adds HTTPS (TCP 443) on PublicVIP2's frontend next to its HTTP rule, in one If-Match save", async () => {
    const since = new Date().toISOString();
    const { operationId } = await addRule(t.ctx, httpsRule());
    const op = await waitForOperation(operationId);
    expect(op.errorMessage).toBeNull();
    expect(op.state).toBe("succeeded");
    expect(op.kind).toBe("lb.addRule");
    expect(op.steps.map((s) => s.name)).toEqual([
      "Read load balancer and its ETag",
      "Apply Probe3, Rule3 on MultiVIPLB-FE2",
      "Save with If-Match",
      "Wait for Azure to apply it",
      "Refresh the portal's copy",
    ]);
    const puts = (await emu.control.requests({ since, limit: 5000 })).value.filter(
      (r) => r.method === "PUT" && LB_PATH.test(r.path),
    );
    expect(puts).toHaveLength(1);
    const azure = await azureLb();
    const onFe2 = azure.properties.loadBalancingRules.filter((r) => ruleOn(r) === "MultiVIPLB-FE2");
    expect(onFe2.map((r) => [r.name, r.properties.frontendPort]).sort()).toEqual([
      ["Rule2", 80],
      ["Rule3", 443],
    ]);
    expect(names(azure.properties.probes)).toEqual(["Probe1", "Probe2", "Probe3"]);
    const lb = await getLoadBalancerDetail(t.ctx, lbId);
    expect(lb.provisioningState).toBe("Succeeded");
    expect(lb.rules.find((r) => r.name === "Rule3")).toMatchObject({
      frontendName: "MultiVIPLB-FE2",
      frontendPort: 443,
      backendPort: 443,
      probeName: "Probe3",
      backendPoolName: "MultiVIPLB-BE",
    });
  });

  it("checks a rule against rules still being added, so two requests cannot take one port", async () => {
    const first = await addRule(
      t.ctx,
      httpsRule({ ruleName: "Rule4", probeChoice: "Probe3", frontendPort: "8443", backendPort: "8443" }),
    );
    const second = await fieldErrors(
      addRule(
        t.ctx,
        httpsRule({ ruleName: "Rule5", probeChoice: "Probe3", frontendPort: "8443", backendPort: "8444" }),
      ),
    );
    expect(second.frontendPort?.[0]).toMatch(/Rule4 already uses Tcp port 8443/);
    expect((await waitForOperation(first.operationId)).state).toBe("succeeded");
  });

  it("moves a rule to another frontend from Edit rule", async () => {
    const { operationId } = await updateRule(
      t.ctx,
      updateRuleSchema.parse({
        loadBalancerId: lbId,
        ruleName: "Rule4",
        frontendName: "MultiVIPLB-FE1",
        ruleProtocol: "Tcp",
        frontendPort: "8443",
        backendPort: "8443",
        backendPool: "MultiVIPLB-BE",
        probeChoice: "Probe3",
        idleTimeout: "4",
      }),
    );
    expect((await waitForOperation(operationId)).state).toBe("succeeded");
    const rule4 = (await azureLb()).properties.loadBalancingRules.find((r) => r.name === "Rule4")!;
    expect(ruleOn(rule4)).toBe("MultiVIPLB-FE1");
  });

  it("removes rules with their unused probes; a frontend's last rule can go and the frontend stays", async () => {
    const rule3 = await removeRule(t.ctx, { loadBalancerId: lbId, ruleName: "Rule3" });
    expect((await waitForOperation(rule3.operationId)).state).toBe("succeeded");
    let azure = await azureLb();
    expect(names(azure.properties.loadBalancingRules)).toEqual(["Rule1", "Rule2", "Rule4"]);
    expect(names(azure.properties.probes)).toEqual(["Probe1", "Probe2", "Probe3"]); // Rule4 still uses Probe3

    const rule2 = await removeRule(t.ctx, { loadBalancerId: lbId, ruleName: "Rule2" });
    const op = await waitForOperation(rule2.operationId);
    expect(op.state).toBe("succeeded");
    expect(op.kind).toBe("lb.removeRule");
    azure = await azureLb();
    expect(names(azure.properties.loadBalancingRules)).toEqual(["Rule1", "Rule4"]);
    expect(names(azure.properties.probes)).toEqual(["Probe1", "Probe3"]);
    expect(names(azure.properties.frontendIPConfigurations)).toEqual(["MultiVIPLB-FE1", "MultiVIPLB-FE2"]);
    const lb = await getLoadBalancerDetail(t.ctx, lbId);
    expect(lb.frontends.map((f) => f.name)).toContain("MultiVIPLB-FE2");
    expect(lb.rules.map((r) => r.name).sort()).toEqual(["Rule1", "Rule4"]);
  });
});

describe("changes checked against changes still in flight (issue 12 review)", () => {
  const move = (over: Record<string, unknown>) =>
    updateRuleSchema.parse({
      loadBalancerId: lbId,
      ruleName: "Rule4",
      frontendName: "MultiVIPLB-FE2",
      ruleProtocol: "Tcp",
      frontendPort: "9443",
      backendPort: "8443",
      backendPool: "MultiVIPLB-BE",
      probeChoice: "Probe3",
      idleTimeout: "4",
      ...over,
    });

  it("refuses an Edit rule move onto a port a queued Add rule takes, and an Add rule onto a port a queued move takes", async () => {
    const add = await addRule(
      t.ctx,
      httpsRule({ ruleName: "Rule6", probeChoice: "Probe3", frontendPort: "9443", backendPort: "9443" }),
    );
    const moved = await fieldErrors(updateRule(t.ctx, move({ frontendPort: "9443" })));
    expect(moved.frontendPort?.[0]).toMatch(/Rule6 already uses Tcp port 9443 on MultiVIPLB-FE2/);
    expect((await waitForOperation(add.operationId)).state).toBe("succeeded");

    const update = await updateRule(t.ctx, move({ frontendPort: "9444" }));
    const added = await fieldErrors(
      addRule(
        t.ctx,
        httpsRule({ ruleName: "Rule7", probeChoice: "Probe3", frontendPort: "9444", backendPort: "9445" }),
      ),
    );
    expect(added.frontendPort?.[0]).toMatch(/Rule4 already uses Tcp port 9444 on MultiVIPLB-FE2/);
    expect((await waitForOperation(update.operationId)).state).toBe("succeeded");
    const onFe2 = (await azureLb()).properties.loadBalancingRules.filter((r) => ruleOn(r) === "MultiVIPLB-FE2");
    expect(onFe2.map((r) => [r.name, r.properties.frontendPort]).sort()).toEqual([
      ["Rule4", 9444],
      ["Rule6", 9443],
    ]);
  });

  it("keeps a probe a queued rule needs: removing the rule that alone uses it is refused, and a rule cannot take a probe a queued removal deletes", async () => {
    const probe8 = { frontendName: "MultiVIPLB-FE1", probeName: "Probe8", probePort: "7000" };
    const rule8 = await addRule(
      t.ctx,
      httpsRule({ ...probe8, ruleName: "Rule8", frontendPort: "7000", backendPort: "7000" }),
    );
    expect((await waitForOperation(rule8.operationId)).state).toBe("succeeded");
    const rule9 = await addRule(
      t.ctx,
      httpsRule({
        frontendName: "MultiVIPLB-FE1",
        probeChoice: "Probe8",
        ruleName: "Rule9",
        frontendPort: "7001",
        backendPort: "7001",
      }),
    );
    const refused = await removeRule(t.ctx, { loadBalancerId: lbId, ruleName: "Rule8" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Error).message).toMatch(/would delete Probe8/);
    expect((await waitForOperation(rule9.operationId)).state).toBe("succeeded");

    const rule10 = await addRule(
      t.ctx,
      httpsRule({
        frontendName: "MultiVIPLB-FE1",
        probeName: "Probe10",
        probePort: "7002",
        ruleName: "Rule10",
        frontendPort: "7002",
        backendPort: "7002",
      }),
    );
    expect((await waitForOperation(rule10.operationId)).state).toBe("succeeded");
    const removal = await removeRule(t.ctx, { loadBalancerId: lbId, ruleName: "Rule10" });
    const taken = await fieldErrors(
      addRule(
        t.ctx,
        httpsRule({
          frontendName: "MultiVIPLB-FE1",
          probeChoice: "Probe10",
          ruleName: "Rule11",
          frontendPort: "7003",
          backendPort: "7003",
        }),
      ),
    );
    expect(taken.probeChoice?.[0]).toMatch(/Probe10 is being removed/);
    expect((await waitForOperation(removal.operationId)).state).toBe("succeeded");
    const azure = await azureLb();
    expect(names(azure.properties.probes)).toEqual(["Probe1", "Probe3", "Probe8"]);
    expect(names(azure.properties.loadBalancingRules)).toEqual(["Rule1", "Rule4", "Rule6", "Rule8", "Rule9"]);
  });
});
