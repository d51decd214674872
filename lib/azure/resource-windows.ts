/**
 * Pacing to a resource provider's own windows (Compute's `PutVM3Min`, `PutVM30Min`, …), reported in
 * `x-ms-ratelimit-remaining-resource: Microsoft.Compute/PutVM3Min;239,Microsoft.Compute/PutVM30Min;1199`.
 *
 * - Which requests consume which window is learnt from the header each request kind gets back (a kind is the method
 *   plus the provider's resource type path, e.g. "PUT microsoft.compute/virtualmachines"). FIRST_GUESS only names
 *   the windows of VM PUT and DELETE so that the first burst of a fresh process is paced too; no numbers are assumed.
 * - A window's size is the largest count seen + 1; it refills size ÷ length, the length read from the policy name's
 *   suffix (3Min = 180 s). While the estimate (the last count Azure reported + refill − our requests sent since)
 *   stays above the low-water mark, requests go at once; below it they queue in order, each leaving when the
 *   estimate says a slot has refilled. A 429 holds the window until Retry-After, or a whole window length without one.
 * - Until a window's first count arrives, one request probes and the others wait for its answer.
 * - Several worker processes share no memory, but Azure's count is shared: every answer anchors the estimate on the
 *   truth, so what the other processes sent shows in the next count each process reads and slows it down. The
 *   low-water mark absorbs the requests that cross in flight (the bench counts the 429s to show it).
 */

export type WindowsOptions = {
  now?: () => number;
  /** The windows run this many times slower than their names say (the emulator's scaled clock: EMU_TIME_SCALE). */
  timeScale?: number;
  /** Keep this many requests of each window unused, for the other processes' requests in flight (default 2). */
  lowWater?: number;
  /** Spend at most this share of a reported count before the next answer arrives (default ⅛: up to 8 processes). */
  share?: number;
  probeTimeoutMs?: number;
};

export type Ticket = {
  id: number;
  subscription: string;
  kind: string;
  /** Lower-cased policy keys this request is expected to consume. */
  policies: string[];
  /** For each policy: the ticket's send number, once admitted. */
  sent: Map<string, number>;
};

export type WindowObservation = { status: number; header?: string; retryAfterMs?: number };

type Window = {
  name: string;
  lengthMs: number;
  capacity: number;
  remaining?: number;
  anchorAt: number;
  /** Our send number the last count reflects. */
  anchorSeq: number;
  seq: number;
  /** Requests kept unused: the low-water mark, raised by each 429 the window still gave. */
  margin: number;
  /** The other processes' estimated use of this window, requests per ms. */
  othersPerMs: number;
  holdUntil: number;
  probe?: { ticket: number; until: number };
  queue: number[];
  rounds: number;
  /** A count has shown requests of another process. */
  sawOthers: boolean;
  /** When this process's deferred requests come back (see defer). */
  planned: number[];
  /** The share of the count being spent: until the answer to request `last` arrives (or `until` passes). */
  round: { last: number; budget: number; sent: number; until: number };
};

const QUEUE_STEP_MS = 2;
const PROBE_WAIT_MS = 25;
const ROUND_WAIT_MS = 5;

/** Kinds whose windows are known before any answer (AZURE-FACTS §1, §3). */
export const FIRST_GUESS: Record<string, string[]> = {
  "put microsoft.compute/virtualmachines": ["Microsoft.Compute/PutVM3Min", "Microsoft.Compute/PutVM30Min"],
  "delete microsoft.compute/virtualmachines": ["Microsoft.Compute/DeleteVM3Min", "Microsoft.Compute/DeleteVM30Min"],
};

const UNITS_MS: Record<string, number> = { sec: 1_000, min: 60_000, hour: 3_600_000, day: 86_400_000 };

