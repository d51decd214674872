import { JobTimeline, type JobStep } from "@/components/job-timeline";
import type { OperationDetail } from "@/lib/jobs/queries";

/** The JobTimeline fed from recorded steps; a failed step's detail leads with its ARM code. */
export function OperationSteps({ steps, now }: { steps: OperationDetail["steps"]; now: Date }) {
  const timeline: JobStep[] = steps.map((s) => ({
    name: s.name,
    state: s.state,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    attempt: s.attempt,
    detail: s.state === "failed" && s.errorCode ? `${s.errorCode}: ${s.detail ?? "no message"}` : s.detail,
    requestId: s.requestId,
    correlationId: s.correlationId,
    percent: s.percent,
  }));
  return <JobTimeline steps={timeline} now={now} />;
}
