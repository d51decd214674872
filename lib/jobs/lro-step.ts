import { pollLro, type AzureAccess, type LroProgress } from "@/lib/azure";
import { nextPollDelayMs, type PollHints } from "./poll-delay";

/**
 * An ARM request sent in one step and waited for in a later one, so one run can send two independent requests (the
 * virtual network and the public IP) before it waits. A step returns `sent(progress)`; the waiting step returns it
 * again from its send, and polls only once the first poll is due.
 */
export type Sent<T> = { done: true; result: T } | { done: false; continuation: string; pollAt: number };

/** What a long-running step's send returns: Azure's first answer, or a request an earlier step already sent. */
export type Sending<T> = (LroProgress<T> & PollHints) | Sent<T>;

export function sent<T>(progress: LroProgress<T>): Sent<T> {
  if (progress.done) return progress;
  return { done: false, continuation: progress.continuation, pollAt: Date.now() + nextPollDelayMs(progress, 0) };
}

/** A stored continuation to poll right away (an operation sent by an earlier run or another step). */
export function resume<T>(continuation: string): Sent<T> {
  return { done: false, continuation, pollAt: 0 };
}

/** Long-running steps bound to one Azure subscription: a job names the step and how to send; polling is done here. */
export type ArmSteps = {
  /**
   * Sends once, stores the continuation and polls: short waits inside this run, longer ones by ending the run and
   * scheduling the next poll, so no worker waits on Azure. A re-run polls the stored continuation instead of sending.
   */
  lro<T = unknown>(name: string, send: () => Promise<Sending<T>>): Promise<T>;
};

type LroRecorder = {
  lroStep<T>(
    name: string,
    lro: { start: () => Promise<LroProgress<T> & PollHints>; poll: (c: string) => Promise<LroProgress<T>> },
  ): Promise<T>;
};

export function armSteps(steps: LroRecorder, access: AzureAccess): ArmSteps {
  return {
    lro: <T>(name: string, send: () => Promise<Sending<T>>) => {
      const poll = (continuation: string) => pollLro<T>(access, continuation);
      return steps.lroStep<T>(name, {
        start: async () => {
          const first = await send();
          return "pollAt" in first ? fromSent(first, poll) : first;
        },
        poll,
      });
    },
  };
}

async function fromSent<T>(
  s: Sent<T>,
  poll: (continuation: string) => Promise<LroProgress<T>>,
): Promise<LroProgress<T> & PollHints> {
  if (s.done) return s;
  const waitMs = s.pollAt - Date.now();
  return waitMs > 0 ? { done: false, continuation: s.continuation, waitMs } : poll(s.continuation);
}