/** The window's length from its name: "PutVM3Min" → 180 s, "HighCostGet30Min" → 1,800 s; 60 s when it names none. */
export function windowLengthMs(policy: string): number {
  const m = /(\d+)\s*(sec|min|hour|day)s?$/i.exec(policy);
  return m ? Number(m[1]) * UNITS_MS[m[2].toLowerCase()] : 60_000;
}

/** "Microsoft.Compute/PutVM3Min;239,Microsoft.Compute/PutVM30Min;1199" → [[name, 239], [name, 1199]]. */
export function parseResourceHeader(header: string | undefined): [string, number][] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([name, n]) => name && n !== undefined && Number.isFinite(Number(n)))
    .map(([name, n]) => [name.trim(), Number(n)]);
}

/** "PUT …/providers/Microsoft.Compute/virtualMachines/vm1" → "put microsoft.compute/virtualmachines"; actions keep their name. */
export function requestKind(method: string, url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").split("?")[0];
  const parts = path.split("/").filter(Boolean);
  const at = parts.map((p) => p.toLowerCase()).lastIndexOf("providers");
  const m = method.toLowerCase();
  if (at < 0) return `${m} ${parts.filter((_, i) => i % 2 === 0).join("/")}`.toLowerCase();
  const rest = parts.slice(at + 1);
  // namespace, then type/name pairs; an odd trailing segment is an action (start, powerOff) and stays in the kind.
  const types = [rest[0], ...rest.slice(1).filter((_, i) => i % 2 === 0)];
  return `${m} ${types.join("/")}`.toLowerCase();
}

export class ResourceWindows {
  private kinds = new Map<string, string[]>(Object.entries(FIRST_GUESS));
  private windows = new Map<string, Window>();
  private nextTicket = 1;
  private now: () => number;
  private timeScale: number;
  private lowWater: number;
  private share: number;
  private probeTimeoutMs: number;

  constructor(options: WindowsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.timeScale = options.timeScale ?? 1;
    this.lowWater = options.lowWater ?? 2;
    this.share = options.share ?? 0.125;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 2_000;
  }

  ticket(subscription: string, kind: string): Ticket {
    const policies = (this.kinds.get(kind) ?? []).map((p) => p.toLowerCase()).sort();
    return { id: this.nextTicket++, subscription: subscription.toLowerCase(), kind, policies, sent: new Map() };
  }

  /** How long to wait; `retry` means "ask again after waiting". Admitted when it answers { waitMs: 0, retry: false }. */
  reserve(t: Ticket): { waitMs: number; retry: boolean } {
    const now = this.now();
    // The answers so far may have shown that this kind does not consume a window it was expected to.
    const current = new Set((this.kinds.get(t.kind) ?? []).map((p) => p.toLowerCase()));
    for (const key of t.policies) {
      if (t.sent.has(key) || !current.has(key)) continue;
      const w = this.window(t, key);
      if (!w.queue.includes(t.id)) w.queue.push(t.id);
      const position = w.queue.indexOf(t.id);
      // Those behind the head look again in proportion to their place, not all at every change.
      const behind = position * QUEUE_STEP_MS;
      if (w.holdUntil > now) return { waitMs: w.holdUntil - now + position * this.slotMs(w), retry: true };
      if (w.remaining === undefined) {
        if (w.probe && w.probe.ticket !== t.id && now < w.probe.until)
          return { waitMs: Math.max(PROBE_WAIT_MS, behind), retry: true };
        if (!w.probe || w.probe.ticket !== t.id) w.probe = { ticket: t.id, until: now + this.probeTimeoutMs };
        this.admit(t, key, w);
        continue;
      }
      const short = w.margin + 1 + position - this.estimate(w, now);
      if (position > 0 || short > 0)
        return { waitMs: Math.max(1, behind, Math.ceil(short * this.slotMs(w))), retry: true };
      // Other processes read the same count, so a process spends only a share of it, then waits for the answer to
      // its last request (a count that shows what everyone took meanwhile) before the next share.
      if (w.anchorSeq >= w.round.last || now > w.round.until) {
        w.rounds++;
        w.round = {
          last: w.seq,
          budget: Math.max(1, Math.floor((this.anchored(w, now) - w.margin) * this.shareOf(w))),
          sent: 0,
          until: now + this.probeTimeoutMs,
        };
      }
      if (w.round.sent >= w.round.budget) return { waitMs: ROUND_WAIT_MS, retry: true };
      w.round.sent++;
      this.admit(t, key, w);
      w.round.last = w.seq;
    }
    return { waitMs: 0, retry: false };
  }

