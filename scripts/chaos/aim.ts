/**
 * Aimed kills for `npm run chaos` (issue 18): the worker that sent a VM PUT (or DELETE) is killed
 *  - "lost": after Azure accepted the request, while the emulator holds its answer back (a fault): Azure does the work
 *    and the portal never gets the answer;
 *  - "unstored": after the answer reached the worker, before it stored it: chaos holds a row lock on the operation's
 *    step, waits until the worker's write of the answer is blocked on it, kills the worker, ends that write's database
 *    session (PostgreSQL would otherwise finish a statement whose client is gone), then lets go.
 * The sender is found by the TCP port the emulator reports (scripts/chaos/sockets.ts). A kill counts as landed only from
 * evidence: "lost" when the emulator logged the caller as gone before the answer; "unstored" when the worker's write
 * was seen waiting, the emulator logged the answer as delivered, and the step row was unchanged after.
 */
import pg from "pg";
import type { EmulatorControl } from "@/emulator/client";
import { sleep } from "../bench/stack.ts";
import { pidOfLocalPort } from "./sockets.ts";

export type Logged = Awaited<ReturnType<EmulatorControl["requests"]>>["value"][number];
export type KillWindow = "lost" | "unstored";
export type AimedKill = {
  phase: string;
  window: KillWindow;
  vm: string;
  method: string;
  pid: number;
  requestId: string;
  landed: boolean;
  evidence: string;
};

const vmPath = /\/providers\/Microsoft\.Compute\/virtualMachines\/([^/]+)$/i;
export const vmNameOf = (path: string) => vmPath.exec(path)?.[1];

/** VM PUTs or DELETEs that Azure has accepted (2xx) and whose answer has not been written yet. */
export function heldVmRequests(inFlight: Logged[], method: string): Logged[] {
  return inFlight.filter(
    (e) => e.method === method && !!e.acceptedAt && e.status >= 200 && e.status < 300 && vmPath.test(e.path),
  );
}

/** Accepted VM PUTs or DELETEs whose caller was gone before the answer: Azure did the work, the portal never heard. */
export function answersLost(log: Logged[], method: string): Logged[] {
  return log.filter(
    (e) => e.method === method && e.clientGone && e.status >= 200 && e.status < 300 && vmPath.test(e.path),
  );
}

/** Marks each aimed kill landed or not from the emulator's final log (see the file's comment). */
export function settle(kills: AimedKill[], log: Logged[]) {
  const byId = new Map(log.map((e) => [e.requestId, e]));
  for (const k of kills) {
    const e = byId.get(k.requestId);
    if (k.window === "lost") {
      k.landed = !!e?.clientGone;
      k.evidence = e ? (e.clientGone ? "caller gone before the answer" : "the answer was delivered") : "not in the log";
    } else if (k.landed && (!e || e.clientGone)) {
      k.landed = false;
      k.evidence = "the answer was not delivered";
    }
  }
  return kills;
}

type StepRow = { state: string; result: string | null; continuation: string | null };

export class Aimer {
  readonly kills: AimedKill[] = [];
  /** Workers under aim: the random kills leave them alone, so the evidence is about this aim. */
  readonly reserved = new Set<number>();
  private aimed = new Set<string>();
  private stopped = false;

  constructor(
    private readonly opts: {
      control: EmulatorControl;
      databaseUrl: string;
      /** The live workers' pids (the candidates for the sender). */
      workerPids: () => number[];
      kill: (pid: number) => Promise<void>;
      /** The operation step that stores the answer of the request for this VM. */
      stepOf: (vm: string, method: string) => Promise<{ operationId: string; position: number } | null>;
      log: (m: string) => void;
    },
  ) {}

