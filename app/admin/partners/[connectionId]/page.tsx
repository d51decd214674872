import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Handshake, Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DataTable, DataTableToolbar, parseTableParams, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { deletePartnerConnectionAction, syncPartnerAction } from "@/lib/partners/actions";
import {
  findLastSync,
  findPartnerConnection,
  listPartnerCustomers,
  type CustomerRow,
  type PartnerConnectionView,
} from "@/lib/partners/queries";
import { ONBOARD_FORM_ID, OnboardSelectedForm } from "../onboard-form";
import { RotatePartnerSecretForm } from "../rotate-form";
import { CredentialSummary } from "@/components/credential-summary";

export const metadata: Metadata = { title: "CSP partner" };

export default async function PartnerConnectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ connectionId: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageStaff("admin");
  const { connectionId } = await params;
  const connection = await findPartnerConnection(ctx, connectionId);
  if (!connection) notFound();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ["name"], defaultSort: "name" });
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ label: "CSP partners", href: "/admin/partners" }, { label: connection.displayName }]}
        title={connection.displayName}
        meta={<StatusBadge state={connection.state} />}
        description="A Partner Center connection: its customers' Azure plan subscriptions, onboarded in one flow (consent, role assignment, onboarding and validation)."
        actions={
          <ConfirmDialog
            trigger={
              <>
                <Trash2 aria-hidden /> Delete connection
              </>
            }
            title={`Delete ${connection.displayName}?`}
            description="The portal forgets this partner's app, its sealed credential and its customer list. Subscriptions onboarded through it stay onboarded and keep working with their own copy of the credential. Nothing in Azure or Partner Center is changed."
            confirmText={connection.displayName}
            confirmLabel="Delete connection"
            action={deletePartnerConnectionAction.bind(null, connection.id)}
            successMessage="Connection deleted."
          />
        }
      />
      <ConnectionCard
        connection={connection}
        lastSync={await findLastSync(ctx, connection.id)}
        isRotateOpen={(query instanceof URLSearchParams ? query.get("rotate") : query.rotate) === "1"}
      />
      {connection.state === "active" && <CustomerPicker params={table} ctx={ctx} connectionId={connection.id} />}
    </div>
  );
}

