import { describe, expect, it } from "vitest";
import { parseResourceHeader, requestKind, ResourceWindows, windowLengthMs } from "./resource-windows";

const SUB = "11111111-2222-4333-8444-555555555555";
const PUT_VM = "put microsoft.compute/virtualmachines";
const header = (a: number, b = 1000) => `Microsoft.Compute/PutVM3Min;${a},Microsoft.Compute/PutVM30Min;${b}`;

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A window of Azure's shape on the injected clock: `capacity` requests, refilled capacity ÷ length. */
function bucket(now: () => number, capacity: number, lengthMs: number) {
  let tokens = capacity;
  let at = now();
  return {
    take(): { ok: boolean; remaining: number; retryAfterMs: number } {
      tokens = Math.min(capacity, tokens + ((now() - at) * capacity) / lengthMs);
      at = now();
      if (tokens >= 1) return { ok: true, remaining: Math.floor(--tokens), retryAfterMs: 0 };
      return { ok: false, remaining: 0, retryAfterMs: Math.ceil(((1 - tokens) * lengthMs) / capacity / 1000) * 1000 };
    },
  };
}

/** A binary heap of timed events, earliest first, in insertion order among equals. */
class EventQueue {
  private heap: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  private less = (i: number, j: number) =>
    this.heap[i].at < this.heap[j].at || (this.heap[i].at === this.heap[j].at && this.heap[i].seq < this.heap[j].seq);
  private swap(i: number, j: number) {
    [this.heap[i], this.heap[j]] = [this.heap[j], this.heap[i]];
  }
  push(at: number, run: () => void) {
    this.heap.push({ at, seq: this.seq++, run });
    for (let i = this.heap.length - 1; i > 0 && this.less(i, (i - 1) >> 1); i = (i - 1) >> 1)
      this.swap(i, (i - 1) >> 1);
  }
  pop() {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length && last) {
      this.heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(l, m)) m = l;
        if (r < this.heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

describe("resource windows: parsing", () => {
  it("reads the header, the window length from the name and the request kind", () => {
    expect(parseResourceHeader("Microsoft.Compute/PutVM3Min;239, Microsoft.Compute/PutVM30Min;1199")).toEqual([
      ["Microsoft.Compute/PutVM3Min", 239],
      ["Microsoft.Compute/PutVM30Min", 1199],
    ]);
    expect(parseResourceHeader("garbage")).toEqual([]);
    expect([windowLengthMs("PutVM3Min"), windowLengthMs("HighCostGet30Min"), windowLengthMs("Other")]).toEqual([
      180_000, 1_800_000, 60_000,
    ]);
    const vm =
      "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";
    expect(requestKind("PUT", `${vm}?api-version=2026-04-01`)).toBe(PUT_VM);
    expect(requestKind("POST", `${vm}/start`)).toBe("post microsoft.compute/virtualmachines/start");
    expect(
      requestKind("GET", "https://h/subscriptions/s/providers/Microsoft.Compute/locations/eastus/operations/1"),
    ).toBe("get microsoft.compute/locations/operations");
  });
});

describe("resource windows: one process", () => {
  it("probes a window it has no count for, then spends the count a share at a time, each after the last answer", () => {
    const c = clock();
    const w = new ResourceWindows({ now: c.now });
    const first = w.ticket(SUB, PUT_VM);
    expect(w.reserve(first)).toEqual({ waitMs: 0, retry: false });
    const second = w.ticket(SUB, PUT_VM);
    expect(w.reserve(second).retry).toBe(true); // waits for the probe's answer
    w.observe(first, { status: 201, header: header(239) });
    const share = Array.from({ length: 29 }, () => w.ticket(SUB, PUT_VM)); // ⅛ of 239 − 2
    for (const t of [second, ...share.slice(1)]) expect(w.reserve(t)).toEqual({ waitMs: 0, retry: false });
    const next = w.ticket(SUB, PUT_VM);
    expect(w.reserve(next).retry).toBe(true); // the share is spent: wait for a count that shows the others' requests
    w.observe(share[28], { status: 201, header: header(200) });
    expect(w.reserve(next)).toEqual({ waitMs: 0, retry: false });
  });

  it("queues requests at the refill rate once the count is low, and keeps the low-water mark unused", () => {
    const c = clock();
    const w = new ResourceWindows({ now: c.now, lowWater: 2, share: 1 });
    const t = w.ticket(SUB, PUT_VM);
    w.reserve(t);
    w.observe(t, { status: 201, header: header(5, 239) }); // 3Min window: size learnt as 6 → one slot per 30 s
    w.observe(w.ticket(SUB, PUT_VM), { status: 201, header: header(5, 239) });
    const a = w.ticket(SUB, PUT_VM);
    const b = w.ticket(SUB, PUT_VM);
    const d = w.ticket(SUB, PUT_VM);
    expect(w.reserve(a)).toEqual({ waitMs: 0, retry: false }); // 5 → 4
    expect(w.reserve(b)).toEqual({ waitMs: 0, retry: false }); // 4 → 3
    expect(w.reserve(d)).toEqual({ waitMs: 0, retry: false }); // 3 → 2: the mark
    const e = w.ticket(SUB, PUT_VM);
    const f = w.ticket(SUB, PUT_VM);
    expect(w.reserve(e)).toEqual({ waitMs: 30_000, retry: true });
    expect(w.reserve(f)).toEqual({ waitMs: 60_000, retry: true }); // behind e
    c.advance(30_000);
    expect(w.reserve(f).retry).toBe(true); // e is still ahead
    expect(w.reserve(e)).toEqual({ waitMs: 0, retry: false });
    expect(w.reserve(f)).toEqual({ waitMs: 30_000, retry: true });
  });

  it("holds a window until Retry-After after its 429, and a whole window length without one", () => {
    const c = clock();
    const w = new ResourceWindows({ now: c.now });
    const t = w.ticket(SUB, PUT_VM);
    w.reserve(t);
    w.observe(t, { status: 201, header: header(100) });
    const refused = w.ticket(SUB, PUT_VM);
    w.reserve(refused);
    w.observe(refused, { status: 429, header: "Microsoft.Compute/PutVM3Min;0", retryAfterMs: 7_000 });
    expect(w.reserve(w.ticket(SUB, PUT_VM))).toMatchObject({ waitMs: 7_000, retry: true });
    // Other subscriptions and windows are not held.
    expect(w.reserve(w.ticket("other", "put microsoft.network/networkinterfaces"))).toEqual({
      waitMs: 0,
      retry: false,
    });

    const d = new ResourceWindows({ now: c.now });
    const p = d.ticket(SUB, PUT_VM);
    d.reserve(p);
    d.observe(p, { status: 429, header: "Microsoft.Compute/PutVM3Min;0" });
    expect(d.reserve(d.ticket(SUB, PUT_VM))).toMatchObject({ waitMs: 180_000, retry: true });
  });

  it("learns which kinds consume a window from the answers, and drops a guess a cloud does not confirm", () => {
    const c = clock();
    const w = new ResourceWindows({ now: c.now });
    const start = w.ticket(SUB, "post microsoft.compute/virtualmachines/start");
    expect(start.policies).toEqual([]); // not known yet: not paced
    w.reserve(start);
    w.observe(start, { status: 202, header: header(3) });
    expect(w.ticket(SUB, "post microsoft.compute/virtualmachines/start").policies).toEqual([
      "microsoft.compute/putvm30min",
      "microsoft.compute/putvm3min",
    ]);
    const hub = w.ticket(SUB, PUT_VM);
    w.reserve(hub);
    w.observe(hub, { status: 201 }); // Azure Stack Hub: no header
    expect(w.ticket(SUB, PUT_VM).policies).toEqual([]);
  });

  it("defers a request that would wait long to a planned slot after the ones already planned", () => {
    const c = clock();
    const w = new ResourceWindows({ now: c.now, lowWater: 2, share: 1 });
    const t = w.ticket(SUB, PUT_VM);
    w.reserve(t);
    w.observe(t, { status: 201, header: header(2, 239) }); // at the mark; the 3Min window refills one per 60 s (size 3)
    const a = w.ticket(SUB, PUT_VM);
    expect(w.reserve(a)).toEqual({ waitMs: 60_000, retry: true });
    expect(w.defer(a)).toBe(60_000);
    const b = w.ticket(SUB, PUT_VM);
    expect(w.reserve(b)).toEqual({ waitMs: 60_000, retry: true }); // the live queue is empty again…
    expect(w.defer(b)).toBe(120_000); // …but a's planned slot comes first
    c.advance(60_000);
    expect(w.reserve(w.ticket(SUB, PUT_VM))).toEqual({ waitMs: 0, retry: false }); // a, back at its slot
  });

  it("frees the queue and the probe of a request that was never answered", () => {
    const c = clock();
    const w = new ResourceWindows({ now: c.now });
    const probe = w.ticket(SUB, PUT_VM);
    w.reserve(probe);
    w.abandon(probe);
    expect(w.reserve(w.ticket(SUB, PUT_VM))).toEqual({ waitMs: 0, retry: false });
  });
});

describe("resource windows: several processes against one window", () => {
  /**
   * Three worker processes (three ResourceWindows, no shared memory) send 500 VM PUTs each into one subscription's
   * 3-minute window of 240 (as the emulator models it), with 20 ms between a request and its answer. Simulated time.
   */
  it("stays within the window with almost no 429s and finishes close to the window's bound", () => {
    const c = clock(0);
    const window = bucket(c.now, 240, 180_000);
    const events = new EventQueue();
    const at = (ms: number, run: () => void) => events.push(c.now() + ms, run);
    let throttled = 0;
    let sent = 0;
    let lastAdmitted = 0;
    const processes = [0, 1, 2].map(() => new ResourceWindows({ now: c.now }));
    const send = (w: ResourceWindows) => {
      const t = w.ticket(SUB, PUT_VM);
      const attempt = () => {
        const r = w.reserve(t);
        if (r.retry || r.waitMs > 0) return at(r.waitMs, attempt);
        at(10, () => {
          const answer = window.take();
          at(10, () => {
            if (answer.ok) {
              sent++;
              lastAdmitted = c.now();
              w.observe(t, { status: 201, header: `Microsoft.Compute/PutVM3Min;${answer.remaining}` });
            } else {
              throttled++;

              w.observe(t, {
                status: 429,
                header: "Microsoft.Compute/PutVM3Min;0",
                retryAfterMs: answer.retryAfterMs,
              });
              at(answer.retryAfterMs, () => send(w)); // the SDK's retry: a new pass through the policy
            }
          });
        });
      };
      attempt();
    };
    for (const w of processes) for (let i = 0; i < 500; i++) send(w);
    for (let e = events.pop(); e; e = events.pop()) {
      c.advance(e.at - c.now());
      e.run();
    }
    expect(sent).toBe(1500);
    expect(throttled).toBeLessThanOrEqual(15); // ≤ 1 % of the requests
    const bound = ((1500 - 240) * 180_000) / 240; // the window's refill for everything past its size
    expect(lastAdmitted).toBeLessThanOrEqual(bound * 1.05);
  });
});
