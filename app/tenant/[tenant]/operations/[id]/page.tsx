import type { Metadata } from "next";
import { OperationView } from "@/components/operations/operation-view";
import { pageTenant } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operation" };

export default async function TenantOperation({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  const ctx = await pageTenant(tenant);
  return (
    <OperationView
      id={id}
      access={{ tenantId: ctx.tenantId, user: ctx.user }}
      listPath={`/tenant/${ctx.tenantSlug}/operations`}
    />
  );
}
