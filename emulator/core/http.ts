import type { IncomingMessage, ServerResponse } from "node:http";
import { ArmError } from "./errors.js";
import { handleArm } from "./arm.js";
import { handleEntra } from "./entra.js";
import { handleControl } from "./control.js";
import { newGuid } from "./ids.js";
import type { JsonBody, Reply } from "./plugin.js";
import type { Runtime } from "./runtime.js";
import type { Fault } from "./faults.js";
import type { RequestLogEntry } from "./observe.js";

const MAX_BODY = 8 * 1024 * 1024;
/** The control surface's restore takes a whole saved state (the bench's 2,000-VM inventory is larger than 8 MB). */
const MAX_CONTROL_BODY = 256 * 1024 * 1024;

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) reject(new ArmError(413, "RequestEntityTooLarge", "The request content is too large."));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function routingId(requestId: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `LOCALEMULATOR:${stamp}:${requestId}`;
}

function faultReply(f: Fault): Reply {
  const status = f.status ?? 500;
  const headers: Record<string, string> = {};
  if (status === 429 || status === 503) headers["Retry-After"] = "1";
  return {
    status,
    headers,
    body: { error: { code: f.code ?? "InternalServerError", message: f.message ?? "Injected fault (emulator)." } },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isGone = (req: IncomingMessage) => req.socket.destroyed || req.socket.readableEnded;

/** A fault's hold on an answer, cut short when the client goes away (a killed caller): nobody is left to answer. */
function holdAnswer(req: IncomingMessage, ms: number): Promise<void> {
  if (isGone(req)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      req.socket.off("end", done).off("close", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    req.socket.once("end", done).once("close", done);
  });
}

export async function handleRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = newGuid();
  const headers: Record<string, string> = {
    "x-ms-request-id": requestId,
    "x-ms-correlation-request-id": String(req.headers["x-ms-correlation-request-id"] ?? newGuid()),
    "x-ms-routing-request-id": routingId(requestId),
  };
  if (req.headers["x-ms-client-request-id"])
    headers["x-ms-client-request-id"] = String(req.headers["x-ms-client-request-id"]);
  const url = new URL(req.url ?? "/", rt.baseUrl);
  const method = (req.method ?? "GET").toUpperCase();
  const entry: RequestLogEntry = {
    time: new Date().toISOString(),
    method,
    path: url.pathname,
    status: 0,
    requestId,
    opType: "other",
    remotePort: req.socket.remotePort,
  };
  rt.observer.begin(entry);
  let reply: Reply;
  let drop = false;
  try {
    const isControl = url.pathname.startsWith("/_emulator/");
    const rawBody = await readBody(req, isControl ? MAX_CONTROL_BODY : MAX_BODY);
    if (isControl) {
      entry.opType = "control";
      reply = await handleControl(rt, req, url, rawBody);
    } else {
      const apiVersion = url.searchParams.get("api-version");
      const before = rt.faults.pick(method, url.pathname, apiVersion, "before");
      if (before?.latencyMs) await sleep(before.latencyMs);
      if (before) entry.fault = before.id;
      if (before?.dropConnection) {
        drop = true;
        reply = { status: 0 };
      } else if (before && (before.status || before.code)) {
        reply = faultReply(before);
      } else {
        reply = await dispatch(rt, req, url, rawBody, requestId, headers, entry);
        // Azure has done the work: while a fault holds the answer, the log's in-flight entry shows which answer it is.
        entry.acceptedAt = new Date().toISOString();
        entry.status = reply.status;
        const after = rt.faults.pick(method, url.pathname, apiVersion, "after");
        if (after) {
          entry.fault = after.id;
          if (after.latencyMs) await holdAnswer(req, after.latencyMs);
          if (after.dropConnection) drop = true;
          else if (after.status || after.code) reply = faultReply(after);
        }
      }
    }
  } catch (e) {
    reply = errorReply(e, requestId);
  }
  entry.status = drop ? 0 : reply.status;
  if (isGone(req)) entry.clientGone = true;
  rt.observer.record(entry);
  if (method !== "GET") rt.persistence.schedule();
  if (drop) {
    req.socket.destroy();
    return;
  }
  const all = { ...headers, ...(reply.headers ?? {}) };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, { ...all, "Content-Length": "0" });
    res.end();
    return;
  }
  const payload = toJson(reply.body);
  res.writeHead(reply.status, {
    ...all,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/**
 * JSON.stringify, except that BigInt values are written as exact JSON numbers: some ARM fields are int64 (a vault
 * certificate's resourceId) and exceed 2^53, which a JS number cannot carry (issue 12, point 2).
 */
export function toJson(body: unknown): string {
  const exact: string[] = [];
  const text = JSON.stringify(body, (_key, v: unknown) =>
    typeof v === "bigint" ? `\u0000${exact.push(v.toString()) - 1}\u0000` : v,
  );
  return exact.length ? text.replace(/"\\u0000(\d+)\\u0000"/g, (_m, i: string) => exact[Number(i)]) : text;
}

async function dispatch(
  rt: Runtime,
  req: IncomingMessage,
  url: URL,
  rawBody: string,
  requestId: string,
  headers: Record<string, string>,
  entry: RequestLogEntry,
): Promise<Reply> {
  const publicRoute = rt.plugins
    .flatMap((p) => p.publicRoutes ?? [])
    .find((r) => r.method === req.method && r.path.toLowerCase() === url.pathname.toLowerCase());
  if (publicRoute) {
    entry.opType = "other";
    return publicRoute.handler({
      store: rt.store,
      clock: rt.clock,
      query: url.searchParams,
      url: (p) => new URL(p, rt.baseUrl).toString(),
    });
  }
  for (const plugin of rt.plugins) {
    for (const route of plugin.serviceRoutes ?? []) {
      const m = route.method === req.method ? route.pattern.exec(url.pathname) : null;
      if (!m) continue;
      entry.opType = "other";
      let body: JsonBody = {};
      try {
        body = rawBody.trim() ? (JSON.parse(rawBody) as JsonBody) : {};
      } catch {
        return { status: 400, body: { code: 400, description: "The request body is not valid JSON." } };
      }
      return route.handler({
        store: rt.store,
        clock: rt.clock,
        params: m.slice(1).map((p) => decodeURIComponent(p ?? "")),
        query: url.searchParams,
        headers: req.headers,
        body,
        requestId,
        setHeader: (name, value) => void (headers[name] = value),
      });
    }
  }
  const entra = handleEntra(
    rt.store,
    { baseUrl: rt.baseUrl, tokenLifetimeSeconds: rt.config.tokenLifetimeSeconds },
    req,
    url.pathname,
    rawBody,
  );
  if (entra) {
    entry.opType = "token";
    return entra;
  }
  try {
    const outcome = await handleArm(rt, req, url, rawBody, requestId, headers);
    Object.assign(entry, outcome.meta);
    return outcome.reply;
  } catch (e) {
    return errorReply(e, requestId);
  }
}

function errorReply(e: unknown, requestId: string): Reply {
  if (e instanceof ArmError) return { status: e.status, body: e.toBody(), headers: e.headers };
  console.error(`[emulator] request ${requestId} failed:`, e);
  return {
    status: 500,
    body: {
      error: { code: "InternalServerError", message: `The emulator failed to process the request (ref ${requestId}).` },
    },
  };
}
