import { armClientsFor, type ArmClients } from "./clients";
import { ArmError, armCall } from "./errors";
import { lroFailureTap, type LroFailureTap } from "./lro-failure";
import { adaptPoller, type SdkPoller } from "./lro-poller";
import { captureInitial, pollStatus, statusStateFrom, type StatusState } from "./lro-status";
import { withResponseTap } from "./observe";
import type { AzureAccess } from "./types";

/**
 * Where a long-running operation stands. Store `continuation` (no secrets in it) and call pollLro later, from any worker.
 * While it runs, the hints say when polling again is worth it: Azure's Retry-After, the operation's typical duration
 * (after the start) and the time left extrapolated from Azure's percentComplete (after a poll).
 */
export type LroProgress<T> =
  | {
      done: false;
      continuation: string;
      percent?: number;
      retryAfterMs?: number;
      typicalMs?: number;
      remainingMs?: number;
    }
  | { done: true; result: T };

/**
 * One kind of long-running operation, defined next to the gateway function that starts it. `args` must be plain JSON
 * (names and ids only): they travel inside the continuation. `input` (a request body that may hold a secret, such as a
 * VM's admin password) reaches `start` only and is never serialised; `restore` must manage without it.
 */
export type LroDefinition<A, T, I = void> = {
  kind: string;
  start(clients: ArmClients, args: A, input: I): SdkPoller;
  /** Rebuild the SDK's poller from its own serialized state (modular `restorePoller`, classic `resumeFrom`) without re-sending. */
  restore(clients: ArmClients, args: A, state: string): SdkPoller;
  map(raw: unknown): T;
  /** How long this operation typically takes in Azure (seconds): when the first status poll is worth sending. */
  typicalSeconds?: number;
  /**
   * For a PUT whose first answer already holds everything the caller records (ids, a static address, a private IP):
   * return that, or undefined when something is missing. When it returns a value, the operation's status is polled
   * directly and, once Succeeded, this value is the result: no final GET of the resource (see lro-status.ts).
   */
  fromPutAnswer?(raw: unknown): T | undefined;
};

type Continuation = {
  v: 1;
  kind: string;
  accessId: string;
  args: unknown;
  state: string;
  status?: StatusState<unknown>;
};

const registry = new Map<string, LroDefinition<unknown, unknown>>();

export function defineLro<A, T, I = void>(definition: LroDefinition<A, T, I>): LroDefinition<A, T, I> {
  registry.set(definition.kind, definition as unknown as LroDefinition<unknown, unknown>);
  return definition;
}

/** Sends the initial request only, then returns: done when Azure finished synchronously, else a continuation. */
export function startLro<A, T, I = void>(
  access: AzureAccess,
  definition: LroDefinition<A, T, I>,
  args: A,
  ...input: I extends void ? [] : [input: I]
): Promise<LroProgress<T>> {
  const tap = lroFailureTap();
  const first = captureInitial();
  return armCall(() =>
    withResponseTap(
      (info, body, response) => {
        tap.onResponse(info, body);
        first.onResponse(info, body, response);
      },
      async () => {
        const poller = await adaptPoller(definition.start(armClientsFor(access), args, input[0] as I), "start");
        const running = await progress(access, definition, args, poller, tap);
        if (running.done) return running;
        const initial = first.initial;
        const hints = {
          ...(initial?.info.retryAfterMs !== undefined ? { retryAfterMs: initial.info.retryAfterMs } : {}),
          ...(definition.typicalSeconds ? { typicalMs: definition.typicalSeconds * 1000 } : {}),
        };
        const putResult = initial && definition.fromPutAnswer ? definition.fromPutAnswer(initial.body) : undefined;
        const status = initial && putResult !== undefined ? statusStateFrom(initial, putResult) : undefined;
        if (!status) return { ...running, ...hints };
        const c = JSON.parse(running.continuation) as Continuation;
        return { ...running, ...hints, continuation: JSON.stringify({ ...c, status }) };
      },
    ),
  );
}

/** Polls once from a stored continuation, on fresh clients if need be; never re-issues the initial PUT/DELETE/POST. */
export async function pollLro<T = unknown>(access: AzureAccess, continuation: string): Promise<LroProgress<T>> {
  const c = parseContinuation(continuation);
  if (c.accessId !== access.id) {
    throw new ArmError({
      code: "ContinuationMismatch",
      message: "This operation belongs to another Azure subscription record.",
      retryable: false,
    });
  }
  const definition = registry.get(c.kind) as LroDefinition<unknown, T> | undefined;
  if (!definition) {
    throw new ArmError({
      code: "UnknownOperationKind",
      message: `No long-running operation '${c.kind}' is defined.`,
      retryable: false,
    });
  }
  if (c.status) {
    const status = c.status as StatusState<T>;
    const { rest } = armClientsFor(access);
    return armCall(async () => {
      const polled = await pollStatus(status, (url) => rest.getUrl(url), definition.map);
      if (polled.done) return polled;
      const { done: _running, ...hints } = polled;
      return { done: false, continuation, ...hints };
    });
  }
  const tap = lroFailureTap();
  return armCall(() =>
    withResponseTap(tap.onResponse, async () => {
      const poller = await adaptPoller(definition.restore(armClientsFor(access), c.args, c.state), "resume");
      return progress(access, definition, c.args, poller, tap);
    }),
  );
}

async function progress<A, T, I>(
  access: AzureAccess,
  definition: LroDefinition<A, T, I>,
  args: A,
  poller: Awaited<ReturnType<typeof adaptPoller>>,
  tap: LroFailureTap,
): Promise<LroProgress<T>> {
  if (poller.error) throw tap.toError(poller.error);
  if (poller.done) return { done: true, result: definition.map(poller.result) };
  const body: Continuation = {
    v: 1,
    kind: definition.kind,
    accessId: access.id,
    args,
    state: await poller.serialize(),
  };
  return {
    done: false,
    continuation: JSON.stringify(body),
    ...(tap.percent !== undefined ? { percent: tap.percent } : {}),
  };
}

function parseContinuation(text: string): Continuation {
  try {
    const c = JSON.parse(text) as Continuation;
    if (c.v === 1 && typeof c.kind === "string" && typeof c.state === "string") return c;
  } catch {
    // fall through
  }
  throw new ArmError({
    code: "InvalidContinuation",
    message: "The stored long-running operation state is unreadable.",
    retryable: false,
  });
}
