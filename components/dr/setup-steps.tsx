import Link from "next/link";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormAlert } from "@/components/form-alert";
import { StatusBadge } from "@/components/status-badge";
import type { ActionResult } from "@/lib/utils/action-result";

export const SETUP_STEPS = [
  { key: "targets", field: "targetsState", label: "Storage account and network in the tenant's subscription" },
  { key: "policy", field: "policyState", label: "Replication policy and its association with the cloud" },
  { key: "mapping", field: "mappingState", label: "Network mapping" },
] as const;

type Setup = { targetsState: string; policyState: string; mappingState: string; lastError: string | null };

/** A DR setup's three steps with their state; `rerun` (admin, or the tenant's owner) adds a "Run again" per step. */
export function SetupSteps({
  setup,
  rerun,
  isBusy,
  operationHref,
}: {
  setup: Setup;
  rerun?: (form: FormData) => Promise<ActionResult>;
  isBusy: boolean;
  operationHref?: string;
}) {
  return (
    <div className="space-y-3">
      {SETUP_STEPS.map((x, n) => (
        <div key={x.key} className="flex flex-wrap items-center justify-between gap-2 border-b pb-2 last:border-0">
          <span>
            {n + 1}. {x.label}
          </span>
          <span className="flex items-center gap-2">
            <StatusBadge state={setup[x.field]} />
            {rerun && (
              <ConfirmDialog
                trigger="Run again"
                triggerVariant="outline"
                triggerSize="sm"
                isDestructive={false}
                title={`Run step ${n + 1} again?`}
                description="Every call is a PUT of the same names, so running it again converges."
                action={rerun}
                fields={{ step: x.key }}
                confirmLabel="Run"
                disabled={isBusy}
              />
            )}
          </span>
        </div>
      ))}
      {setup.lastError && <FormAlert>{setup.lastError}</FormAlert>}
      {operationHref && (
        <Link className="text-sm underline" href={operationHref}>
          Latest setup operation and its steps
        </Link>
      )}
    </div>
  );
}

export const isSetupBusy = (setup: Setup | null | undefined, operations: { state: string }[]) =>
  Boolean(setup && SETUP_STEPS.some((x) => setup[x.field] === "running")) ||
  operations.some((o) => o.state === "queued" || o.state === "running");
