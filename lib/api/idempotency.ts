import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { db, Prisma } from "@/lib/db/client";
import { ApiProblem } from "./problem";
import type { ApiEnv } from "./env";

export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
// A first request that never finished (its process died) stops blocking its key after this long.
const ABANDONED_MS = 5 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const replayedHeaders = ["content-type", "location", "operation-location", "retry-after"];

/**
 * `Idempotency-Key` on POST: the first answer to (token, key) is stored for 24 h. The same key and the same request
 * replays it (never a second VM); the same key with another request is a 422; a duplicate sent while the first is
 * still running is a 409. Answers of 500 and above are not kept, so the client may try again with the same key.
 */
export function idempotency(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (c.req.method !== "POST" || key === undefined) return next();
    if (!KEY_PATTERN.test(key))
      throw new ApiProblem(400, "InvalidIdempotencyKey", "Idempotency-Key is 1 to 255 visible ASCII characters.");
    const tokenId = c.get("principal").tokenId;
    const url = new URL(c.req.url);
    const requestHash = createHash("sha256")
      .update(`${c.req.method} ${url.pathname}${url.search}\n${await c.req.text()}`)
      .digest("hex");

    const claimed = await claim(tokenId, key, requestHash);
    if (claimed !== "claimed") return replay(claimed, requestHash);
    try {
      await next();
    } catch (error) {
      await db.apiIdempotencyKey.deleteMany({ where: { tokenId, key, status: null } });
      throw error;
    }
    await remember(tokenId, key, c.res);
  };
}

type Stored = { requestHash: string; status: number | null; headers: unknown; body: unknown };

async function claim(tokenId: string, key: string, requestHash: string): Promise<"claimed" | Stored> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.apiIdempotencyKey.create({ data: { tokenId, key, requestHash } });
      return "claimed";
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
    const row = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
    if (!row) continue; // deleted in between: claim again
    const age = Date.now() - row.createdAt.getTime();
    const isStale = age > IDEMPOTENCY_WINDOW_MS || (row.status === null && age > ABANDONED_MS);
    if (!isStale) return row;
    await db.apiIdempotencyKey.deleteMany({ where: { id: row.id } });
  }
  throw new ApiProblem(409, "IdempotencyKeyInFlight", "This Idempotency-Key is being used by another request.");
}

function replay(row: Stored, requestHash: string) {
  if (row.requestHash !== requestHash)
    throw new ApiProblem(
      422,
      "IdempotencyKeyReused",
      "This Idempotency-Key was already used with a different request: use a new key for a new request.",
    );
  if (row.status === null)
    throw new ApiProblem(
      409,
      "IdempotencyKeyInFlight",
      "A request with this Idempotency-Key is still being processed: retry in a moment.",
      { "Retry-After": "1" },
    );
  const headers = new Headers(row.headers as Record<string, string>);
  headers.set("Idempotent-Replayed", "true");
  return new Response(row.body === null ? null : JSON.stringify(row.body), { status: row.status, headers });
}

async function remember(tokenId: string, key: string, res: Response) {
  if (res.status >= 500) {
    await db.apiIdempotencyKey.deleteMany({ where: { tokenId, key, status: null } });
    return;
  }
  const text = await res.clone().text();
  const headers = Object.fromEntries(
    replayedHeaders.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h)!]] : [])),
  );
  await db.apiIdempotencyKey.updateMany({
    where: { tokenId, key, status: null },
    data: { status: res.status, headers, body: text ? (JSON.parse(text) as Prisma.InputJsonValue) : Prisma.JsonNull },
  });
  await sweepExpired();
}

let lastSweep = 0;
/** Keys older than the window are dropped at most once a minute per process (indexed on createdAt). */
async function sweepExpired() {
  if (Date.now() - lastSweep < 60_000) return;
  lastSweep = Date.now();
  await db.apiIdempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - IDEMPOTENCY_WINDOW_MS) } } });
}
