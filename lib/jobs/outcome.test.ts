import { describe, expect, it } from "vitest";
import { ArmError } from "@/lib/azure";
import { classifyFailure } from "./outcome";

describe("classifyFailure", () => {
  it("waits exactly Azure's Retry-After for throttling, and the queue's growing backoff for a 5xx or lost connection", () => {
    const throttled = new ArmError({
      status: 429,
      code: "TooManyRequests",
      message: "Slow down.",
      retryAfterMs: 17_000,
    });
    expect(classifyFailure(throttled, "r")).toMatchObject({ retryable: true, retryAfterMs: 17_000 });
    // An outage: a 503 that says "come back in 1 s" would spend every attempt within seconds.
    const down = new ArmError({ status: 503, code: "ServiceUnavailable", message: "Down.", retryAfterMs: 1_000 });
    expect(classifyFailure(down, "r")).toMatchObject({ retryable: true, retryAfterMs: undefined });
    const reset = new ArmError({
      code: "ECONNRESET",
      message: "Could not reach Azure Resource Manager: socket hang up",
    });
    expect(classifyFailure(reset, "r")).toMatchObject({ retryable: true, retryAfterMs: undefined });
  });

  it("ends the operation on a rejection, and retries what it does not know with a reference", () => {
    const refused = new ArmError({ status: 403, code: "AuthorizationFailed", message: "No role." });
    expect(classifyFailure(refused, "r")).toMatchObject({ retryable: false, code: "AuthorizationFailed" });
    expect(classifyFailure(new Error("boom"), "ab12cd34")).toMatchObject({
      retryable: true,
      code: "InternalError",
      message: "The portal hit an unexpected error (ref ab12cd34).",
    });
  });
});
