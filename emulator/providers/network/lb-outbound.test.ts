import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadBalancer, NetworkManagementClient } from "@azure/arm-network";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID } from "../../seed.js";
import { createGroup, createStandardIp, errorCodes, LOCATION, netId, networkClient } from "./test-kit.js";
import { lbChild, MRG, putLb } from "./lb-test-kit.js";

/** A load balancer's outbound rules (SPECS NET OutboundRulePropertiesFormat; AZURE-FACTS §6 for the conflicts). */
let emu: TestEmulator;
let client: NetworkManagementClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = networkClient(emu);
  await createGroup(emu, MRG);
});
afterAll(async () => {
  await emu?.close();
});

describe("outbound rules", () => {
  it("keeps outbound rules, with their back-references, and refuses the conflicts Azure refuses", async () => {
    const OLB = "OutboundLB";
    const child = (c: string, n: string) => lbChild(c, n, OLB);
    const inIp = (await createStandardIp(client, MRG, "OutboundIn")).id!;
    const outIp = (await createStandardIp(client, MRG, "OutboundOut")).id!;
    const outbound = (name: string, fe: string, protocol: "Tcp" | "Udp" | "All", extra: object = {}) => ({
      name,
      protocol,
      frontendIPConfigurations: [child("frontendIPConfigurations", fe)],
      backendAddressPool: child("backendAddressPools", "pool"),
      ...extra,
    });
    const lb: LoadBalancer = {
      location: LOCATION,
      sku: { name: "Standard" },
      frontendIPConfigurations: [
        { name: "fe-in", publicIPAddress: { id: inIp } },
        { name: "fe-out", publicIPAddress: { id: outIp } },
      ],
      backendAddressPools: [{ name: "pool" }],
      loadBalancingRules: [
        {
          name: "web",
          protocol: "Tcp",
          frontendPort: 80,
          backendPort: 80,
          frontendIPConfiguration: child("frontendIPConfigurations", "fe-in"),
          backendAddressPool: child("backendAddressPools", "pool"),
        },
      ],
      outboundRules: [outbound("egress", "fe-out", "All", { allocatedOutboundPorts: 1024, idleTimeoutInMinutes: 30 })],
    };
    const created = await putLb(client, lb, undefined, OLB);
    expect(created.outboundRules).toMatchObject([
      {
        id: child("outboundRules", "egress").id,
        protocol: "All",
        allocatedOutboundPorts: 1024,
        idleTimeoutInMinutes: 30,
        enableTcpReset: false,
        provisioningState: "Succeeded",
        frontendIPConfigurations: [child("frontendIPConfigurations", "fe-out")],
        backendAddressPool: child("backendAddressPools", "pool"),
      },
    ]);
    const fe = created.frontendIPConfigurations?.find((f) => f.name === "fe-out");
    expect(fe?.outboundRules).toEqual([child("outboundRules", "egress")]);
    expect(created.backendAddressPools?.[0].outboundRules).toEqual([child("outboundRules", "egress")]);
    expect((await client.loadBalancerOutboundRules.get(MRG, OLB, "egress")).idleTimeoutInMinutes).toBe(30);
    // Read at the newest vendored version too (its replies are checked against the 2026-03-01 spec).
    for (const path of ["", "/outboundRules", "/outboundRules/egress"]) {
      const res = await emu.arm(
        PROVIDER_APP_ID,
        "GET",
        `${netId(MRG, "loadBalancers", OLB)}${path}?api-version=2026-03-01`,
      );
      expect(res.status).toBe(200);
    }

    const refusedOn = (change: Partial<LoadBalancer>) =>
      errorCodes(putLb(client, { ...created, ...change }, created.etag, OLB));
    // A second rule on the same frontend whose protocol overlaps (All covers Udp).
    expect(
      await refusedOn({ outboundRules: [...created.outboundRules!, outbound("udp", "fe-out", "Udp")] }),
    ).toMatchObject({
      status: 400,
      code: "MoreThanOneOutboundRuleUsingSameFrontendIPConfigurationAndProtocolIsNotSupported",
    });
    // An outbound rule on the frontend a load-balancing rule uses without disableOutboundSnat.
    expect(await refusedOn({ outboundRules: [outbound("egress", "fe-in", "Tcp")] })).toMatchObject({
      status: 400,
      code: "LoadBalancingRuleMustDisableSNATSinceSameFrontendIPConfigurationIsReferencedByOutboundRule",
    });
    expect(
      await refusedOn({ outboundRules: [outbound("egress", "fe-out", "Tcp", { idleTimeoutInMinutes: 121 })] }),
    ).toMatchObject({ status: 400, code: "InvalidLoadBalancerProperty" });
    expect(
      await refusedOn({
        outboundRules: [
          { ...outbound("egress", "fe-out", "Tcp"), backendAddressPool: child("backendAddressPools", "gone") },
        ],
      }),
    ).toMatchObject({ status: 400, code: "InvalidResourceReference" });
    // With SNAT disabled on the rule, both may share the frontend.
    const shared = await putLb(
      client,
      {
        ...created,
        loadBalancingRules: [{ ...created.loadBalancingRules![0], disableOutboundSnat: true }],
        outboundRules: [outbound("egress", "fe-in", "Tcp")],
      },
      created.etag,
      OLB,
    );
    expect(shared.outboundRules?.[0].frontendIPConfigurations).toEqual([child("frontendIPConfigurations", "fe-in")]);
    // Not sent: 1024 ports and 4 minutes, as Azure's LoadBalancerCreateWithOutboundRules example answers.
    expect(shared.outboundRules?.[0]).toMatchObject({ allocatedOutboundPorts: 1024, idleTimeoutInMinutes: 4 });
    expect(shared.frontendIPConfigurations?.find((f) => f.name === "fe-out")?.outboundRules).toBeUndefined();
    // Every reply matched the vendored spec of its api-version.
    expect(emu.emulator.responseMismatches()).toEqual([]);
  });
});
