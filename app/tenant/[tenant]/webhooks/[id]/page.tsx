import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { SearchParamsInput } from "@/components/data-table";
import { EndpointView } from "@/components/webhooks/endpoint-view";
import { pageTenant } from "@/lib/auth/page-context";
import { tenantWebhooks } from "@/lib/webhooks/owner";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function TenantWebhookEndpointPage(props: {
  params: Promise<{ tenant: string; id: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const { tenant, id } = await props.params;
  const ctx = await pageTenant(tenant);
  if (ctx.role !== "owner") notFound();
  return (
    <EndpointView
      owner={tenantWebhooks(ctx)}
      scope={ctx.tenantSlug}
      basePath={`/tenant/${ctx.tenantSlug}/webhooks`}
      listLabel="Webhooks"
      endpointId={id}
      searchParams={await props.searchParams}
      canChange={ctx.tenantState === "active"}
    />
  );
}
