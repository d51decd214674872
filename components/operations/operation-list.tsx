import Link from "next/link";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { describeOperationKind } from "@/components/operations/operation-kind";
import { describeProgress } from "@/components/operations/operation-format";
import type { OperationListItem } from "@/lib/jobs/queries";

type Props = {
  rows: OperationListItem[];
  /** Where each operation's timeline lives: `${basePath}/${id}`. */
  basePath: string;
  label: string;
  emptyText: string;
  /** Off on an object's own page, where every row is about that object. */
  showTarget?: boolean;
};

/** A short list of operations, newest first, each linking to its timeline; the full list with filters is the Operations page. */
export function OperationList({ rows, basePath, label, emptyText, showTarget = true }: Props) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{emptyText}</p>;
  return (
    <ul className="divide-y" aria-label={label}>
      {rows.map((op) => (
        <li key={op.id} className="flex items-center justify-between gap-3 py-2.5 text-sm">
          <span className="min-w-0">
            <Link href={`${basePath}/${op.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
              {describeOperationKind(op.kind)}
              {showTarget && `: ${op.targetName}`}
            </Link>
            <span className="block text-xs text-muted-foreground">
              {op.actor?.name ?? "System"} · <RelativeTime date={op.createdAt} />
              {op.state === "failed" && op.errorCode ? ` · ${op.errorCode}` : ""}
            </span>
          </span>
          <span className="flex shrink-0 items-center gap-2">
            {describeProgress(op) && (
              <span className="text-xs text-muted-foreground tabular-nums">{describeProgress(op)}</span>
            )}
            <StatusBadge state={op.state} />
          </span>
        </li>
      ))}
    </ul>
  );
}
