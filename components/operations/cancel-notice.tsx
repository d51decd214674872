import { Ban } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";

type CancelNoticeProps = {
  state: string;
  cancelRequestedAt: Date | null;
  cancelRequestedBy: string | null;
  /** The cancelled operation's message: who cancelled it and before which step it stopped. */
  message: string | null;
};

/** "Cancel requested — stops after the current step" while it runs on, then where the cancelled operation stopped. */
export function CancelNotice({ state, cancelRequestedAt, cancelRequestedBy, message }: CancelNoticeProps) {
  const isPending = (state === "queued" || state === "running") && cancelRequestedAt !== null;
  if (!isPending && state !== "cancelled") return null;
  return (
    <section aria-label="Cancellation" className="rounded-xl border border-warning/40 bg-warning/10 p-4">
      <div className="flex gap-3">
        <Ban aria-hidden className="mt-0.5 size-5 shrink-0 text-warning" />
        <div className="min-w-0 space-y-1 text-sm">
          {isPending ? (
            <>
              <h2 className="font-semibold">Cancel requested — stops after the current step</h2>
              <p>
                {cancelRequestedBy ?? "An admin"} asked to cancel <RelativeTime date={cancelRequestedAt!} />. A step
                already talking to Azure finishes first; the next one does not start.
              </p>
            </>
          ) : (
            <>
              <h2 className="font-semibold">This operation was cancelled</h2>
              <p className="break-words">{message ?? "It was cancelled before it finished."}</p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
