import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { describeOperationKind } from "@/components/operations/operation-kind";
import { FormAlert } from "@/components/form-alert";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageNotFound, pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { drItemAction } from "@/lib/dr/actions";
import { getProtectedItemDetail } from "@/lib/dr/queries";
import { isReplicationMoving, replicationSummary } from "@/lib/dr/replication";
import { busyWith } from "@/lib/dr/rules";
import { ItemActionDialog } from "./item-action-dialog";
import { kinds } from "@/lib/operations/kinds";

export const metadata: Metadata = { title: "Protected VM" };

type Job = { friendlyName: string; state: string; tasks: { name: string; state: string }[]; errors: string[] };
type ActionDef = {
  action: string;
  label: string;
  needs: string;
  when?: (s: string | null) => boolean;
  title: string;
  description: string;
  isDestructive: boolean;
};

const ACTIONS: ActionDef[] = [
  {
    action: "testFailover",
    label: "Test failover",
    needs: "TestFailover",
    title: "Run a test failover?",
    description:
      "Creates a copy of the VM in Azure, in an isolated test network, from the latest recovery point. Replication continues; clean up when you have checked it.",
    isDestructive: false,
  },
  {
    action: "testFailoverCleanup",
    label: "Clean up test failover",
    needs: "TestFailoverCleanup",
    title: "Clean up the test failover?",
    description: "Deletes the test VM in Azure and records the test as complete, with your notes.",
    isDestructive: false,
  },
  {
    action: "plannedFailover",
    label: "Planned failover",
    needs: "PlannedFailover",
    when: (s) => s !== "FailoverCommitted",
    title: "Fail over to Azure (planned)?",
    description: "Shuts the on-premises VM down, synchronises the last changes (no data loss) and starts it in Azure.",
    isDestructive: true,
  },
  {
    action: "unplannedFailover",
    label: "Unplanned failover",
    needs: "UnplannedFailover",
    title: "Fail over to Azure now?",
    description:
      "Starts the VM in Azure from the recovery point you choose. Changes after that point are lost. Use this when the on-premises site is down.",
    isDestructive: true,
  },
  {
    action: "commit",
    label: "Commit",
    needs: "Commit",
    title: "Commit the failover?",
    description: "Makes the current side final; you cannot go back to another recovery point afterwards.",
    isDestructive: true,
  },
  {
    action: "failback",
    label: "Fail back",
    needs: "PlannedFailover",
    when: (s) => s === "FailoverCommitted",
    title: "Fail back to on-premises?",
    description: "Shuts down the VM in Azure, synchronises its data back and starts it on-premises.",
    isDestructive: true,
  },
  {
    action: "reprotect",
    label: "Reprotect",
    needs: "ReverseReplicate",
    title: "Protect the VM again?",
    description: "Starts replication to Azure again.",
    isDestructive: false,
  },
  {
    action: "disableProtection",
    label: "Disable protection",
    needs: "DisableProtection",
    title: "Disable protection?",
    description: "Stops replication and removes the recovery points. The on-premises VM keeps running.",
    isDestructive: true,
  },
];

