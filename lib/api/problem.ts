import { randomUUID } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { auditRefusal } from "@/lib/audit/denials";
import { AppError, Conflict, Forbidden, InvalidInput, NotFound, QuotaExceeded, Unauthenticated } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

/** RFC 9457 problem details; `code` is the stable machine-readable word, `detail` the message the UI shows. */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:azure-sp-portal:problem:InvalidInput" }),
    title: z.string().openapi({ example: "Bad Request" }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: "Check the highlighted fields." }),
    code: z.string().openapi({ example: "InvalidInput" }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "One entry per refused field (400 only)." }),
    reference: z.string().optional().openapi({ description: "For 500s: quote it to your provider." }),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** An answer only the API gives (rate limit, idempotency, preconditions): the services never throw these. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:azure-sp-portal:problem:${code}`,
    title: titles[status] ?? "Error",
    status,
    detail,
    code,
    ...extra,
  };
}

function codeOf(error: AppError) {
  if (error instanceof InvalidInput) return "InvalidInput";
  if (error instanceof Unauthenticated) return "Unauthenticated";
  if (error instanceof Forbidden) return "Forbidden";
  if (error instanceof NotFound) return "NotFound";
  if (error instanceof QuotaExceeded) return "QuotaExceeded";
  if (error instanceof Conflict) return "Conflict";
  return error.constructor.name;
}

/** Known errors keep their message (the one the UI shows); anything else is a 500 with a reference and no stack. */
export async function toProblem(error: unknown): Promise<{ problem: Problem; headers: Record<string, string> }> {
  await auditRefusal(error);
  if (error instanceof ApiProblem)
    return { problem: problem(error.status, error.code, error.message), headers: error.headers };
  if (error instanceof InvalidInput) {
    const errors = Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
      (messages ?? []).map((message) => ({ field, message })),
    );
    return { problem: problem(400, "InvalidInput", error.message, { errors }), headers: {} };
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> =
      error instanceof Unauthenticated ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
    return { problem: problem(error.status, codeOf(error), error.message), headers };
  }
  // Hono's own refusals, e.g. a body that is not JSON.
  if (error instanceof HTTPException && error.status < 500)
    return {
      problem: problem(error.status, "InvalidRequest", error.message || "The request is not valid."),
      headers: {},
    };
  const reference = randomUUID().slice(0, 8);
  logger.error({ err: error, ref: reference, component: "api" }, `unexpected error (ref ${reference})`);
  return {
    problem: problem(500, "InternalError", `Something went wrong (ref ${reference}).`, { reference }),
    headers: {},
  };
}

export function problemResponse({ problem: p, headers }: { problem: Problem; headers: Record<string, string> }) {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

/** A zod failure at the edge, as the same InvalidInput the forms get: one message per field. */
export function invalidInputFrom(error: ZodError, target: string) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || (target === "json" ? "body" : target);
    const message = /received undefined$/.test(issue.message) ? "This field is required." : issue.message;
    (fieldErrors[field] ??= []).push(message);
  }
  return new InvalidInput(fieldErrors);
}

/** The `responses` entries of a route for the problems it can answer. */
export function problemResponses<S extends number>(...statuses: S[]) {
  const describe: Record<number, string> = {
    400: "Refused input: `errors` names each field and why. Nothing was written and no Azure API was called.",
    401: "No token, or a token that is unknown, revoked or expired.",
    403: "The token's role does not allow this, or the tenant is suspended (reads still work).",
    404: "No such object for this token (another tenant's objects are not found either).",
    409: "The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight.",
    412: "If-Match does not match the current ETag: read the object again.",
    422: "This Idempotency-Key was used with a different request.",
    429: "Rate limit: wait Retry-After seconds.",
    500: "Unexpected error; `reference` identifies it in the portal's log.",
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: describe[s] ?? "Error", content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { "application/problem+json": { schema: typeof problemSchema } } }>;
}
