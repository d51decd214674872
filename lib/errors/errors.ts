/** Errors with messages meant for users. Anything else that escapes is logged and shown as "Something went wrong (ref …)". */
export class AppError extends Error {
  readonly status: number = 500;
}

export class Unauthenticated extends AppError {
  override readonly status = 401;
  constructor(message = "Sign in to continue.") {
    super(message);
  }
}

export class Forbidden extends AppError {
  override readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/**
 * An id looked up inside the caller's tenant that came back empty. The edge that turns the error into a 404 asks whether
 * the id belongs to another tenant, and if so audits the attempt as denied (a missing row is not a refusal).
 */
export type TenantLookup = {
  type: string;
  id: string;
  tenantId: string;
  actor: { id: string; email: string; apiTokenId?: string };
};

export class NotFound extends AppError {
  override readonly status = 404;
  constructor(
    what = "Page",
    readonly lookup?: TenantLookup,
  ) {
    super(`${what} not found.`);
  }
}

/** NotFound for an id looked up inside the caller's tenant (a TenantContext); `type` is the Prisma model name. */
export function notFoundInTenant(
  ctx: { tenantId: string; user: { id: string; email: string; apiTokenId?: string } },
  what: string,
  target: { type: string; id: string },
) {
  const { id, email, apiTokenId } = ctx.user;
  return new NotFound(what, { ...target, tenantId: ctx.tenantId, actor: { id, email, apiTokenId } });
}

export class Conflict extends AppError {
  override readonly status = 409;
}

export class QuotaExceeded extends AppError {
  override readonly status = 409;
}

export type FieldErrors = Record<string, string[] | undefined>;

export class InvalidInput extends AppError {
  override readonly status = 400;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Check the highlighted fields.",
  ) {
    super(message);
  }
}
