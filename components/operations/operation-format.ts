import { formatDuration } from "@/components/job-timeline-format";

type Timed = { state: string; startedAt: Date | null; endedAt: Date | null };
type Progressing = { state: string; stepsDone: number; stepsTotal: number; percent: number | null };

/** "4 min 10 s", "12 s so far" while running, null before it starts. */
export function describeDuration(op: Timed, now: Date): string | null {
  if (!op.startedAt) return null;
  const end = op.endedAt ?? (op.state === "running" ? now : null);
  if (!end) return null;
  const text = formatDuration(end.getTime() - op.startedAt.getTime());
  return op.endedAt ? text : `${text} so far`;
}

/** "3/6 steps" or "40%" while an operation is queued or running; null once it has finished. */
export function describeProgress(op: Progressing): string | null {
  if (op.state !== "running" && op.state !== "queued") return null;
  if (op.state === "running" && typeof op.percent === "number") return `${op.percent}%`;
  if (op.stepsTotal > 0) return `${op.stepsDone}/${op.stepsTotal} steps`;
  return null;
}

export const isActiveState = (state: string) => state === "queued" || state === "running";
