import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { SearchParamsInput } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { pageTenant } from "@/lib/auth/page-context";
import { tenantWebhooks } from "@/lib/webhooks/owner";

export const metadata: Metadata = { title: "Webhooks" };

/** Owners only: an endpoint receives the tenant's events (VMs, operations, load balancers, DR, usage). */
export default async function TenantWebhooksPage(props: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageTenant((await props.params).tenant);
  if (ctx.role !== "owner") notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description={`Endpoints of your own systems that receive ${ctx.tenantName}'s events as they happen: VMs, operations, load balancers, disaster recovery and usage.`}
      />
      <WebhooksView
        owner={tenantWebhooks(ctx)}
        scope={ctx.tenantSlug}
        basePath={`/tenant/${ctx.tenantSlug}/webhooks`}
        searchParams={await props.searchParams}
        canChange={ctx.tenantState === "active"}
      />
    </div>
  );
}
