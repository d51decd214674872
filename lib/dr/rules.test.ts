import { describe, expect, it } from "vitest";
import {
  busyWith,
  addressSpaceProblem,
  failoverState,
  parseCidr,
  policyProblem,
  storageNameProblem,
  subnetProblem,
} from "./rules";

describe("DR rules", () => {
  it("parses CIDRs and refuses host bits and nonsense", () => {
    expect(parseCidr("10.20.0.0/16")).toMatchObject({ prefix: 16 });
    expect(parseCidr("10.20.1.0/16")).toBeNull();
    expect(parseCidr("300.1.1.0/24")).toBeNull();
    expect(parseCidr("10.0.0.0")).toBeNull();
  });

  it("refuses an address space that overlaps the tenant's networks, naming the one it hits", () => {
    const others = [{ name: "vnet-eastus", addressSpace: "10.1.0.0/16" }];
    expect(addressSpaceProblem("10.1.128.0/17", others)).toMatch(/overlaps vnet-eastus/);
    expect(addressSpaceProblem("10.0.0.0/8", others)).toMatch(/overlaps/);
    expect(addressSpaceProblem("10.20.0.0/16", others)).toBeNull();
    expect(addressSpaceProblem("10.20.0.0/30", [])).toMatch(/prefix/);
  });

  it("keeps the subnet inside the address space", () => {
    expect(subnetProblem("10.20.0.0/16", "10.20.1.0/24")).toBeNull();
    expect(subnetProblem("10.20.0.0/16", "10.21.1.0/24")).toMatch(/inside/);
  });

  it("follows Azure's storage name rule", () => {
    expect(storageNameProblem("drstorageacct1")).toBeNull();
    expect(storageNameProblem("DRStorage")).toMatch(/lowercase/);
    expect(storageNameProblem("ab")).toMatch(/3–24/);
  });

  it("accepts the guide's policy (900 s, 1 point, 1 h) and refuses other frequencies and app-consistent > retention", () => {
    expect(policyProblem({ copyFrequencySeconds: 900, recoveryPointHours: 1, appConsistentHours: 1 })).toEqual({});
    expect(policyProblem({ copyFrequencySeconds: 60, recoveryPointHours: 1, appConsistentHours: 1 })).toHaveProperty(
      "copyFrequencySeconds",
    );
    expect(policyProblem({ copyFrequencySeconds: 300, recoveryPointHours: 25, appConsistentHours: 1 })).toHaveProperty(
      "recoveryPointHours",
    );
    expect(policyProblem({ copyFrequencySeconds: 300, recoveryPointHours: 2, appConsistentHours: 4 })).toHaveProperty(
      "appConsistentHours",
    );
  });

  it("names failover states as a tenant would read them", () => {
    expect(failoverState({ protectionState: "Protected", testFailoverState: "WaitingForCompletion" })).toMatch(
      /cleanup pending/,
    );
    expect(failoverState({ protectionState: "FailbackCommitted" })).toMatch(/reprotect/);
    // Azure's name after an unplanned failover (Site Recovery example ReplicationProtectedItems_ApplyRecoveryPoint.json).
    expect(
      failoverState({ protectionState: "UnplannedFailoverCommitPendingStatesBegin", activeLocation: "Recovery" }),
    ).toBe("Failed over — commit pending");
    expect(failoverState({ protectionState: "Protected", testFailoverState: "None", activeLocation: "Primary" })).toBe(
      "On-premises",
    );
  });
});

describe("busyWith (one action at a time on a protected VM)", () => {
  const follow = "dr.followReplication";
  it("names the queued or running action in the way, ignoring the follow of a moving VM and finished ones", () => {
    const running = { kind: "dr.testFailover", state: "running" };
    expect(busyWith({ state: "protected" }, [{ kind: follow, state: "running" }, running], follow)).toBe(running);
    expect(busyWith({ state: "protected" }, [{ kind: "dr.commit", state: "queued" }], follow)).toMatchObject({
      kind: "dr.commit",
    });
    expect(busyWith({ state: "protected" }, [{ kind: follow, state: "running" }], follow)).toBeNull();
    expect(busyWith({ state: "protected" }, [{ kind: "dr.commit", state: "succeeded" }], follow)).toBeNull();
  });
  it("holds everything back while protection is being enabled or disabled", () => {
    expect(busyWith({ state: "enabling" }, [], follow)).toBe("enabling");
    expect(busyWith({ state: "disabling" }, [], follow)).toBe("disabling");
  });
});
