/**
 * The emulator's virtual clock. Modelled durations (a VM create takes 60 s) are multiplied by timeScale
 * when an operation starts, and operations store absolute real timestamps, so nothing needs a timer and a
 * restart mid-operation simply finds the operation finished or still running.
 */
export class Clock {
  constructor(public timeScale = 1) {}

  /**
   * While a finished long-running operation's effects run, the time it finished (start + duration), which is earlier
   * than now when nobody asked for a while; the billing ledger dates resource changes by it.
   */
  eventTimeMs: number | undefined;

  /** When the change being applied happened: eventTimeMs inside an LRO completion, now otherwise. */
  eventNow(): number {
    return this.eventTimeMs ?? this.now();
  }

  now(): number {
    return Date.now();
  }

  /** Real milliseconds that a modelled duration of `seconds` lasts at the current time scale. */
  scaledMs(seconds: number): number {
    return Math.max(0, Math.round(seconds * 1000 * this.timeScale));
  }

  iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }
}
