import { describe, expect, it } from "vitest";
import { subscriptionStatus } from "./subscription-status";

const provision = (state: string) => ({ id: "op1", kind: "tenantSubscription.provision", state });

describe("a tenant subscription's status on the Plans page", () => {
  it("follows its provisioning: Provisioning, Ready, Provisioning failed", () => {
    expect(subscriptionStatus({ state: "active", lastOperation: provision("running") })).toEqual({
      state: "running",
      label: "Provisioning",
    });
    expect(subscriptionStatus({ state: "active", lastOperation: provision("succeeded") })).toEqual({
      state: "active",
      label: "Ready",
    });
    expect(subscriptionStatus({ state: "active", lastOperation: provision("failed") })).toEqual({
      state: "failed",
      label: "Provisioning failed",
    });
  });

  it("a cancelled provisioning reads Provisioning cancelled, not Ready", () => {
    expect(subscriptionStatus({ state: "active", lastOperation: provision("cancelled") })).toEqual({
      state: "cancelled",
      label: "Provisioning cancelled",
    });
  });

  it("cancelling wins over any operation", () => {
    expect(subscriptionStatus({ state: "cancelling", lastOperation: provision("succeeded") })).toEqual({
      state: "deleting",
      label: "Cancelling",
    });
  });
});
