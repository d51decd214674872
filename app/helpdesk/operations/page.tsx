import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { NotAvailable } from "@/components/not-available";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operations" };

export default async function HelpdeskOperations() {
  await pageStaff("helpdesk");
  return (
    <div className="space-y-6">
      <PageHeader title="Operations" description="Every job across all tenants: what ran, which step failed, and Azure's error and request id." />
      <NotAvailable explanation="The operations console lists jobs once the portal runs changes in Azure. Nothing has run yet." />
    </div>
  );
}
