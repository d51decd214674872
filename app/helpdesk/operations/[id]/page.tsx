import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OperationView } from "@/components/operations/operation-view";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operation" };

export default async function HelpdeskOperation({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await pageStaff("helpdesk");
  const { id } = await params;
  // An admin's view of an operation (with Cancel and Retry) lives in the admin area; older links and bookmarks land here.
  if (ctx.staffRole === "admin") redirect(`/admin/operations/${encodeURIComponent(id)}`);
  return <OperationView id={id} access={{ staff: ctx }} listPath="/helpdesk/operations" />;
}
