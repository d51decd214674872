/**
 * Where a bulk's time goes beyond the bound, VM by VM (issue 18): each VM's path from the submit to its operation's
 * end, cut at what the portal and Azure did — the job's start, the VM PUT reaching Azure, Azure's answer stored, the
 * moment Azure had finished (the PUT's acceptance + the modelled create), the poll that saw it, the operation's end.
 * The medians show what every VM pays, the p95 and the last VM what the wall time pays.
 */
export type VmTimes = {
  name: string;
  submittedAt: number;
  startedAt: number | null;
  putSentAt: number | null;
  putAcceptedAt: number | null;
  answerStoredAt: number | null;
  doneSeenAt: number | null;
  endedAt: number | null;
};

export type Phase = { name: string; median: number; p95: number; last: number | null };

type At = (v: VmTimes, createMs: number) => number | null;
const at =
  (k: Exclude<keyof VmTimes, "name">): At =>
  (v) =>
    v[k];
/** Azure's end of the create: its acceptance of the PUT + the modelled create. */
const azureDone: At = (v, createMs) => (v.putAcceptedAt === null ? null : v.putAcceptedAt + createMs);

const PHASES: { name: string; from: At; to: At }[] = [
  { name: "submit → job started", from: at("submittedAt"), to: at("startedAt") },
  { name: "job started → VM PUT sent (vnet first)", from: at("startedAt"), to: at("putSentAt") },
  { name: "PUT sent → accepted by Azure", from: at("putSentAt"), to: at("putAcceptedAt") },
  { name: "PUT accepted → answer stored", from: at("putAcceptedAt"), to: at("answerStoredAt") },
  { name: "Azure done (modelled) → poll saw it", from: azureDone, to: at("doneSeenAt") },
  { name: "poll saw it → operation ended", from: at("doneSeenAt"), to: at("endedAt") },
  { name: "submit → operation ended", from: at("submittedAt"), to: at("endedAt") },
];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * q))] : NaN;
};

/** Seconds spent in each phase: median, p95, and for the VM whose operation ended last. */
export function vmPhases(vms: VmTimes[], createMs: number): Phase[] {
  const last = vms.filter((v) => v.endedAt !== null).sort((a, b) => b.endedAt! - a.endedAt!)[0];
  const span = (v: VmTimes, p: (typeof PHASES)[number]) => {
    const [from, to] = [p.from(v, createMs), p.to(v, createMs)];
    return from === null || to === null ? null : (to - from) / 1000;
  };
  return PHASES.map((p) => {
    const xs = vms.map((v) => span(v, p)).filter((x): x is number => x !== null);
    return { name: p.name, median: quantile(xs, 0.5), p95: quantile(xs, 0.95), last: last ? span(last, p) : null };
  });
}
