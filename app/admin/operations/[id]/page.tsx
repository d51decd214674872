import type { Metadata } from "next";
import { OperationView } from "@/components/operations/operation-view";
import { pageStaff } from "@/lib/auth/page-context";

export const metadata: Metadata = { title: "Operation" };

export default async function AdminOperation({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await pageStaff("admin");
  return <OperationView id={(await params).id} access={{ staff: ctx }} listPath="/admin/operations" />;
}
