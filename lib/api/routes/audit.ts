import { createRoute, z } from "@hono/zod-openapi";
import { auditPeriods, listAuditEvents, type AuditPeriod } from "@/lib/audit/queries";
import { staffContext } from "../auth";
import { decodeKeysetToken, keysetPageOf, pageQuery, pageSchema, searchParam } from "../pagination";
import { problemResponses } from "../problem";
import { apiRouter, bearerSecurity, requires } from "../router";
import { json, PROVIDER_ROLE, providerPaths } from "./provider";

/**
 * The audit log (admin console → Audit log, lib/audit): every sign-in, change and refused attempt, newest first, with
 * the console's filters. Read-only: entries cannot be changed or deleted.
 */
export const auditRoutes = apiRouter();
providerPaths(auditRoutes, ["/provider/audit-events"]);

const outcomes = ["success", "failure", "denied"] as const;

const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ format: "date-time" }),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable().openapi({ description: "Null for the system." }),
    action: z.string().openapi({ example: "plan.update" }),
    outcome: z.string().openapi({ example: "success" }),
    target: z.object({ type: z.string().nullable(), id: z.string().nullable(), name: z.string().nullable() }),
    tenantId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    apiTokenId: z.string().nullable().openapi({ description: "The API token the call was made with, if any." }),
    detail: z.unknown().optional(),
  })
  .openapi("AuditEvent");

auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/provider/audit-events",
    operationId: "listAuditEvents",
    summary: "List audit events (admin)",
    description:
      "Newest first, with the audit log page's filters. Admin token. The count is exact up to 10,000 and PostgreSQL's estimate above that; nextLink pages by position (keyset), not offset.",
    tags: ["Audit log"],
    security: bearerSecurity,
    ...requires("admin"),
    request: {
      query: z.object({
        search: searchParam("Part of the user's email or the target's name, or exactly a target id or an IP."),
        action: z.string().max(100).optional().openapi({ description: "One action, e.g. plan.update." }),
        outcome: z.enum(outcomes).optional(),
        period: z
          .enum(Object.keys(auditPeriods) as [AuditPeriod, ...AuditPeriod[]])
          .optional()
          .openapi({ description: "The last 24h, 7d or 30d." }),
        ...pageQuery,
      }),
    },
    responses: {
      200: json(pageSchema(auditEventSchema, "AuditEventPage"), "A page of audit events."),
      ...problemResponses(400, 401, 403, 404, 429, 500),
    },
  }),
  async (c) => {
    const ctx = staffContext(c, PROVIDER_ROLE);
    const q = c.req.valid("query");
    const position = decodeKeysetToken(q.$skipToken);
    const { total, rows, nextCursor } = await listAuditEvents(ctx, {
      q: q.search?.trim() || undefined,
      action: q.action,
      outcome: q.outcome,
      period: q.period,
      ...position,
      take: q.top,
    });
    const items = rows.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorEmail: e.actorEmail,
      action: e.action,
      outcome: e.outcome,
      target: { type: e.targetType, id: e.targetId, name: e.targetName },
      tenantId: e.tenantId,
      ip: e.ip,
      userAgent: e.userAgent,
      apiTokenId: e.apiTokenId,
      ...(e.detail == null ? {} : { detail: e.detail }),
    }));
    return c.json(keysetPageOf(c, items, total, nextCursor, q.top), 200);
  },
);
