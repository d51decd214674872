import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { isActiveState } from "@/components/operations/operation-format";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { pageStaff } from "@/lib/auth/page-context";
import { NotFound } from "@/lib/errors";
import { getTenantDetail, listSubscribablePlans } from "@/lib/tenancy/queries";
import { MembersPanel } from "./members-panel";
import { OverviewPanel } from "./overview-panel";
import { SubscriptionsPanel } from "./subscriptions-panel";
import { TenantTabs } from "./tenant-tabs";

export const metadata: Metadata = { title: "Tenant" };

export default async function TenantDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const ctx = await pageStaff("admin");
  const { id } = await params;
  const tenant = await getTenantDetail(ctx, id).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const plans = await listSubscribablePlans(ctx);
  const activeSubscriptions = tenant.subscriptions.filter((s) => s.state !== "cancelled").length;
  // A subscription's provisioning (or deletion) is followed live until its operation ends (issue 12: it stayed
  // "Provisioning Running" after a 171 ms operation until a reload).
  const isLive = tenant.subscriptions.some(
    (s) => s.state === "cancelling" || (s.lastOperation && isActiveState(s.lastOperation.state)),
  );
  return (
    <div>
      {isLive && <AutoRefresh isLive />}
      <PageHeader
        title={tenant.name}
        meta={<StatusBadge state={tenant.state} />}
        description={<span className="font-mono">/tenant/{tenant.slug}</span>}
        breadcrumbs={[{ label: "Tenants", href: "/admin/tenants" }, { label: tenant.name }]}
      />
      <TenantTabs
        initialTab={(await searchParams).tab}
        counts={{ members: tenant.members.length, subscriptions: activeSubscriptions }}
        overview={<OverviewPanel tenant={tenant} activeSubscriptions={activeSubscriptions} />}
        members={<MembersPanel tenantId={tenant.id} tenantName={tenant.name} members={tenant.members} />}
        subscriptions={<SubscriptionsPanel tenant={tenant} plans={plans} />}
      />
    </div>
  );
}
