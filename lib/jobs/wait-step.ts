import { pollLro, type AzureAccess, type LroProgress } from "@/lib/azure";
import { nextPollDelayMs, type PollHints } from "./poll-delay";

/**
 * The one way a job waits (issue 13): a step that begins something, stores what it waits on and looks again until it
 * is done. StepRecorder.wait runs it: short waits inside this run, longer ones by ending the run and scheduling the
 * next look, so no worker holds a slot for Azure; a re-run (after a wait, a retry or a killed worker) looks at the
 * stored continuation instead of beginning again.
 *
 * What a look answers:
 * - done, with the result;
 * - running, with a continuation (an ARM long-running operation, a provider registering): Azure has it in hand and the
 *   continuation is stored before any wait;
 * - pending, without one (another operation is creating the network, member VMs are still being created): nothing was
 *   sent, so the next look begins again, and a cancel may stop the operation there.
 */
export type Pending = PollHints & { done: false; continuation?: undefined; reason: string };
export type Running<T> = LroProgress<T> & PollHints;
export type Progress<T> = Running<T> | Pending;

export type Wait<T> = {
  /** The first look, and every look while nothing is in flight; `looks` counts the earlier ones of this step. */
  begin: (looks: number) => Promise<Progress<T>>;
  /** A later look at what `begin` started, by its stored continuation. Needed when `begin` can answer running. */
  look?: (continuation: string) => Promise<Running<T>>;
  /**
   * What it waits for was sent to Azure by an earlier step, so Azure has it in hand from the start: a cancel does not
   * stop the operation before this step (its follow-up would settle a VM Azure is still creating as failed).
   */
  sentEarlier?: boolean;
};

/**
 * An ARM request sent in one step and waited for in a later one, so one run can send two independent requests (the
 * virtual network and the public IP) before it waits for either.
 */
export type Sent<T> = { done: true; result: T } | { done: false; continuation: string; pollAt: number };

/** What a long-running step's send returns: Azure's first answer, a request sent earlier, or nothing sent yet. */
export type Sending<T> = Progress<T> | Sent<T>;

/** Long-running steps bound to one Azure subscription: a job names the step and the request; polling is done here. */
export type ArmSteps = {
  /** Sends the request and waits for Azure to finish it. `send` may answer pending to look again later. */
  lro<T = unknown>(name: string, send: (looks: number) => Promise<Sending<T>>): Promise<T>;
  /** A step that only sends: its result is waited for by a later `wait` (send two requests, then wait for both). */
  send<T = unknown>(name: string, request: () => Promise<LroProgress<T>>): Promise<Sent<T>>;
  /** Waits for a request sent by an earlier step. */
  wait<T = unknown>(name: string, sent: Sent<T>): Promise<T>;
};

type Recorder = {
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  wait<T>(name: string, wait: Wait<T>): Promise<T>;
};

export function armSteps(steps: Recorder, access: AzureAccess): ArmSteps {
  const look = <T>(continuation: string) => pollLro<T>(access, continuation);
  const lro = <T>(name: string, send: (looks: number) => Promise<Sending<T>>, sentEarlier?: boolean) =>
    steps.wait<T>(name, {
      begin: async (looks) => {
        const first = await send(looks);
        return "pollAt" in first ? fromSent(first, look<T>) : first;
      },
      look,
      sentEarlier,
    });
  return {
    lro: (name, send) => lro(name, send),
    send: (name, request) => steps.step(name, async () => sent(await request())),
    wait: (name, s) => lro(name, async () => s, !s.done),
  };
}

export function sent<T>(progress: LroProgress<T>): Sent<T> {
  if (progress.done) return progress;
  return { done: false, continuation: progress.continuation, pollAt: Date.now() + nextPollDelayMs(progress, 0) };
}

/** A stored continuation to poll right away (an operation sent by an earlier run or another step). */
export function resume<T>(continuation: string): Sent<T> {
  return { done: false, continuation, pollAt: 0 };
}

/** A request sent in an earlier step: polled once its first poll is due, waited for until then. */
async function fromSent<T>(s: Sent<T>, look: (continuation: string) => Promise<Running<T>>): Promise<Running<T>> {
  if (s.done) return s;
  const waitMs = s.pollAt - Date.now();
  return waitMs > 0 ? { done: false, continuation: s.continuation, waitMs } : look(s.continuation);
}
