import { describe, expect, it } from "vitest";
import { bucketFor, Pacer } from "./pacing";

const SUB = "11111111-2222-4333-8444-555555555555";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("Pacer", () => {
  it("lets one probe through for an unknown bucket and makes the rest wait for its headers", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    expect(p.reserve(SUB, "writes")).toEqual({ waitMs: 0, retry: false });
    expect(p.reserve(SUB, "writes")).toMatchObject({ retry: true });
    p.observe(SUB, "writes", { status: 201, remaining: 150 });
    expect(p.reserve(SUB, "writes")).toEqual({ waitMs: 0, retry: false });
  });

  it("sends freely while the budget is high", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    p.reserve(SUB, "reads");
    p.observe(SUB, "reads", { status: 200, remaining: 200 });
    for (let i = 0; i < 100; i++) expect(p.reserve(SUB, "reads").waitMs).toBe(0);
  });

  it("spaces requests at the refill rate once the budget is low", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    p.reserve(SUB, "writes");
    p.observe(SUB, "writes", { status: 201, remaining: 12 });
    const waits = Array.from({ length: 6 }, () => p.reserve(SUB, "writes").waitMs);
    expect(waits.slice(0, 2)).toEqual([0, 0]); // 12, 11 left: above the low-water mark of 10
    expect(waits.slice(2)).toEqual([0, 100, 200, 300]); // then 10/s
  });

  it("holds a bucket until Retry-After after a 429, then releases the waiters one slot apart", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    p.reserve(SUB, "writes");
    p.observe(SUB, "writes", { status: 429, retryAfterMs: 2_000 });
    expect(p.reserve(SUB, "writes").waitMs).toBe(2_000);
    expect(p.reserve(SUB, "writes").waitMs).toBe(2_100);
    // Other buckets and subscriptions are not held.
    expect(p.reserve(SUB, "reads").waitMs).toBe(0);
    expect(p.reserve("other", "writes").waitMs).toBe(0);
  });

  it("does not add its wait to the SDK's: a retry sent after Retry-After goes at once", () => {
    const c = clock();
    const p = new Pacer({ now: c.now, refillPerSecond: { writes: 10 } });
    p.reserve(SUB, "writes");
    p.observe(SUB, "writes", { status: 429, retryAfterMs: 1_000 });
    c.advance(1_000); // the SDK's throttling policy slept Retry-After
    expect(p.reserve(SUB, "writes").waitMs).toBe(0);
  });

  it("stops pacing when refill has restored the budget", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    p.reserve(SUB, "deletes");
    p.observe(SUB, "deletes", { status: 200, remaining: 0 });
    expect(p.reserve(SUB, "deletes").waitMs).toBe(0);
    expect(p.reserve(SUB, "deletes").waitMs).toBe(100);
    c.advance(5_000);
    p.observe(SUB, "deletes", { status: 200, remaining: 60 });
    expect(p.reserve(SUB, "deletes").waitMs).toBe(0);
  });

  it("does not serialise a cloud that sends no rate-limit headers", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    p.reserve(SUB, "reads");
    p.observe(SUB, "reads", { status: 200 });
    expect(p.reserve(SUB, "reads")).toEqual({ waitMs: 0, retry: false });
    expect(p.reserve(SUB, "reads")).toEqual({ waitMs: 0, retry: false });
  });

  it("an abandoned probe frees its bucket", () => {
    const c = clock();
    const p = new Pacer({ now: c.now });
    p.reserve(SUB, "writes");
    p.abandon(SUB, "writes");
    expect(p.reserve(SUB, "writes")).toEqual({ waitMs: 0, retry: false });
  });

  it("maps methods to ARM buckets", () => {
    expect([
      bucketFor("GET"),
      bucketFor("head"),
      bucketFor("PUT"),
      bucketFor("POST"),
      bucketFor("PATCH"),
      bucketFor("DELETE"),
    ]).toEqual(["reads", "reads", "writes", "writes", "writes", "deletes"]);
  });
});
