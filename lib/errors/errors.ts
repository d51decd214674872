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

export class NotFound extends AppError {
  override readonly status = 404;
  constructor(what = "Page") {
    super(`${what} not found.`);
  }
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
