import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import type { SearchParamsInput } from "@/components/data-table";
import { OperationsConsole } from "@/components/operations/operations-console";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operations" };

export default async function HelpdeskOperations({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("helpdesk");
  return (
    <div className="space-y-6">
      <PageHeader title="Operations" description="Every job across all tenants: what ran, which step failed, and Azure's error and request id." />
      <OperationsConsole access={{ staff: ctx }} searchParams={await searchParams} basePath="/helpdesk/operations" />
    </div>
  );
}
