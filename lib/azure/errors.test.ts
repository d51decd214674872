import { describe, expect, it } from "vitest";
import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import { AuthenticationError, AuthenticationRequiredError, CredentialUnavailableError } from "@azure/identity";
import { ArmError, armCall, isPreconditionFailed, parseRetryAfterMs, toArmError } from "./errors";

// Payloads as recorded in AZURE-FACTS §1, §3, §4.
function restError(status: number, body: unknown, headers: Record<string, string> = {}): RestError {
  const request = createPipelineRequest({
    url: "https://management.azure.com/subscriptions/s/resourcegroups/rg?api-version=2024-03-01",
  });
  const text = JSON.stringify(body);
  const parsed = body as { error?: { code?: string; message?: string } };
  return new RestError(parsed.error?.message ?? "failed", {
    statusCode: status,
    code: parsed.error?.code,
    request,
    response: {
      status,
      request,
      headers: createHttpHeaders({ "x-ms-request-id": "req-1", "x-ms-correlation-request-id": "corr-1", ...headers }),
      bodyAsText: text,
    },
  });
}

describe("toArmError: ARM responses", () => {
  it("AuthorizationFailed is terminal and keeps the ids", () => {
    const e = toArmError(
      restError(403, {
        error: {
          code: "AuthorizationFailed",
          message:
            "The client 'app' with object id 'oid' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write' over scope '/subscriptions/s/resourcegroups/rg' or the scope is invalid. If access was recently granted, please refresh your credentials.",
        },
      }),
    );
    expect(e).toMatchObject({
      status: 403,
      code: "AuthorizationFailed",
      retryable: false,
      requestId: "req-1",
      correlationId: "corr-1",
    });
    expect(e.raw).toMatchObject({ error: { code: "AuthorizationFailed" } });
  });

  it("a subscription 429 is retryable after Retry-After", () => {
    const e = toArmError(
      restError(
        429,
        {
          error: {
            code: "SubscriptionRequestsThrottled",
            message:
              "Number of requests for subscription 's' and operation 'PUT' exceeded the backend storage limit. Please try again after '6' seconds.",
          },
        },
        { "retry-after": "6" },
      ),
    );
    expect(e).toMatchObject({
      status: 429,
      code: "SubscriptionRequestsThrottled",
      retryable: true,
      retryAfterMs: 6000,
    });
  });

  it("Compute's unwrapped throttling body is read too", () => {
    const body = {
      code: "OperationNotAllowed",
      message: "The server rejected the request because too many requests have been received for this subscription.",
      details: [
        {
          code: "TooManyRequests",
          target: "HighCostGet",
          message: '{"operationGroup":"HighCostGet","allowedRequestCount":300,"measuredRequestCount":1238}',
        },
      ],
    };
    const e = toArmError(
      restError(429, body, {
        "retry-after": "1200",
        "x-ms-ratelimit-remaining-resource": "Microsoft.Compute/HighCostGet;0",
      }),
    );
    expect(e).toMatchObject({ code: "OperationNotAllowed", retryable: true, retryAfterMs: 1_200_000 });
    expect(e.details).toEqual(body.details);
  });

  it("quota, registration and validation failures are terminal", () => {
    const quota = toArmError(
      restError(409, {
        error: {
          code: "OperationNotAllowed",
          message:
            "Operation could not be completed as it results in exceeding approved Total Regional Cores quota. Additional details - Deployment Model: Resource Manager, Location: eastus, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12.",
        },
      }),
    );
    expect(quota).toMatchObject({ code: "OperationNotAllowed", retryable: false });
    const reg = toArmError(
      restError(409, {
        error: {
          code: "MissingSubscriptionRegistration",
          message: "The subscription is not registered to use namespace 'Microsoft.Compute'.",
          details: [{ code: "MissingSubscriptionRegistration", target: "Microsoft.Compute", message: "…" }],
        },
      }),
    );
    expect(reg.retryable).toBe(false);
    expect(toArmError(restError(400, { error: { code: "InvalidParameter", message: "bad" } })).retryable).toBe(false);
  });

  it("412 is terminal but flagged for a re-read", () => {
    const e = toArmError(
      restError(412, {
        error: {
          code: "PreconditionFailed",
          message: "The condition specified using HTTP conditional header(s) is not met.",
        },
      }),
    );
    expect(e.retryable).toBe(false);
    expect(isPreconditionFailed(e)).toBe(true);
  });

  it("transient codes and 5xx are retryable", () => {
    expect(
      toArmError(
        restError(409, {
          error: {
            code: "AnotherOperationInProgress",
            message: "Another operation on this or dependent resource is in progress.",
          },
        }),
      ).retryable,
    ).toBe(true);
    expect(
      toArmError(restError(429, { error: { code: "RetryableErrorDueToAnotherOperation", message: "locked" } }))
        .retryable,
    ).toBe(true);
    expect(toArmError(restError(503, { error: { code: "ServiceUnavailable", message: "down" } })).retryable).toBe(true);
    expect(toArmError(restError(502, "<html>bad gateway</html>"))).toMatchObject({
      status: 502,
      code: "Http502",
      retryable: true,
    });
  });

  it("redacts secrets in the raw body", () => {
    const e = toArmError(
      restError(400, {
        error: {
          code: "InvalidParameter",
          message: "bad password",
          details: [{ adminPassword: "Sup3r$ecret!", target: "x" }],
        },
      }),
    );
    expect(JSON.stringify(e.raw)).not.toContain("Sup3r$ecret!");
  });
});