const time = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default async function ProtectedItemPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  const ctx = await pageTenant(tenant);
  // Another tenant's protected VM is the same 404 as a missing one, and is audited as a denied attempt.
  const { item, operations, rpo } = await getProtectedItemDetail(ctx, id).catch(pageNotFound);
  const canAct = roleAllows(ctx.role, "operator");
  const job = item.lastJob as Job | null;
  const running = operations.filter((o) => o.state === "queued" || o.state === "running");
  // The service refuses an action while another runs (lib/dr/rules.ts busyWith); the buttons follow the same rule.
  const busy = busyWith(item, operations, kinds.dr.followReplication);
  const action = busy !== null && typeof busy === "object" ? busy : undefined;
  const isBusy = busy !== null;
  const isLive = running.length > 0 || isBusy || isReplicationMoving(item);
  const policy = item.container.setup;
  const rpoTarget = policy?.copyFrequencySeconds ?? 0;
  const summary = replicationSummary(item);

  return (
    <div className="space-y-6">
      <AutoRefresh isLive={isLive} />
      <PageHeader
        title={item.vmName}
        meta={
          <StatusBadge
            state={
              item.replicationHealth === "Normal"
                ? "succeeded"
                : item.replicationHealth === "Critical"
                  ? "failed"
                  : "running"
            }
            label={`Health: ${item.replicationHealth ?? "unknown"}`}
          />
        }
        description={`${item.protectionDescription ?? item.protectionState ?? "Enabling protection"} · ${item.failoverState}`}
        breadcrumbs={[{ label: "Disaster recovery", href: `/tenant/${tenant}/dr` }, { label: item.vmName }]}
      />
      {item.errorMessage && <FormAlert>{item.errorMessage}</FormAlert>}
      {canAct && (
        <div className="flex flex-wrap gap-2">
          {ACTIONS.filter(
            (a) => item.allowedOperations.includes(a.needs) && (!a.when || a.when(item.protectionState)),
          ).map((a) => (
            <ItemActionDialog
              key={a.action}
              action={a.action}
              label={a.label}
              title={a.title}
              description={a.description}
              isDestructive={a.isDestructive}
              run={drItemAction.bind(null, tenant, item.id)}
              confirmText={
                a.action === "disableProtection" || a.action === "unplannedFailover" ? item.vmName : undefined
              }
              disabled={isBusy}
            />
          ))}
          {item.allowedOperations.length === 0 && (
            <span className="text-sm text-muted-foreground">
              No action is possible while Azure is working on this VM.
            </span>
          )}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Replication</CardTitle>
          </CardHeader>
          <CardContent className="space-y-1 text-sm">
            {action && (
              <p>
                <Link className="underline" href={`/tenant/${tenant}/operations/${action.id}`}>
                  {describeOperationKind(action.kind)}
                </Link>{" "}
                {action.state === "queued"
                  ? "queued"
                  : `running${action.percent != null ? `: ${action.percent} %` : ""}`}
              </p>
            )}
            <p>Replication: {summary.replication}</p>
            <p>Last recovery point: {time(item.lastRecoveryPointAt)}</p>
            <p>
              Current RPO: {summary.rpo}
              {summary.isReplicating && ` (policy copies every ${rpoTarget} s)`}
              {summary.isReplicating && item.rpoSeconds != null && rpoTarget > 0 && item.rpoSeconds > rpoTarget * 2 && (
                <strong className="text-destructive"> — behind</strong>
              )}
            </p>
            <p>
              Azure VM: {item.targetVmName}
              {item.targetSize && ` (${item.targetSize})`} · {item.osType} · network {policy?.vnetName}/
              {item.subnetName} · storage {policy?.storageAccount}
            </p>
            <p>Active location: {item.activeLocation ?? "—"}</p>
            <p>
              Last test failover: {time(item.lastTestFailoverAt)}
              {item.lastTestFailoverNotes && ` — “${item.lastTestFailoverNotes}”`}
            </p>
            <p>
              RPO samples:{" "}
              {rpo
                .map((r) => r.rpoSeconds)
                .slice(-12)
                .join(" · ") || "none yet"}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Last ASR job</CardTitle>
          </CardHeader>
          <CardContent className="text-sm">
            {!job ? (
              <p className="text-muted-foreground">No job recorded yet.</p>
            ) : (
              <>
                <p className="mb-2 flex items-center gap-2">
                  {job.friendlyName} <StatusBadge state={job.state} />
                </p>
                <ol className="space-y-1">
                  {job.tasks.map((t, n) => (
                    <li key={n} className="flex justify-between gap-2">
                      <span>
                        {n + 1}. {t.name}
                      </span>
                      <StatusBadge state={t.state} />
                    </li>
                  ))}
                </ol>
                {job.errors.map((e, n) => (
                  <FormAlert key={n}>{e}</FormAlert>
                ))}
              </>
            )}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Operations</CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          <ul className="space-y-1">
            {operations.map((o) => (
              <li key={o.id} className="flex justify-between">
                <Link className="underline" href={`/tenant/${tenant}/operations/${o.id}`}>
                  {describeOperationKind(o.kind)}
                </Link>
                <span className="flex gap-2">
                  {time(o.createdAt)} <StatusBadge state={o.state} />
                </span>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </div>
  );
}
