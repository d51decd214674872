import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import type { SearchParamsInput } from "@/components/data-table";
import { OperationsConsole } from "@/components/operations/operations-console";
import { pageTenant } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operations" };

export default async function TenantOperations(props: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageTenant((await props.params).tenant);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Operations"
        description={`Every change made in Azure for ${ctx.tenantName}, with its steps and outcome.`}
      />
      <OperationsConsole
        access={{ tenantId: ctx.tenantId }}
        searchParams={await props.searchParams}
        basePath={`/tenant/${ctx.tenantSlug}/operations`}
      />
    </div>
  );
}