  observe(t: Ticket, o: WindowObservation): void {
    const now = this.now();
    const counts = parseResourceHeader(o.header);
    if (o.status < 400)
      this.kinds.set(
        t.kind,
        counts.map(([name]) => name),
      );
    else if (o.status === 429 && counts.length) {
      const known = this.kinds.get(t.kind) ?? [];
      const added = counts.map(([name]) => name).filter((n) => !known.some((k) => k.toLowerCase() === n.toLowerCase()));
      if (added.length) this.kinds.set(t.kind, [...known, ...added]);
    }
    for (const [name, remaining] of counts) {
      const key = name.toLowerCase();
      const w = this.window(t, key, name);
      const seq = t.sent.get(key) ?? w.seq;
      if (w.probe?.ticket === t.id) w.probe = undefined;
      if (o.status === 429) {
        // The refused request took nothing; its count (0) is the truth as of now. More processes are crossing in
        // flight than the margin holds: keep one more unused (up to 5 % of the window).
        w.margin = Math.min(w.margin + 1, Math.max(this.lowWater, Math.floor(w.capacity / 20)));
        w.holdUntil = Math.max(w.holdUntil, now + (o.retryAfterMs ?? w.lengthMs * this.timeScale));
        w.remaining = 0;
        w.anchorAt = w.holdUntil;
        w.anchorSeq = Math.max(w.anchorSeq, seq);
        continue;
      }
      w.capacity = Math.max(w.capacity, remaining + 1, this.impliedCapacity(w, remaining, seq, now));
      if (w.remaining !== undefined && seq >= w.anchorSeq) this.learnOthers(w, remaining, seq, now);
      if (w.remaining === undefined || seq >= w.anchorSeq) {
        w.remaining = remaining;
        w.anchorAt = now;
        w.anchorSeq = seq;
      }
    }
    this.release(t);
  }

  /**
   * Gives up a queued request's place for a later run (a job that should not hold a worker for minutes): answers
   * when to come back, after everything this process already planned, and plans that slot. Plans only push later
   * deferrals back; the request that comes back competes like any other (in whichever process runs it).
   */
  defer(t: Ticket): number {
    const now = this.now();
    let waitMs = 0;
    for (const key of t.policies) {
      const w = this.windows.get(`${t.subscription}|${key}`);
      if (!w || t.sent.has(key) || w.remaining === undefined) continue;
      w.planned = w.planned.filter((at) => at > now);
      const short = w.margin + 1 + w.planned.length - this.estimate(w, now);
      const wait = Math.max(w.holdUntil - now, Math.ceil(Math.max(0, short) * this.slotMs(w)));
      waitMs = Math.max(waitMs, wait);
    }
    for (const key of t.policies) this.windows.get(`${t.subscription}|${key}`)?.planned.push(now + waitMs);
    this.release(t);
    return waitMs;
  }

  /** A request that was never answered (network error, abort): its places in the queues and its probe are freed. */
  abandon(t: Ticket): void {
    this.release(t);
  }

  /** The estimated count left in a window now (for logs and tests). */
  estimateFor(subscription: string, policy: string): number | undefined {
    const w = this.windows.get(`${subscription.toLowerCase()}|${policy.toLowerCase()}`);
    return w && w.remaining !== undefined ? this.estimate(w, this.now()) : undefined;
  }

