import { z } from "@hono/zod-openapi";
import type { OperationDetail, OperationListItem, OperationScope } from "@/lib/jobs/queries";
import { getOperation } from "@/lib/jobs/queries";
import { kinds, operationKinds, type OperationKind } from "@/lib/operations/kinds";
import { API_BASE, type ApiContext } from "./env";

/** Seconds a client should wait before polling an operation it was just handed. */
export const OPERATION_RETRY_AFTER_SECONDS = 5;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const dateTime = z.string().openapi({ format: "date-time" });

export const operationStates = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

export const operationSummarySchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: kinds.vm.create }),
    state: z.enum(operationStates),
    target: z.object({ type: z.string(), id: z.string(), name: z.string() }),
    tenant: z.object({ slug: z.string(), name: z.string() }).nullable(),
    requestedBy: z
      .string()
      .nullable()
      .openapi({ description: "The email of who asked (a token acts as its creator)." }),
    stepsTotal: z.number().int(),
    stepsDone: z.number().int(),
    percent: z.number().int().nullable(),
    attempts: z.number().int(),
    errorCode: z.string().nullable(),
    createdAt: dateTime,
    startedAt: dateTime.nullable(),
    endedAt: dateTime.nullable(),
    href: z.string().openapi({ description: "This operation's URL in the API (poll it)." }),
  })
  .openapi("OperationSummary");

const stepSchema = z
  .object({
    position: z.number().int(),
    name: z.string(),
    state: z.enum(["pending", "running", "succeeded", "failed", "skipped"]),
    attempt: z.number().int(),
    detail: z.string().nullable(),
    percent: z.number().int().nullable(),
    requestId: z.string().nullable().openapi({ description: "Azure's x-ms-request-id of the step's last ARM call." }),
    correlationId: z.string().nullable(),
    errorCode: z.string().nullable(),
    startedAt: dateTime.nullable(),
    endedAt: dateTime.nullable(),
  })
  .openapi("OperationStep");

export const operationSchema = operationSummarySchema
  .extend({
    error: z
      .object({
        code: z.string().nullable(),
        message: z.string().nullable(),
        requestId: z.string().nullable(),
        correlationId: z.string().nullable(),
        detail: z
          .unknown()
          .optional()
          .openapi({ description: "Azure's error, secrets masked (provider tokens only)." }),
      })
      .nullable(),
    cancelRequestedAt: dateTime.nullable(),
    cancelRequestedBy: z.string().nullable(),
    steps: z.array(stepSchema),
  })
  .openapi("Operation");
export type ApiOperation = z.infer<typeof operationSchema>;

/** Tenant operations live under their tenant; provider operations (and staff reads) under /operations. */
export function operationPath(op: { id: string; tenant: { slug: string } | null }, asStaff: boolean) {
  return asStaff || !op.tenant
    ? `${API_BASE}/operations/${op.id}`
    : `${API_BASE}/tenants/${op.tenant.slug}/operations/${op.id}`;
}

export function toOperationSummary(op: OperationListItem, asStaff: boolean) {
  return {
    id: op.id,
    kind: op.kind,
    state: op.state,
    target: { type: op.targetType, id: op.targetId, name: op.targetName },
    tenant: op.tenant,
    requestedBy: op.actor?.email ?? null,
    stepsTotal: op.stepsTotal,
    stepsDone: op.stepsDone,
    percent: op.percent,
    attempts: op.attempts,
    errorCode: op.errorCode,
    createdAt: op.createdAt.toISOString(),
    startedAt: iso(op.startedAt),
    endedAt: iso(op.endedAt),
    href: operationPath(op, asStaff),
  };
}

export function toApiOperation(op: OperationDetail, asStaff: boolean): ApiOperation {
  const hasError = op.errorCode || op.errorMessage || op.errorRequestId;
  return {
    ...toOperationSummary(op, asStaff),
    error: hasError
      ? {
          code: op.errorCode,
          message: op.errorMessage,
          requestId: op.errorRequestId,
          correlationId: op.errorCorrelationId,
          ...(asStaff && op.errorDetail != null ? { detail: op.errorDetail } : {}),
        }
      : null,
    cancelRequestedAt: iso(op.cancelRequestedAt),
    cancelRequestedBy: op.cancelRequestedBy,
    steps: op.steps.map((s) => ({ ...s, startedAt: iso(s.startedAt), endedAt: iso(s.endedAt) })),
  };
}

/** Reads an operation the way the helpdesk console shows it (lib/jobs/queries.ts), for the API. */
export async function readOperation(scope: OperationScope, id: string) {
  return toApiOperation(await getOperation(scope, id), scope.kind === "staff");
}

/** ARM's answer to a mutation: where to poll and when. */
export function acceptedHeaders(c: ApiContext, op: ApiOperation) {
  const url = new URL(op.href, c.req.url).toString();
  return { Location: url, "Operation-Location": url, "Retry-After": String(OPERATION_RETRY_AFTER_SECONDS) };
}

/** Response headers of a 202, for the route's documentation. */
export const acceptedHeaderDocs = {
  Location: {
    description: "The operation's URL: poll it until its state is succeeded, failed or cancelled.",
    schema: { type: "string" as const },
  },
  "Operation-Location": { description: "The same URL (Azure's header name).", schema: { type: "string" as const } },
  "Retry-After": { description: "Seconds to wait before the first poll.", schema: { type: "string" as const } },
};

/** A route's documented 202: the operation of `kind` it queues, with where to poll it. */
export const acceptedOperation = (kind: OperationKind) => ({
  description: `The ${operationKinds[kind].label.toLowerCase()} operation (${kind}).`,
  headers: acceptedHeaderDocs,
  content: { "application/json": { schema: operationSchema } },
});

/** 202 Accepted with the operation in the body, as ARM answers a long-running request. */
export function accepted(c: ApiContext, op: ApiOperation) {
  return c.json(op, 202, acceptedHeaders(c, op));
}

export const tenantScope = (ctx: { tenantId: string; user: { id: string; email: string } }): OperationScope => ({
  kind: "tenant",
  tenantId: ctx.tenantId,
  user: ctx.user,
});
