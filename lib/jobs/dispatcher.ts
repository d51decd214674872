import type { JobWithMetadata, PgBoss } from "pg-boss";
import { componentLogger } from "@/lib/observability/logger";

const log = componentLogger("jobs");

export type DispatchedJob = JobWithMetadata<{ operationId: string }>;

export type DispatcherOptions = {
  /** Jobs of this kind run at once in this process. */
  limit: number;
  /** Jobs claimed per fetch: small enough that a burst spreads over every worker process rather than landing on one. */
  batch: number;
  /** How often an idle dispatcher looks for jobs nobody told it about (another process's reschedules). */
  idleMs: number;
  /** How often the running jobs' pg-boss heartbeats are refreshed: well within the queue's heartbeatSeconds. */
  heartbeatMs: number;
};

/**
 * Runs one operation kind's jobs in this process with a single fetch loop that claims up to `batch` jobs at a time while
 * it has free slots. pg-boss's own `work()` runs one polling loop per slot, which for 100 slots of vm.create and 8 of
 * every other kind is hundreds of mostly empty fetches a second, and that load, not Azure, was what delayed a bulk
 * create. This loop fetches when woken (a job of this kind was queued, one of this process's reschedules came due, a
 * job ended, the last fetch was full) and otherwise once per idle interval. pg-boss still owns the jobs: claiming,
 * completion, retries with backoff (fail), heartbeats (touch), and the supervision that hands a dead worker's jobs to
 * another.
 */
export class KindDispatcher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly boss: PgBoss,
    readonly kind: string,
    private readonly handle: (job: DispatchedJob) => Promise<void>,
    private readonly options: DispatcherOptions,
  ) {}

  start() {
    this.loop = this.run();
    this.heartbeat = setInterval(() => void this.touch(), this.options.heartbeatMs);
  }

  /** Fetch now (or as soon as the current fetch returns). */
  wake() {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Fetch when a job scheduled for `at` becomes due (a moment after, so the database's clock agrees it is due). */
  wakeAt(at: Date) {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.wake();
      },
      Math.max(0, at.getTime() - Date.now()) + 50,
    );
    this.timers.add(timer);
  }

  /** Stops claiming, lets running jobs finish for up to `timeoutMs`, then hands the rest back to pg-boss to retry. */
  async stop(timeoutMs: number) {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.wake();
    await this.loop;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.running.values()),
      new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timeout);
    clearInterval(this.heartbeat);
    const left = [...this.running.keys()];
    if (left.length)
      await this.boss.fail(this.kind, left, { message: "The worker stopped while this job ran." }).catch(() => {});
  }

  private async run() {
    while (!this.stopping) {
      this.woken = false;
      const want = Math.min(this.options.limit - this.running.size, this.options.batch);
      if (want > 0) {
        try {
          const jobs = await this.boss.fetch<{ operationId: string }>(this.kind, {
            batchSize: want,
            includeMetadata: true,
          });
          for (const job of jobs) this.begin(job);
          // A full batch: there may be more waiting.
          if (jobs.length === want) this.woken = true;
        } catch (error) {
          if (!this.stopping) log.error({ err: error, kind: this.kind }, `fetching ${this.kind} jobs failed`);
        }
      }
      if (!this.woken && !this.stopping) await this.sleep(this.options.idleMs);
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private begin(job: DispatchedJob) {
    const run = (async () => {
      let failure: unknown;
      try {
        await this.handle(job);
      } catch (error) {
        failure = error ?? new Error("failed");
      }
      try {
        if (failure === undefined) await this.boss.complete(this.kind, job.id);
        else
          await this.boss.fail(this.kind, job.id, {
            message: failure instanceof Error ? failure.message : String(failure),
          });
      } catch (error) {
        // The job stays active without heartbeats; pg-boss's supervision hands it out again.
        log.error({ err: error, kind: this.kind, jobId: job.id }, `could not settle ${this.kind} job ${job.id}`);
      }
    })().finally(() => {
      this.running.delete(job.id);
      // A slot is free, and the job may have queued its own next run: look now rather than after the idle interval.
      this.wake();
    });
    this.running.set(job.id, run);
  }

  private async touch() {
    if (this.running.size === 0) return;
    await this.boss.touch(this.kind, [...this.running.keys()]).catch((error) => {
      log.error({ err: error, kind: this.kind }, `heartbeat of ${this.kind} jobs failed`);
    });
  }
}
