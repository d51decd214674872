import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokenTable, tokenTableParams } from "@/components/api-tokens/token-table";
import type { SearchParamsInput } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { createStaffApiTokenAction, revokeStaffApiTokenAction } from "@/lib/api-tokens/actions";
import { listStaffApiTokens } from "@/lib/api-tokens/queries";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "API tokens" };

export default async function AdminApiTokensPage({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  const { params, filter } = tokenTableParams(await searchParams);
  const tokens = await listStaffApiTokens(ctx, filter);
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Provider tokens for the REST API (
            <a className="underline" href="/api/docs">
              reference
            </a>
            ): admin tokens manage the offer and every tenant&apos;s operations; helpdesk tokens read operations across
            tenants.
          </>
        }
      />
      <CreateTokenForm
        action={createStaffApiTokenAction}
        choice={{
          name: "scope",
          label: "Acts as",
          defaultValue: "helpdesk",
          description: "Helpdesk is read-only.",
          options: [
            { value: "helpdesk", label: "Helpdesk" },
            { value: "admin", label: "Admin" },
          ],
        }}
      />
      <TokenTable list={tokens} params={params} revokeAction={(id) => revokeStaffApiTokenAction.bind(null, id)} />
    </div>
  );
}
