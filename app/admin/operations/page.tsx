import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import type { SearchParamsInput } from "@/components/data-table";
import { OperationsConsole } from "@/components/operations/operations-console";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operations" };

/** The helpdesk's console inside the admin area, so an admin's links and navigation stay under /admin (issue 12). */
export default async function AdminOperations({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("admin");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Operations"
        description="Every job across all tenants: what ran, which step failed, and Azure's error and request id. Cancel a running one or retry a failed one from its page."
      />
      <OperationsConsole access={{ staff: ctx }} searchParams={await searchParams} basePath="/admin/operations" />
    </div>
  );
}