  private release(t: Ticket) {
    for (const key of t.policies) {
      const w = this.windows.get(`${t.subscription}|${key}`);
      if (!w) continue;
      w.queue = w.queue.filter((id) => id !== t.id);
      if (w.probe?.ticket === t.id) w.probe = undefined;
    }
  }

  private admit(t: Ticket, key: string, w: Window) {
    w.queue = w.queue.filter((id) => id !== t.id);
    t.sent.set(key, ++w.seq);
  }

  /**
   * A window first seen half used (another process drained it) would look small and refill slowly; what it gained
   * since the last count, beyond our own requests, is a lower bound of its refill, and so of its size.
   */
  private impliedCapacity(w: Window, remaining: number, seq: number, now: number): number {
    const dt = now - w.anchorAt;
    if (w.remaining === undefined || seq < w.anchorSeq || dt < 1_000) return 0;
    const gained = remaining - (w.remaining - (seq - w.anchorSeq));
    return gained >= 2 ? Math.floor(((gained - 1) * w.lengthMs * this.timeScale) / dt) : 0;
  }

  /**
   * What the other processes took between two counts (the count fell further than refill and our own requests
   * explain), as a rate that fades over a few slots: with N processes sending, each sees the others take about
   * (N − 1) ÷ N of the refill, and so sends about its own share.
   */
  private learnOthers(w: Window, remaining: number, seq: number, now: number) {
    const dt = now - w.anchorAt;
    if (dt <= 0) return;
    const expected = this.anchoredRaw(w, now) - (seq - w.anchorSeq);
    const taken = Math.max(0, expected - remaining);
    if (taken >= 1) w.sawOthers = true;
    const tau = this.tau(w);
    // A burst the others sent shows in the count itself; as a rate, no more than the window refills is sustainable.
    w.othersPerMs = Math.min(1 / this.slotMs(w), w.othersPerMs * Math.exp(-dt / tau) + taken / tau);
  }

  /**
   * Until a count shows another process's requests, a process that has had answers to a whole share of its own
   * behaves as if alone and spends half the count per round: a long answer time (a loaded Azure, or emulator) would
   * otherwise stretch the first burst over many rounds.
   */
  private shareOf(w: Window): number {
    return w.rounds > 1 && !w.sawOthers ? Math.max(this.share, 0.5) : this.share;
  }

  private tau(w: Window): number {
    return Math.max(1_000, 8 * this.slotMs(w));
  }

  private anchoredRaw(w: Window, now: number): number {
    return Math.min(w.capacity, (w.remaining ?? 0) + Math.max(0, now - w.anchorAt) / this.slotMs(w));
  }

  /** The last count Azure reported, refilled since, less what the other processes are likely to have taken. */
  private anchored(w: Window, now: number): number {
    // The rate fades while no answer comes, so a process that stopped sending starts again.
    const tau = this.tau(w);
    return this.anchoredRaw(w, now) - w.othersPerMs * tau * (1 - Math.exp(-Math.max(0, now - w.anchorAt) / tau));
  }

  /** The anchored count less our requests it does not reflect yet. */
  private estimate(w: Window, now: number): number {
    return this.anchored(w, now) - (w.seq - w.anchorSeq);
  }

  /** Milliseconds one request's worth of the window takes to refill. */
  private slotMs(w: Window): number {
    return (w.lengthMs * this.timeScale) / Math.max(1, w.capacity);
  }

  private window(t: Ticket, key: string, name = key): Window {
    const id = `${t.subscription}|${key}`;
    let w = this.windows.get(id);
    if (!w) {
      w = {
        name,
        lengthMs: windowLengthMs(name),
        capacity: 1,
        anchorAt: 0,
        anchorSeq: 0,
        seq: 0,
        margin: this.lowWater,
        othersPerMs: 0,
        holdUntil: 0,
        queue: [],
        planned: [],
        rounds: 0,
        sawOthers: false,
        round: { last: 0, budget: 0, sent: 0, until: 0 },
      };
      this.windows.set(id, w);
    }
    return w;
  }
}
