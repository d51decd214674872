import { describe, expect, it } from "vitest";
import { lroFailureTap } from "./lro-failure";

const info = {
  method: "GET",
  path: "/subscriptions/s/providers/Microsoft.Network/locations/eastus/operations/op1",
  status: 200,
  requestId: "req-9",
  correlationId: "corr-9",
  rateLimit: {},
};

describe("lroFailureTap", () => {
  it("rebuilds the operation's error from a Failed status body (AZURE-FACTS §2)", () => {
    const tap = lroFailureTap();
    tap.onResponse(info, JSON.stringify({ id: "op1", name: "op1", status: "InProgress", percentComplete: 40 }));
    expect(tap.percent).toBe(40);
    tap.onResponse(
      info,
      JSON.stringify({
        id: "op1",
        name: "op1",
        status: "Failed",
        startTime: "2024-05-01T10:00:00Z",
        error: {
          code: "AnotherOperationInProgress",
          message: "Another operation on this or dependent resource is in progress.",
        },
      }),
    );
    const e = tap.toError(
      new Error("The long-running operation has failed. AnotherOperationInProgress. Another operation…"),
    );
    expect(e).toMatchObject({
      code: "AnotherOperationInProgress",
      requestId: "req-9",
      correlationId: "corr-9",
      retryable: true,
    });
  });

  it("reports a canceled operation and falls back to the SDK's message when no body was seen", () => {
    const tap = lroFailureTap();
    tap.onResponse(info, JSON.stringify({ status: "Canceled" }));
    expect(tap.toError(new Error("x"))).toMatchObject({ code: "OperationCanceled", retryable: false });
    const quiet = lroFailureTap();
    expect(
      quiet.toError(new Error("The long-running operation has failed. OperationNotAllowed. Quota exceeded.")),
    ).toMatchObject({ code: "OperationNotAllowed", message: "Quota exceeded.", retryable: false });
  });
});
