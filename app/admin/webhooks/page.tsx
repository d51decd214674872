import type { Metadata } from "next";
import type { SearchParamsInput } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { AllowList } from "@/components/webhooks/allow-list";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { pageStaff } from "@/lib/auth/page-context";
import { addAllowEntryAction, removeAllowEntryAction } from "@/lib/webhooks/actions";
import { providerWebhooks } from "@/lib/webhooks/owner";
import { listAllowEntries } from "@/lib/webhooks/queries";

export const metadata: Metadata = { title: "Webhooks" };

/** The provider's endpoints receive every tenant's events; the allow-list applies to every endpoint. */
export default async function AdminWebhooksPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const entries = await listAllowEntries();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Endpoints of the provider's own systems (billing, monitoring, CMDB): they receive every tenant's events. Tenant owners add endpoints for their own events on their tenant's Webhooks page."
      />
      <WebhooksView
        owner={providerWebhooks(ctx)}
        scope={null}
        basePath="/admin/webhooks"
        searchParams={await searchParams}
        canChange
      />
      <AllowList
        entries={entries.map((e) => ({ ...e, remove: removeAllowEntryAction.bind(null, e.id) }))}
        add={addAllowEntryAction}
      />
    </div>
  );
}
