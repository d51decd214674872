export type ActionFailure = { ok: false; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * A success carries what the use case returned, typed by the action (`Promise<ActionResult<Added>>`), so the UI reads
 * `result.data` without a cast. `data` may be absent only when the type admits undefined, as for untyped actions.
 */
export type ActionSuccess<T = unknown> = undefined extends T
  ? { ok: true; data?: T; message?: string }
  : { ok: true; data: T; message?: string };

/** What every server action returns: forms read `fieldErrors` beside each field and `formError` above the buttons. */
export type ActionResult<T = unknown> = ActionSuccess<T> | ActionFailure;

/** The initial state for `useActionState(action, idleResult)`: nothing submitted yet, so nothing to show. */
export const idleResult: ActionResult<undefined> = { ok: true };