function ConnectionCard({
  connection,
  lastSync,
  isRotateOpen,
}: {
  connection: PartnerConnectionView;
  lastSync: Awaited<ReturnType<typeof findLastSync>>;
  /** The dashboard's "rotate" link for an expiring certificate opens the rotation form. */
  isRotateOpen: boolean;
}) {
  const validation = connection.validation as { message?: string; customers?: number } | null;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-3">
          {connection.displayName} <StatusBadge state={connection.state} />
        </CardTitle>
        <CardDescription>
          Partner tenant <span className="font-mono">{connection.partnerTenantId}</span> · app{" "}
          <span className="font-mono">{connection.clientId}</span>
          {connection.cloud === "Custom" && <> · Partner Center at {connection.partnerCenterEndpoint}</>}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <p>
          <span className="text-muted-foreground">Signs in with:</span> <CredentialSummary credential={connection} />
        </p>
        {connection.state === "validating" && (
          <>
            <p role="status">Listing customers from Partner Center…</p>
            <AutoRefresh isLive />
          </>
        )}
        {connection.state === "active" && (
          <p>
            {validation?.customers ?? 0} customers, listed{" "}
            {connection.lastSyncedAt ? <RelativeTime date={connection.lastSyncedAt} /> : "never"}.
          </p>
        )}
        {connection.state === "error" && (
          <p role="alert" className="text-destructive">
            {lastSync?.errorMessage ?? validation?.message ?? "The last sync failed."}
            {lastSync?.errorCode && <> ({lastSync.errorCode})</>}
            {lastSync?.errorRequestId && <> · request id {lastSync.errorRequestId}</>}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <ActionButton variant="outline" action={syncPartnerAction.bind(null, connection.id)} pendingLabel="Starting…">
            Sync customers now
          </ActionButton>
          {lastSync && (
            <Link href={`/admin/operations/${lastSync.id}`} className="underline">
              Last sync operation ({lastSync.state})
            </Link>
          )}
        </div>
        <details id="rotate" open={isRotateOpen}>
          <summary className="cursor-pointer font-medium">Rotate the app&apos;s credential</summary>
          <div className="mt-3">
            <RotatePartnerSecretForm connectionId={connection.id} currentKind={connection.credentialKind} />
          </div>
        </details>
      </CardContent>
    </Card>
  );
}

async function CustomerPicker({
  params,
  ctx,
  connectionId,
}: {
  params: ReturnType<typeof parseTableParams>;
  ctx: Awaited<ReturnType<typeof pageStaff>>;
  connectionId: string;
}) {
  const { items, total } = await listPartnerCustomers(ctx, connectionId, {
    q: params.q || undefined,
    page: params.page,
    pageSize: params.pageSize,
  });
  // Followed live while an onboarding on this page is queued or running; idle pages are not re-rendered.
  const isBusy = items.some((c) =>
    c.subscriptions.some((s) => s.operation?.state === "queued" || s.operation?.state === "running"),
  );
  return (
    <section aria-labelledby="customers-heading" className="space-y-4">
      {isBusy && <AutoRefresh isLive />}
      <h2 id="customers-heading" className="text-lg font-semibold">
        Customers
      </h2>
      <DataTable
        label="Partner Center customers"
        toolbar={<DataTableToolbar searchPlaceholder="Search by company, domain or tenant id" />}
        columns={[
          { key: "name", header: "Customer" },
          { key: "subscriptions", header: "Azure plan subscriptions" },
        ]}
        rows={items.map((c) => ({ id: c.id, cells: { name: customerCell(c), subscriptions: subscriptionsCell(c) } }))}
        total={total}
        page={params.page}
        pageSize={params.pageSize}
        emptyState={
          params.q ? undefined : (
            <EmptyState
              bare
              icon={Handshake}
              title="No customers"
              description="Partner Center lists no customers for this partner. Add customers in Partner Center, then sync again."
            />
          )
        }
      />
      <OnboardSelectedForm connectionId={connectionId} />
    </section>
  );
}

function customerCell(c: CustomerRow) {
  return (
    <div>
      <span className="font-medium">{c.companyName}</span>
      <span className="block text-xs text-muted-foreground">{c.domain}</span>
      <span className="block font-mono text-xs text-muted-foreground">{c.tenantId}</span>
    </div>
  );
}

function subscriptionsCell(c: CustomerRow) {
  if (!c.hasAzurePlan)
    return <span className="text-muted-foreground">No Azure plan: buy one in Partner Center to onboard.</span>;
  if (c.subscriptions.length === 0)
    return <span className="text-muted-foreground">Azure plan without subscriptions yet.</span>;
  return (
    <ul className="space-y-2">
      {c.subscriptions.map((s) => {
        const busy = s.operation && (s.operation.state === "queued" || s.operation.state === "running");
        const id = `sub-${s.subscriptionId}`;
        return (
          <li key={s.subscriptionId} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <input
              id={id}
              type="checkbox"
              name="subscription"
              value={`${c.tenantId}/${s.subscriptionId}`}
              form={ONBOARD_FORM_ID}
              disabled={Boolean(s.onboarded) || Boolean(busy)}
              className="size-4 accent-primary"
            />
            <label htmlFor={id}>
              {s.friendlyName} <span className="font-mono text-xs text-muted-foreground">{s.subscriptionId}</span>
            </label>
            {s.onboarded && (
              <Link
                href={`/admin/subscriptions/${s.onboarded.id}`}
                className="inline-flex items-center gap-1 underline"
              >
                Onboarded <StatusBadge state={s.onboarded.state} />
              </Link>
            )}
            {s.operation && !s.onboarded && (
              <Link href={`/admin/operations/${s.operation.id}`} className="inline-flex items-center gap-1 underline">
                Onboarding <StatusBadge state={s.operation.state} />
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