describe("toArmError: Entra ID, network and LRO failures", () => {
  const description =
    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'app-id'.\r\nTrace ID: 0e1f\r\nCorrelation ID: 9a8b\r\nTimestamp: 2024-05-01 10:00:00Z";

  it("an AuthenticationError carries the AADSTS code, terminal", () => {
    const e = toArmError(
      new AuthenticationError(401, {
        error: "invalid_client",
        error_description: description,
        error_codes: [7000215],
        timestamp: "",
        trace_id: "0e1f",
        correlation_id: "9a8b",
      }),
    );
    expect(e).toMatchObject({ code: "AADSTS7000215", retryable: false, status: 401 });
    expect(e.message).toMatch(/^Invalid client secret provided|^AADSTS7000215: Invalid client secret provided/);
    expect(e.message).not.toContain("Trace ID");
    expect(e.details).toMatchObject({ error: "invalid_client" });
  });

  it("MSAL's error wrapped in AuthenticationRequiredError is read the same way", () => {
    const cause = Object.assign(new Error(`invalid_client: ${description}`), {
      name: "ServerError",
      errorCode: "invalid_client",
      errorMessage: description,
      correlationId: "9a8b",
    });
    const e = toArmError(new AuthenticationRequiredError({ scopes: ["s/.default"], message: cause.message, cause }));
    expect(e).toMatchObject({ code: "AADSTS7000215", retryable: false, correlationId: "9a8b" });
    expect(toArmError(new CredentialUnavailableError("not configured")).retryable).toBe(false);
  });

  it("a sign-in endpoint that could not be reached is retryable (MSAL names it by code, with no status)", () => {
    // What ClientSecretCredential threw when the emulator reset every discovery request (the scale-out run's outage).
    const discovery = toArmError(
      new CredentialUnavailableError(
        "endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details",
      ),
    );
    expect(discovery).toMatchObject({ code: "NetworkError", retryable: true });
    expect(discovery.message).toMatch(/^Could not reach the sign-in endpoint: endpoints_resolution_error/);
    const cause = Object.assign(new Error("network_error: Network request failed"), {
      name: "ClientAuthError",
      errorCode: "network_error",
      errorMessage: "Network request failed",
    });
    const token = toArmError(
      new AuthenticationRequiredError({ scopes: ["s/.default"], message: cause.message, cause }),
    );
    expect(token).toMatchObject({ code: "NetworkError", retryable: true });
  });

  it("network failures are retryable", () => {
    expect(toArmError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toMatchObject({
      code: "ECONNRESET",
      retryable: true,
    });
    expect(toArmError(new RestError("socket hang up", { code: RestError.REQUEST_SEND_ERROR }))).toMatchObject({
      code: "REQUEST_SEND_ERROR",
      retryable: true,
    });
    expect(toArmError(new Error("socket hang up")).retryable).toBe(true);
  });

  it("a failed LRO keeps the operation's code", () => {
    const e = toArmError(
      new Error(
        "The long-running operation has failed. AnotherOperationInProgress. Another operation on this or dependent resource is in progress.",
      ),
    );
    expect(e).toMatchObject({ code: "AnotherOperationInProgress", retryable: true });
  });

  it("armCall converts and passes ArmErrors through", async () => {
    const original = new ArmError({ code: "X", message: "m" });
    await expect(
      armCall(() => {
        throw original;
      }),
    ).rejects.toBe(original);
    await expect(
      armCall(async () => {
        throw new Error("Bearer eyJabc.def leaked");
      }),
    ).rejects.toMatchObject({ code: "UnexpectedError", message: "Bearer [redacted] leaked" });
  });

  it("parses Retry-After in seconds, dates and milliseconds", () => {
    const h = (o: Record<string, string>) => ({ get: (n: string) => o[n] });
    expect(parseRetryAfterMs(h({ "retry-after": "17" }))).toBe(17_000);
    expect(parseRetryAfterMs(h({ "retry-after": new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
    expect(parseRetryAfterMs(h({ "retry-after-ms": "250", "retry-after": "1" }))).toBe(250);
    expect(parseRetryAfterMs(h({}))).toBeUndefined();
  });
});