  /** A held VM request of `method` whose sender is one of the live workers, not aimed at before. */
  private async target(method: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.stopped) {
      const { value } = await this.opts.control.requests({ inFlight: true });
      for (const e of heldVmRequests(value, method)) {
        if (this.aimed.has(e.requestId) || !e.remotePort) continue;
        const pid = pidOfLocalPort(e.remotePort, this.opts.workerPids());
        if (!pid || this.reserved.has(pid)) continue;
        this.aimed.add(e.requestId);
        this.reserved.add(pid);
        return { entry: e, pid, vm: vmNameOf(e.path)! };
      }
      await sleep(100);
    }
    return null;
  }

  /** Aims still looking for a target give up (their phase's operations have all ended). */
  stop() {
    this.stopped = true;
  }

  /** Looking for targets again (the next phase). */
  resume() {
    this.stopped = false;
  }

  /** Kills the sender of a request Azure accepted while its answer is held. */
  async lost(phase: string, method: string, timeoutMs: number) {
    const t = await this.target(method, timeoutMs);
    if (!t) return null;
    await this.opts.kill(t.pid);
    this.reserved.delete(t.pid);
    const kill: AimedKill = {
      phase,
      window: "lost",
      vm: t.vm,
      method,
      pid: t.pid,
      requestId: t.entry.requestId,
      landed: false,
      evidence: "pending",
    };
    this.kills.push(kill);
    this.opts.log(`${phase}: killed pid ${t.pid} while Azure held its accepted ${method} of ${t.vm} (answer not sent)`);
    return kill;
  }

  /** Kills the sender of a request once its answer arrived and the worker's write of it waits on a row lock. */
  async unstored(phase: string, method: string, timeoutMs: number, holdMs: number) {
    const t = await this.target(method, timeoutMs);
    if (!t) return null;
    const step = await this.opts.stepOf(t.vm, method);
    if (!step) {
      this.reserved.delete(t.pid);
      return null;
    }
    const db = new pg.Client({ connectionString: this.opts.databaseUrl, application_name: "chaos-aim" });
    await db.connect();
    const readStep = async () =>
      (
        await db.query<StepRow>(
          `select state, result::text as result, continuation from "OperationStep" where "operationId" = $1 and position = $2`,
          [step.operationId, step.position],
        )
      ).rows[0];
    const kill: AimedKill = {
      phase,
      window: "unstored",
      vm: t.vm,
      method,
      pid: t.pid,
      requestId: t.entry.requestId,
      landed: false,
      evidence: "",
    };
    try {
      await db.query("begin");
      await db.query(`select 1 from "OperationStep" where "operationId" = $1 and position = $2 for update`, [
        step.operationId,
        step.position,
      ]);
      const before = await readStep();
      const me = (await db.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0].pid;
      // The answer comes after the hold; the worker then writes it to this row and waits for the lock.
      let blocked: number[] = [];
      const until = Date.now() + holdMs + 60_000;
      while (!blocked.length && Date.now() < until) {
        blocked = (
          await db.query<{ pid: number }>(`select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`, [
            me,
          ])
        ).rows.map((r) => r.pid);
        if (!blocked.length) await sleep(50);
      }
      if (blocked.length) await this.opts.kill(t.pid);
      for (const pid of blocked) await db.query("select pg_terminate_backend($1)", [pid]);
      await db.query("rollback");
      const after = await readStep();
      const unchanged =
        !!before &&
        !!after &&
        before.state === after.state &&
        before.result === after.result &&
        before.continuation === after.continuation;
      kill.landed = blocked.length > 0 && unchanged;
      kill.evidence = !blocked.length
        ? "no write of the answer was seen (its worker died first)"
        : unchanged
          ? "the write of the answer waited; killed; step unchanged"
          : "the step changed";
    } finally {
      this.reserved.delete(t.pid);
      await db.query("rollback").catch(() => {});
      await db.end().catch(() => {});
    }
    this.kills.push(kill);
    this.opts.log(`${phase}: pid ${t.pid}, ${method} of ${t.vm} answered, not stored: ${kill.evidence}`);
    return kill;
  }
}
