/** What every server action returns: forms read `fieldErrors` beside each field and `formError` above the buttons. */
export type ActionResult =
  | { ok: true; data?: unknown; message?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[] | undefined> };

/** The initial state for `useActionState(action, idleResult)`: nothing submitted yet, so nothing to show. */
export const idleResult: ActionResult = { ok: true };
