import type { LroProgress } from "@/lib/azure";
import { nextPollDelayMs, type PollHints } from "./poll-delay";

/**
 * An ARM request sent in one step and waited for in a later one, so one run can send two independent requests (the
 * virtual network and the public IP) before it waits. A step returns `sent(progress)`; the waiting lroStep starts with
 * `resumeSent`, which polls only once the first poll is due.
 */
export type Sent<T> = { done: true; result: T } | { done: false; continuation: string; pollAt: number };

export function sent<T>(progress: LroProgress<T>): Sent<T> {
  if (progress.done) return progress;
  return { done: false, continuation: progress.continuation, pollAt: Date.now() + nextPollDelayMs(progress, 0) };
}

export async function resumeSent<T>(
  s: Sent<T>,
  poll: (continuation: string) => Promise<LroProgress<T>>,
): Promise<LroProgress<T> & PollHints> {
  if (s.done) return s;
  const waitMs = s.pollAt - Date.now();
  return waitMs > 0 ? { done: false, continuation: s.continuation, waitMs } : poll(s.continuation);
}
