/**
 * The two poller shapes our SDKs hand out, reduced to what lro.ts needs.
 * - Modular clients (arm-resources 8, arm-compute 25, arm-network 39, arm-storage 21, arm-recoveryservices 7) return a core-lro 3
 *   `PollerLike` at once; it sends the initial request eagerly, `submitted()` waits for it, `isDone` is a getter,
 *   `serialize()` gives the state and the package's `restorePoller(client, state, op)` rebuilds it.
 * - Classic clients (arm-recoveryservices-siterecovery 5) return `Promise<SimplePollerLike>` from `beginX(...)` that has already
 *   polled once; `isDone()` is a method, `toString()` gives the state and `beginX(..., { resumeFrom })` rebuilds it.
 */
type ModularPoller = {
  submitted(): Promise<void>;
  poll(): Promise<unknown>;
  serialize(): Promise<string>;
  readonly isDone: boolean;
  readonly result: unknown;
  readonly operationState: { status: string; error?: Error } | undefined;
};
type ClassicPoller = {
  poll(): Promise<void>;
  isDone(): boolean;
  toString(): string;
  getResult(): unknown;
  getOperationState(): { status: string; error?: Error };
};
export type SdkPoller = ModularPoller | Promise<ClassicPoller>;

export type AdaptedPoller = { done: boolean; result: unknown; error?: Error; serialize(): Promise<string> };

const isModular = (p: unknown): p is ModularPoller => typeof (p as ModularPoller).submitted === "function";

/** "start": wait for the initial response. "resume": poll once (a resumed classic poller already has). */
export async function adaptPoller(sdkPoller: SdkPoller, phase: "start" | "resume"): Promise<AdaptedPoller> {
  if (isModular(sdkPoller)) {
    const p = sdkPoller;
    try {
      if (phase === "start") await p.submitted();
      else await p.poll();
    } catch (e) {
      return { done: true, result: undefined, error: e as Error, serialize: () => p.serialize() };
    }
    const state = p.operationState;
    const failed = state?.status === "failed" || state?.status === "canceled";
    return {
      done: p.isDone,
      result: p.result,
      error: failed ? (state?.error ?? new Error(`The long-running operation was ${state?.status}.`)) : undefined,
      serialize: () => p.serialize(),
    };
  }
  let p: ClassicPoller;
  try {
    p = await sdkPoller;
  } catch (e) {
    return { done: true, result: undefined, error: e as Error, serialize: async () => "" };
  }
  const state = p.getOperationState();
  const failed = state.status === "failed" || state.status === "canceled";
  return {
    done: p.isDone(),
    result: failed ? undefined : p.getResult(),
    error: failed ? (state.error ?? new Error(`The long-running operation was ${state.status}.`)) : undefined,
    serialize: async () => p.toString(),
  };
}
