import type { Metadata } from "next";
import type { SearchParamsInput } from "@/components/data-table";
import { EndpointView } from "@/components/webhooks/endpoint-view";
import { pageStaff } from "@/lib/auth/page-context";
import { providerWebhooks } from "@/lib/webhooks/owner";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function AdminWebhookEndpointPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageStaff("admin");
  return (
    <EndpointView
      owner={providerWebhooks(ctx)}
      scope={null}
      basePath="/admin/webhooks"
      listLabel="Webhooks"
      endpointId={(await props.params).id}
      searchParams={await props.searchParams}
      canChange
    />
  );
}
