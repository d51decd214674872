import { describe, expect, it } from "vitest";
import { serviceFailure, type Sent } from "./partner-center";

const sent = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Sent => ({
  status,
  body,
  headers: { get: (n) => headers[n.toLowerCase()] },
});

describe("serviceFailure", () => {
  it("quotes Partner Center's documented code and its MS-RequestId", () => {
    const e = serviceFailure(
      "Partner Center",
      sent(
        403,
        {
          code: "20002",
          description: "The partner ID p has no commerce relationship with the customer ID c.",
          data: [],
          source: "PartnerFD",
        },
        { "ms-requestid": "0b6f039c-e4b5-4b9e-bdac-b39077bb60da", "ms-correlationid": "ffa9174c" },
      ),
    );
    expect(e).toMatchObject({
      status: 403,
      code: "PartnerCenter20002",
      requestId: "0b6f039c-e4b5-4b9e-bdac-b39077bb60da",
      correlationId: "ffa9174c",
      retryable: false,
    });
    expect(e.message).toBe(
      "Partner Center: The partner ID p has no commerce relationship with the customer ID c. (code 20002, request id 0b6f039c-e4b5-4b9e-bdac-b39077bb60da)",
    );
  });

  it("reads Partner Center's throttling body and Retry-After, and Graph's error with its request-id", () => {
    const throttled = serviceFailure(
      "Partner Center",
      sent(
        429,
        { statusCode: 429, message: "Rate limit is exceeded. Try again in 57 seconds." },
        { "retry-after": "57" },
      ),
    );
    expect(throttled).toMatchObject({ code: "TooManyRequests", retryAfterMs: 57_000, retryable: true });
    expect(throttled.message).toContain("Try again in 57 seconds. (code 429)");
    const graph = serviceFailure(
      "Microsoft Graph",
      sent(
        403,
        {
          error: { code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." },
        },
        { "request-id": "5d5b1c3e" },
      ),
    );
    expect(graph).toMatchObject({ code: "Authorization_RequestDenied", requestId: "5d5b1c3e" });
    expect(graph.message).toBe(
      "Microsoft Graph: Insufficient privileges to complete the operation. (code Authorization_RequestDenied, request id 5d5b1c3e)",
    );
  });
});
