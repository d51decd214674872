import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { NotAvailable } from "@/components/not-available";
import { pageTenant } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operations" };

export default async function TenantOperations({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant);
  return (
    <div className="space-y-6">
      <PageHeader title="Operations" description={`Every change made in Azure for ${ctx.tenantName}, with its steps and outcome.`} />
      <NotAvailable explanation="Operations appear here once the portal runs changes in Azure (virtual machines, disaster recovery, load balancers)." />
    </div>
  );
}
