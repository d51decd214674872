import Link from "next/link";
import { Layers, Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { CopyButton } from "@/components/copy-button";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cancelTenantSubscriptionAction } from "@/lib/tenancy/actions";
import { SubscribeTenantDialog, type PlanOption } from "./subscribe-tenant-dialog";

type Subscription = {
  id: string;
  name: string;
  state: string;
  resourceGroup: string;
  plan: { name: string; state: string };
  lastOperation: { id: string; kind: string; state: string } | null;
};

const operationLabel = (kind: string) =>
  kind.endsWith(".deprovision") ? "Deletion" : kind.endsWith(".provision") ? "Provisioning" : kind;

export function SubscriptionsPanel({
  tenant,
  plans,
}: {
  tenant: { id: string; name: string; state: string; subscriptions: Subscription[] };
  plans: PlanOption[];
}) {
  const isSuspended = tenant.state === "suspended";
  const subscribe = (
    <SubscribeTenantDialog tenantId={tenant.id} tenantName={tenant.name} plans={plans} isSuspended={isSuspended} />
  );
  if (tenant.subscriptions.length === 0) {
    return (
      <EmptyState
        icon={Layers}
        title="No subscriptions yet"
        description={`Subscribe ${tenant.name} to a plan: a resource group is created for it in the plan's Azure subscription, and its members can then create resources within the plan's quotas.`}
        action={subscribe}
      />
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Each subscription has its own resource group in its plan&apos;s Azure subscription.
        </p>
        {subscribe}
      </div>
      <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
        <Table aria-label="Subscriptions">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead>Plan</TableHead>
              <TableHead>State</TableHead>
              <TableHead className="max-lg:hidden">Resource group</TableHead>
              <TableHead className="max-md:hidden">Last operation</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tenant.subscriptions.map((s) => (
              <TableRow key={s.id}>
                <TableCell className="font-medium">{s.name}</TableCell>
                <TableCell>
                  {s.plan.name}
                  {s.plan.state !== "public" && <StatusBadge state={s.plan.state} className="ml-2" />}
                </TableCell>
                <TableCell>
                  <StatusBadge state={s.state} />
                </TableCell>
                <TableCell className="max-lg:hidden">
                  <span className="inline-flex items-center gap-1 font-mono text-xs">
                    {s.resourceGroup}
                    <CopyButton value={s.resourceGroup} label="Copy the resource group name" />
                  </span>
                </TableCell>
                <TableCell className="max-md:hidden">
                  {s.lastOperation ? (
                    <Link
                      href={`/admin/operations/${s.lastOperation.id}`}
                      className="inline-flex items-center gap-2 text-sm hover:underline focus-visible:underline focus-visible:outline-none"
                    >
                      {operationLabel(s.lastOperation.kind)} <StatusBadge state={s.lastOperation.state} />
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  {s.state === "active" && (
                    <ConfirmDialog
                      trigger={
                        <>
                          <Trash2 aria-hidden /> <span className="max-lg:sr-only">Cancel</span>
                        </>
                      }
                      triggerVariant="ghost"
                      triggerSize="sm"
                      triggerClassName="text-destructive hover:text-destructive"
                      title={`Cancel ${s.name}?`}
                      description={
                        <>
                          This deletes the resource group <span className="font-mono">{s.resourceGroup}</span> and{" "}
                          <strong>everything in it</strong> — virtual machines, disks, networks, public IPs — as an
                          operation you can follow. It cannot be undone.
                        </>
                      }
                      confirmText={s.name}
                      confirmLabel="Cancel subscription"
                      pendingLabel="Cancelling…"
                      successMessage={`${s.name} is being cancelled: its resource group is being deleted.`}
                      action={cancelTenantSubscriptionAction.bind(null, tenant.id, s.id)}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
