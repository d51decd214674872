import type { Metadata } from "next";
import Link from "next/link";
import { Layers, Users } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { StatCard } from "@/components/stat-card";
import { EmptyState } from "@/components/empty-state";
import { NotAvailable } from "@/components/not-available";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageTenant } from "@/lib/auth/page-context";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { getTenantOverview } from "@/lib/tenancy/queries";

export const metadata: Metadata = { title: "Overview" };

export default async function TenantOverview({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant);
  const overview = await getTenantOverview(ctx);
  return (
    <div className="space-y-6">
      <PageHeader title={ctx.tenantName} description={`You are signed in as ${tenantRoleLabels[ctx.role].toLowerCase()} of ${ctx.tenantName}.`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Subscriptions" value={overview.subscriptions.length} hint="Plans you are subscribed to" icon={Layers} />
        <StatCard label="Members" value={overview.members} hint="People with access to this tenant" icon={Users} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Your subscriptions</CardTitle>
        </CardHeader>
        <CardContent>
          {overview.subscriptions.length === 0 ? (
            <EmptyState
              bare
              icon={Layers}
              title="No subscriptions yet"
              description={
                ctx.role === "owner"
                  ? "Choose one of your provider's plans to get a resource group in Azure with its quotas; it appears here once you subscribe."
                  : "An owner of your tenant, or your service provider, subscribes you to a plan; its resources and quotas then appear here."
              }
              action={
                ctx.role === "owner" && (
                  <Button asChild>
                    <Link href={`/tenant/${ctx.tenantSlug}/plans`}>Browse plans</Link>
                  </Button>
                )
              }
            />
          ) : (
            <ul className="divide-y">
              {overview.subscriptions.map((s) => (
                <li key={s.id} className="flex items-center justify-between gap-4 py-3">
                  <div>
                    <p className="font-medium">{s.name}</p>
                    <p className="text-sm text-muted-foreground">Plan: {s.plan.name}</p>
                  </div>
                  <StatusBadge state={s.state} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <NotAvailable
        title="Quota and resource summaries are not available yet"
        explanation="Quota bars, virtual machines by power state and recent operations appear here once self-service VMs are built."
      />
    </div>
  );
}
