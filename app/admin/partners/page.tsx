import type { Metadata } from "next";
import Link from "next/link";
import { Handshake } from "lucide-react";
import { DataTable, DataTableToolbar, parseTableParams, type SearchParamsInput } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { describeEmulatorPartner } from "@/lib/partners/builtin-emulator";
import { listPartnerConnections, type PartnerConnectionRow } from "@/lib/partners/queries";
import { ConnectPartnerForm } from "./connect-form";
import { CredentialExpiryBadge } from "@/components/credential-summary";

export const metadata: Metadata = { title: "CSP partners" };

/** Every Partner Center connection (an indirect provider and a direct-bill partner, two regions…) and "add another". */
export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const params = parseTableParams(await searchParams, { sortable: ["name"], defaultSort: "name" });
  const [{ items, total }, emulator] = await Promise.all([
    listPartnerConnections(ctx, { q: params.q || undefined, page: params.page, pageSize: params.pageSize }),
    describeEmulatorPartner(),
  ]);
  const isEmpty = total === 0 && !params.q;
  return (
    <div className="space-y-6">
      <PageHeader
        title="CSP partners"
        description="Onboard your Cloud Solution Provider customers' Azure subscriptions from Partner Center in one flow: consent, role assignment, onboarding and validation. Connect each partner organisation you run."
      />
      {items.some((c) => c.state === "validating") && <AutoRefresh isLive />}
      {!isEmpty && (
        <DataTable
          label="Partner Center connections"
          toolbar={<DataTableToolbar searchPlaceholder="Search by name, partner tenant or app id" />}
          columns={[
            { key: "name", header: "Connection" },
            { key: "state", header: "State" },
            { key: "credential", header: "Credential", hideBelow: "md" },
            { key: "customers", header: "Customers", align: "right" },
            { key: "synced", header: "Last sync", hideBelow: "lg" },
          ]}
          rows={items.map((c) => ({ id: c.id, cells: cells(c) }))}
          total={total}
          page={params.page}
          pageSize={params.pageSize}
        />
      )}
      <Card>
        <CardHeader>
          {isEmpty ? (
            <EmptyState
              bare
              icon={Handshake}
              title="No Partner Center connection yet"
              description="Connect your partner organisation's multi-tenant app registration. The portal lists your customers from Partner Center and onboards their Azure plan subscriptions."
            />
          ) : (
            <>
              <CardTitle>Add a connection</CardTitle>
              <CardDescription>
                Another partner organisation (or region) gets its own connection; connecting a partner tenant that is
                already here replaces its settings.
              </CardDescription>
            </>
          )}
        </CardHeader>
        <CardContent>
          <ConnectPartnerForm
            emulator={emulator}
            submitLabel={isEmpty ? "Connect Partner Center" : "Add the connection"}
          />
        </CardContent>
      </Card>
    </div>
  );
}

function cells(c: PartnerConnectionRow) {
  return {
    name: (
      <div>
        <Link href={`/admin/partners/${c.id}`} className="font-medium underline-offset-4 hover:underline">
          {c.displayName}
        </Link>
        <span className="block font-mono text-xs text-muted-foreground">{c.partnerTenantId}</span>
      </div>
    ),
    state: <StatusBadge state={c.state} />,
    credential: (
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {c.credentialKind === "certificate" ? "Certificate" : "Client secret"}
        <CredentialExpiryBadge notAfter={c.certificateNotAfter} />
      </div>
    ),
    customers: c.customerCount,
    synced: c.lastSyncedAt ? <RelativeTime date={c.lastSyncedAt} /> : "never",
  };
}
