import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokenTable, tokenTableParams } from "@/components/api-tokens/token-table";
import type { SearchParamsInput } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { createTenantApiTokenAction, revokeTenantApiTokenAction } from "@/lib/api-tokens/actions";
import { listTenantApiTokens } from "@/lib/api-tokens/queries";
import { pageTenant } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "API tokens" };

/**
 * Owners only: a token can carry the owner role, so only an owner may mint or revoke one. While the tenant is suspended
 * the owner still sees the list (like every page), read-only.
 */
export default async function TenantApiTokensPage(props: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageTenant((await props.params).tenant);
  if (ctx.role !== "owner") notFound();
  const { params, filter } = tokenTableParams(await props.searchParams);
  const tokens = await listTenantApiTokens(ctx, filter);
  const isActive = ctx.tenantState === "active";
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens for scripts and tools that use {ctx.tenantName}&apos;s REST API (
            <a className="underline" href="/api/docs">
              reference
            </a>
            ). Each acts with the role you choose; readers cannot change anything.
          </>
        }
      />
      {isActive && (
        <CreateTokenForm
          action={createTenantApiTokenAction.bind(null, ctx.tenantSlug)}
          choice={{
            name: "role",
            label: "Role",
            defaultValue: "reader",
            description: "Reader is read-only.",
            options: [
              { value: "reader", label: "Reader" },
              { value: "operator", label: "Operator" },
              { value: "owner", label: "Owner" },
            ],
          }}
        />
      )}
      <TokenTable
        list={tokens}
        params={params}
        revokeAction={isActive ? (id) => revokeTenantApiTokenAction.bind(null, ctx.tenantSlug, id) : null}
      />
    </div>
  );
}
