import { describe, expect, it } from "vitest";
import "@/worker/handlers";
import { cancelPolicies, isCancellable } from "./cancel-policy";
import { jobKinds } from "./define-job";

describe("cancel policy (issue 12)", () => {
  it("names only kinds the worker runs, so a renamed kind cannot silently become cancellable mid-run", () => {
    expect(Object.keys(cancelPolicies).filter((kind) => !jobKinds().includes(kind))).toEqual([]);
  });

  it("offers a cancel while queued for every kind, while running only where the follow-up can settle the target", () => {
    expect(isCancellable("vm.delete", "queued")).toBe(true);
    expect(isCancellable("vm.delete", "running")).toBe(false);
    expect(isCancellable("vm.create", "running")).toBe(true);
    expect(isCancellable("subscription.registerProviders", "running")).toBe(true);
    expect(isCancellable("vm.create", "failed")).toBe(false);
  });

  it("offers no cancel while running for kinds that are one step Azure finishes anyway (issue 13)", () => {
    for (const kind of ["vm.start", "vm.stop", "vm.restart", "tenantSubscription.provision"]) {
      expect(isCancellable(kind, "queued"), kind).toBe(true);
      expect(isCancellable(kind, "running"), kind).toBe(false);
    }
  });
});
