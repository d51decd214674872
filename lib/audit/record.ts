import { headers } from "next/headers";
import { db, type Tx, Prisma } from "@/lib/db/client";
import { requestClientIp } from "@/lib/auth/client-ip";

export type AuditInput = {
  action: string;
  outcome?: "success" | "failure" | "denied";
  /** apiTokenId: the REST API token the call was made with (lib/auth/context.ts Caller). */
  actor?: { id: string; email: string; apiTokenId?: string } | null;
  actorEmail?: string;
  target?: { type: string; id?: string; name?: string };
  tenantId?: string | null;
  detail?: Record<string, unknown>;
};

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** The caller's address as far as the server can vouch for it (lib/auth/client-ip.ts: trusted proxy hops only). */
export async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return {
      ip: requestClientIp(h),
      userAgent: h.get("user-agent"),
    };
  } catch {
    return { ip: null, userAgent: null }; // outside a request (worker, scripts)
  }
}

export async function recordAudit(event: AuditInput, tx: Tx | typeof db = db, meta?: RequestMeta) {
  const { ip, userAgent } = meta ?? (await requestMeta());
  await tx.auditEvent.create({
    data: {
      action: event.action,
      outcome: event.outcome ?? "success",
      actorId: event.actor?.id,
      actorEmail: event.actor?.email ?? event.actorEmail,
      targetType: event.target?.type,
      targetId: event.target?.id,
      targetName: event.target?.name,
      tenantId: event.tenantId ?? undefined,
      ip,
      userAgent: userAgent?.slice(0, 400),
      detail: (event.detail as Prisma.InputJsonValue) ?? undefined,
      apiTokenId: event.actor?.apiTokenId,
    },
  });
}
