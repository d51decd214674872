import type { Metadata } from "next";
import Link from "next/link";
import { Building2, CloudCog, Layers, Users } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { StatCard } from "@/components/stat-card";
import { NotAvailable } from "@/components/not-available";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/relative-time";
import { pageStaff } from "@/lib/auth/page-context";
import { getProviderCounts } from "@/lib/tenancy/queries";
import { listAuditEvents } from "@/lib/audit/queries";
import { describeAuditAction } from "@/lib/audit/labels";

export const metadata: Metadata = { title: "Provider dashboard" };

export default async function AdminDashboard() {
  const ctx = await pageStaff("admin");
  const [counts, recent] = await Promise.all([getProviderCounts(), listAuditEvents(ctx, { skip: 0, take: 8 })]);
  return (
    <div className="space-y-6">
      <PageHeader title="Provider dashboard" description="Your Azure offer, your customers and what happened recently." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Azure subscriptions" value={counts.subscriptions} hint="Onboarded into the portal" icon={CloudCog} />
        <StatCard label="Plans" value={counts.plans} hint={`${counts.tenantSubscriptions} active tenant subscriptions`} icon={Layers} />
        <StatCard label="Tenants" value={counts.tenants} hint={counts.suspended ? `${counts.suspended} suspended` : "All active"} icon={Building2} />
        <StatCard label="Users" value={counts.users} hint="Staff and tenant members" icon={Users} />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader className="flex flex-row items-center justify-between">
            <CardTitle>Recent activity</CardTitle>
            <Link href="/admin/audit" className="text-sm font-medium text-primary hover:underline">
              Open audit log
            </Link>
          </CardHeader>
          <CardContent>
            <ul className="divide-y">
              {recent.rows.map((e) => (
                <li key={e.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                  <span className="min-w-0 truncate">
                    <span className="font-medium">{e.actorEmail ?? "system"}</span>{" "}
                    <span className="text-muted-foreground">{describeAuditAction(e.action, e.outcome)}</span>
                    {e.targetName && <span className="font-medium"> {e.targetName}</span>}
                  </span>
                  <RelativeTime date={e.at} className="shrink-0 text-xs text-muted-foreground" />
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <NotAvailable
          title="Usage and health charts are not available yet"
          explanation="VMs per plan and tenant, operations by outcome and quota usage per subscription appear here once subscriptions, plans and operations are built."
        />
      </div>
    </div>
  );
}
