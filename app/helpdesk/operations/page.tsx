import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import type { SearchParamsInput } from "@/components/data-table";
import { OperationsConsole } from "@/components/operations/operations-console";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operations" };

export default async function HelpdeskOperations({ searchParams }: { searchParams: Promise<SearchParamsInput> }) {
  const ctx = await pageStaff("helpdesk");
  const params = await searchParams;
  // Admins have this console in their own area, where the navigation stays the admin's.
  if (ctx.staffRole === "admin") redirect(`/admin/operations${toQuery(params)}`);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Operations"
        description="Every job across all tenants: what ran, which step failed, and Azure's error and request id."
      />
      <OperationsConsole access={{ staff: ctx }} searchParams={params} basePath="/helpdesk/operations" />
    </div>
  );
}

function toQuery(params: SearchParamsInput) {
  const query = new URLSearchParams(params instanceof URLSearchParams ? params : undefined);
  if (!(params instanceof URLSearchParams))
    for (const [key, value] of Object.entries(params)) for (const v of [value ?? []].flat()) query.append(key, v);
  const text = query.toString();
  return text ? `?${text}` : "";
}
