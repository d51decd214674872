// One id per web request (issue 19 point 2): proxy.ts gives every page and server action one, the API keeps it (or
// makes one when called directly), answers it back as x-request-id and puts it on every log line the request writes.
import { Writable } from "node:stream";
import { Hono } from "hono";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { requestTelemetry } from "@/lib/api/request-telemetry";
import { proxy } from "@/proxy";
import { createLogger } from "./logger";
import { currentRequestId, requestIdFor } from "./request-id";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request id", () => {
  it("keeps a caller's well-formed id and replaces a missing or malformed one with a new UUID", () => {
    expect(requestIdFor("lb-7f3a9c21.0001")).toBe("lb-7f3a9c21.0001");
    for (const sent of [undefined, null, "", "short", "has spaces in it", "x".repeat(129), "a\nforged-log-line"])
      expect(requestIdFor(sent)).toMatch(uuid);
    expect(requestIdFor(null)).not.toBe(requestIdFor(null));
  });

  it("is set by proxy.ts on the request a page or server action reads and answered on the response", () => {
    const fresh = proxy(new NextRequest("http://portal.test/tenant/acme/vms"));
    const id = fresh.headers.get("x-request-id");
    expect(id).toMatch(uuid);
    // NextResponse.next({ request: { headers } }) hands the rewritten request headers to the page this way.
    expect(fresh.headers.get("x-middleware-request-x-request-id")).toBe(id);

    const kept = proxy(
      new NextRequest("http://portal.test/api/v1/tenants", { headers: { "x-request-id": "gateway-0123456789" } }),
    );
    expect(kept.headers.get("x-request-id")).toBe("gateway-0123456789");
  });

  it("is answered by the API and carried by every log line the request writes", async () => {
    const lines: Record<string, unknown>[] = [];
    const saved = process.env.LOG_FORMAT;
    delete process.env.LOG_FORMAT;
    const log = createLogger(
      new Writable({
        write(chunk, _encoding, done) {
          for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
          done();
        },
      }),
    );
    if (saved !== undefined) process.env.LOG_FORMAT = saved;
    const app = new Hono().use("*", requestTelemetry());
    app.get("/ping", async (c) => {
      log.warn("inside the handler");
      await new Promise((r) => setTimeout(r, 5)); // still the request's after an await
      log.warn("after an await");
      return c.text("pong");
    });

    const sent = await app.request("/ping", { headers: { "x-request-id": "caller-id-42424242" } });
    expect(sent.headers.get("x-request-id")).toBe("caller-id-42424242");
    const made = await app.request("/ping");
    const id = made.headers.get("x-request-id");
    expect(id).toMatch(uuid);

    expect(lines.map((l) => l.requestId)).toEqual(["caller-id-42424242", "caller-id-42424242", id, id]);
    log.warn("outside any request");
    expect(lines.at(-1)!.requestId).toBeUndefined();
  });

  it("is none outside a Next request (a script, the worker)", async () => {
    expect(await currentRequestId()).toBeUndefined();
  });
});
