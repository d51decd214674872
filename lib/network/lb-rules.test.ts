import { describe, expect, it } from "vitest";
import type { LoadBalancerRule } from "@/lib/azure";
import {
  additionPresent,
  frontendAdditionErrors,
  probeErrors,
  publicIpErrors,
  ruleAdditionErrors,
  ruleErrors,
  withAddition,
  withoutFrontend,
  withoutRule,
  type FrontendAddition,
  type LbModel,
} from "./lb-rules";
import { addFrontendSchema } from "./schema";

const rule1: LoadBalancerRule = {
  name: "Rule1",
  protocol: "Tcp",
  frontendName: "MultiVIPLB-FE1",
  frontendPort: 80,
  backendPort: 80,
  backendPoolName: "MultiVIPLB-BE",
  probeName: "Probe1",
  floatingIp: false,
  idleTimeoutMinutes: 4,
  tcpReset: false,
};
const model: LbModel & { region: string } = {
  sku: "Standard",
  region: "eastus",
  frontends: [
    {
      name: "MultiVIPLB-FE1",
      publicIpId:
        "/subscriptions/s/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/publicIPAddresses/PublicVIP1",
    },
  ],
  backendPools: [{ name: "MultiVIPLB-BE" }],
  probes: [{ name: "Probe1", protocol: "Http", port: 80, requestPath: "/", intervalSeconds: 5, probeCount: 2 }],
  rules: [rule1],
};
/** The guide's second VIP. */
const guide: FrontendAddition = {
  frontendName: "MultiVIPLB-FE2",
  publicIp: { mode: "new", name: "PublicVIP2", allocation: "Static", sku: "Standard" },
  probe: { name: "Probe2", protocol: "Http", port: 81, requestPath: "/", intervalSeconds: 5, probeCount: 2 },
  rule: {
    name: "Rule2",
    protocol: "Tcp",
    frontendName: "MultiVIPLB-FE2",
    frontendPort: 80,
    backendPort: 81,
    backendPoolName: "MultiVIPLB-BE",
    probeName: "Probe2",
    floatingIp: false,
    idleTimeoutMinutes: 4,
    tcpReset: false,
  },
};
const vary = (
  over: Partial<Omit<FrontendAddition, "rule">> & { rule?: Partial<LoadBalancerRule> },
): FrontendAddition => ({ ...guide, ...over, rule: { ...guide.rule, ...over.rule } });

describe("frontendAdditionErrors", () => {
  it("accepts the guide's second VIP as written", () => {
    expect(frontendAdditionErrors(model, guide)).toEqual({});
  });

  it("names duplicate frontend, probe and rule names (case-insensitive, as Azure compares them)", () => {
    const errors = frontendAdditionErrors(
      model,
      vary({
        frontendName: "multivipLB-fe1",
        probe: { ...guide.probe!, name: "PROBE1" },
        rule: { name: "rule1", frontendName: "multivipLB-fe1" },
      }),
    );
    expect(errors.frontendName?.[0]).toMatch(/already exists/);
    expect(errors.probeName?.[0]).toMatch(/already exists/);
    expect(errors.ruleName?.[0]).toMatch(/already exists/);
  });

  it("refuses a backend port reused on the same pool and protocol without floating IP (RulesUseSameBackendPortProtocolAndPool)", () => {
    expect(frontendAdditionErrors(model, vary({ rule: { backendPort: 80 } })).backendPort?.[0]).toMatch(
      /Rule1 already sends Tcp to port 80 on pool MultiVIPLB-BE/,
    );
    expect(frontendAdditionErrors(model, vary({ rule: { backendPort: 80, floatingIp: true } }))).toEqual({});
    expect(frontendAdditionErrors(model, vary({ rule: { backendPort: 80, protocol: "Udp" } }))).toEqual({});
  });

  it("refuses a missing pool or probe", () => {
    const errors = frontendAdditionErrors(
      model,
      vary({ probe: null, rule: { probeName: "Probe9", backendPoolName: "Nope" } }),
    );
    expect(errors.backendPool?.[0]).toMatch(/Nope does not exist/);
    expect(errors.probeChoice?.[0]).toMatch(/Probe9 does not exist/);
    expect(frontendAdditionErrors(model, vary({ probe: null, rule: { probeName: "Probe1" } }))).toEqual({});
  });

  it("refuses an SKU mismatch, a Dynamic Standard IP, retired Basic IPs and an attached or distant existing IP", () => {
    expect(
      frontendAdditionErrors(
        model,
        vary({ publicIp: { mode: "new", name: "PublicVIP2", allocation: "Dynamic", sku: "Standard" } }),
      ).publicIpAllocation,
    ).toBeDefined();
    const basic = frontendAdditionErrors(
      model,
      vary({ publicIp: { mode: "new", name: "PublicVIP2", allocation: "Static", sku: "Basic" } }),
    );
    expect(basic.publicIpSku?.join(" ")).toMatch(
      /Standard load balancer takes Standard public IP addresses only.*retired/,
    );
    const existing = frontendAdditionErrors(
      model,
      vary({ publicIp: { mode: "existing", id: "x", name: "Old", sku: "Basic", region: "westus", attachedTo: "FE7" } }),
    );
    expect(existing.existingPublicIpId).toHaveLength(3);
    expect(
      publicIpErrors(
        { sku: "Basic", region: "eastus" },
        { mode: "existing", id: "x", name: "Old", sku: "Basic", region: "eastus" },
      ),
    ).toEqual({});
  });
});

