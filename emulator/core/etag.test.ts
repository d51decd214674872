import { describe, expect, it } from "vitest";
import { createEtagHelper } from "./etag.js";
import { ArmError } from "./errors.js";

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ArmError ? `${e.status} ${e.code}` : "other";
  }
  return undefined;
}

describe("etag helper", () => {
  const current = { etag: 'W/"11111111-1111-4111-8111-111111111111"' };
  it("accepts a matching If-Match and rejects a stale one with 412", () => {
    expect(codeOf(() => createEtagHelper({ "if-match": current.etag }).check(current))).toBeUndefined();
    expect(codeOf(() => createEtagHelper({ "if-match": 'W/"stale"' }).check(current))).toBe("412 PreconditionFailed");
  });
  it("rejects If-None-Match: * when the resource exists", () => {
    expect(codeOf(() => createEtagHelper({ "if-none-match": "*" }).check(current))).toBe("412 PreconditionFailed");
    expect(codeOf(() => createEtagHelper({ "if-none-match": "*" }).check(undefined))).toBeUndefined();
  });
  it("makes weak ETags", () => {
    expect(createEtagHelper({}).next()).toMatch(/^W\/"[0-9a-f-]{36}"$/);
  });
});
