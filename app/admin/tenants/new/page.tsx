import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { pageStaff } from "@/lib/auth/page-context";
import { CreateTenantForm } from "./create-tenant-form";

export const metadata: Metadata = { title: "Create tenant" };

export default async function NewTenantPage() {
  await pageStaff("admin");
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Create tenant"
        description="A tenant is one customer organisation. Its people sign in with their own accounts; you can add more members and subscribe it to plans afterwards."
        breadcrumbs={[{ label: "Tenants", href: "/admin/tenants" }, { label: "Create tenant" }]}
      />
      <CreateTenantForm />
    </div>
  );
}