describe("ruleErrors", () => {
  it("allows one rule per frontend + protocol + frontend port (All overlaps every protocol)", () => {
    const second = { ...rule1, name: "Rule9", backendPort: 8080 };
    expect(ruleErrors(model, second).frontendPort?.[0]).toMatch(/Rule1 already uses Tcp port 80 on MultiVIPLB-FE1/);
    expect(ruleErrors(model, { ...second, protocol: "All" }).frontendPort).toBeDefined();
    expect(ruleErrors(model, { ...second, protocol: "Udp" })).toEqual({});
    expect(ruleErrors(model, { ...second, frontendPort: 443 })).toEqual({});
  });

  it("checks port ranges, idle timeout, HA ports and TCP reset on Basic", () => {
    const errors = ruleErrors(
      { ...model, sku: "Basic" },
      { ...rule1, name: "R", frontendPort: 0, backendPort: 70000, idleTimeoutMinutes: 31, tcpReset: true },
      [],
    );
    expect(Object.keys(errors).sort()).toEqual(["backendPort", "frontendPort", "idleTimeout", "tcpReset"]);
    expect(errors.frontendPort?.[0]).toMatch(/internal load balancers only/);
  });
});

describe("probeErrors", () => {
  it("needs a request path starting with / for HTTP(S) and none for TCP; at most every 5 s", () => {
    expect(
      probeErrors({ name: "P", protocol: "Http", port: 81, intervalSeconds: 5, probeCount: 2 }).probePath?.[0],
    ).toMatch(/needs a request path/);
    expect(
      probeErrors({ name: "P", protocol: "Https", port: 443, requestPath: "health", intervalSeconds: 5, probeCount: 2 })
        .probePath?.[0],
    ).toMatch(/starts with \//);
    expect(
      probeErrors({ name: "P", protocol: "Tcp", port: 81, requestPath: "/", intervalSeconds: 5, probeCount: 2 })
        .probePath?.[0],
    ).toMatch(/TCP probe has no request path/);
    expect(probeErrors({ name: "P", protocol: "Tcp", port: 0, intervalSeconds: 4, probeCount: 0 })).toMatchObject({
      probePort: expect.any(Array),
      probeInterval: expect.any(Array),
      probeCount: expect.any(Array),
    });
    expect(
      probeErrors({ name: "bad name!", protocol: "Tcp", port: 22, intervalSeconds: 15, probeCount: 2 }).probeName,
    ).toBeDefined();
  });
});

describe("probe bounds (issue 16: a 5,000-character path and a 2147483647 s interval reached Azure)", () => {
  const probe = {
    name: "Probe2",
    protocol: "Http" as const,
    port: 81,
    requestPath: "/",
    intervalSeconds: 5,
    probeCount: 2,
  };
  it("keeps the interval, count and path within the portal's bounds", () => {
    expect(probeErrors(probe)).toEqual({});
    expect(probeErrors({ ...probe, intervalSeconds: 2147483647 }).probeInterval?.[0]).toMatch(/5–3600/);
    expect(probeErrors({ ...probe, probeCount: 2147483647 }).probeCount?.[0]).toMatch(/1–100/);
    expect(probeErrors({ ...probe, requestPath: `/${"a".repeat(5000)}` }).probePath?.[0]).toMatch(/at most 1,024/);
    expect(probeErrors({ ...probe, requestPath: "/health check" }).probePath?.[0]).toMatch(/without spaces/);
    expect(probeErrors({ ...probe, requestPath: "/gesundheit-ü" }).probePath?.[0]).toMatch(/percent-encode/);
  });
});

describe("applying and removing", () => {
  it("applies an addition, recognises it once present, and removes a frontend with its rules and only-used probes", () => {
    const pip = "/subscriptions/s/resourceGroups/MultiVIPLBRG/providers/Microsoft.Network/publicIPAddresses/PublicVIP2";
    const after = withAddition(model, guide, pip);
    expect(additionPresent(model, guide, pip)).toBe(false);
    expect(additionPresent(after, guide, pip)).toBe(true);
    const shared = {
      ...after,
      rules: [
        ...after.rules,
        {
          ...rule1,
          name: "Rule3",
          frontendName: "MultiVIPLB-FE2",
          frontendPort: 443,
          backendPort: 443,
          probeName: "Probe1",
        },
      ],
    };
    const { model: removed, removedRules, removedProbes } = withoutFrontend(shared, "multivipLB-FE2");
    expect(removedRules).toEqual(["Rule2", "Rule3"]);
    expect(removedProbes).toEqual(["Probe2"]); // Probe1 is still used by Rule1
    expect(removed.frontends.map((f) => f.name)).toEqual(["MultiVIPLB-FE1"]);
  });
});

describe("addFrontendSchema", () => {
  it("parses the guide's form with its defaults and drops a TCP probe's path", () => {
    const base = {
      loadBalancerId: "lb",
      frontendName: "MultiVIPLB-FE2",
      publicIpName: "PublicVIP2",
      probeName: "Probe2",
      ruleName: "Rule2",
      frontendPort: "80",
      backendPort: "81",
      backendPool: "MultiVIPLB-BE",
    };
    expect(addFrontendSchema.parse(base)).toMatchObject({
      publicIpMode: "new",
      publicIpSku: "Standard",
      probeProtocol: "Http",
      probePort: 80,
      probeInterval: 5,
      probeCount: 2,
      ruleProtocol: "Tcp",
      idleTimeout: 4,
      floatingIp: false,
    });
    expect(addFrontendSchema.parse({ ...base, probeProtocol: "Tcp", probePath: "/" }).probePath).toBeUndefined();
    expect(addFrontendSchema.safeParse({ ...base, publicIpName: "" }).error?.issues[0].path).toEqual(["publicIpName"]);
  });
});

describe("rules on an existing frontend (issue 12)", () => {
  const https: LoadBalancerRule = { ...rule1, name: "Rule2", frontendPort: 443, backendPort: 443, probeName: "Probe2" };
  const probe2 = { name: "Probe2", protocol: "Tcp" as const, port: 443, intervalSeconds: 5, probeCount: 2 };

  it("accepts HTTPS next to HTTP on one frontend, and refuses a second rule on its protocol and port", () => {
    expect(ruleAdditionErrors(model, { probe: probe2, rule: https })).toEqual({});
    expect(ruleAdditionErrors(model, { probe: null, rule: { ...https, probeName: "Probe1" } })).toEqual({});
    expect(
      ruleAdditionErrors(model, { probe: probe2, rule: { ...https, frontendPort: 80 } }).frontendPort?.[0],
    ).toMatch(/Rule1 already uses Tcp port 80 on MultiVIPLB-FE1/);
    // All overlaps Tcp and Udp on the same port.
    expect(
      ruleAdditionErrors(model, { probe: probe2, rule: { ...https, protocol: "All", frontendPort: 80 } }).frontendPort,
    ).toHaveLength(1);
  });

  it("names a missing frontend or probe and a duplicate probe beside their fields", () => {
    const errors = ruleAdditionErrors(model, {
      probe: { ...probe2, name: "probe1" },
      rule: { ...https, frontendName: "FE9" },
    });
    expect(errors.probeName?.[0]).toMatch(/probe1 already exists/);
    expect(errors.frontendName?.[0]).toMatch(/FE9 does not exist/);
    expect(
      ruleAdditionErrors(model, { probe: null, rule: { ...https, probeName: "Probe9" } }).probeChoice?.[0],
    ).toMatch(/Probe9 does not exist/);
  });

  it("removes a rule with the probe only it used; a probe another rule uses stays, and so does the frontend", () => {
    const two = { ...model, probes: [...model.probes, probe2], rules: [rule1, https] };
    expect(withoutRule(two, "rule2")).toMatchObject({
      removedProbes: ["Probe2"],
      model: { rules: [rule1], probes: model.probes, frontends: model.frontends },
    });
    const shared = { ...model, rules: [rule1, { ...https, probeName: "Probe1" }] };
    expect(withoutRule(shared, "Rule1")).toMatchObject({
      removedProbes: [],
      model: { probes: model.probes, frontends: model.frontends },
    });
  });
});
