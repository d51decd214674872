import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { listAllowedRegionNames, listAttachableSubscriptions } from "@/lib/plans/queries";
import { quotaFieldNames, quotaFields, type PlanQuotas } from "@/lib/plans/schema";
import { PlanForm } from "../plan-form";

export const metadata: Metadata = { title: "New plan" };

const defaultQuotas = Object.fromEntries(quotaFieldNames.map((f) => [f, quotaFields[f].defaultValue])) as PlanQuotas;

export default async function NewPlanPage() {
  const ctx = await pageStaff("admin");
  const [subscriptions, regions] = await Promise.all([listAttachableSubscriptions(ctx), listAllowedRegionNames()]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="New plan"
        description="Choose the Azure subscription the plan runs in, what tenants may create and how much of it."
        breadcrumbs={[{ label: "Plans", href: "/admin/plans" }, { label: "New plan" }]}
      />
      <Card>
        <CardContent className="py-6">
          <PlanForm
            initial={{
              name: "",
              description: "",
              state: "private",
              azureSubscriptionId: subscriptions.length === 1 ? subscriptions[0].id : "",
              allowedSizes: [],
              allowedImages: [],
              quotas: defaultQuotas,
              offersDr: false,
            }}
            subscriptions={subscriptions}
            hasAllowedRegions={regions.length > 0}
          />
        </CardContent>
      </Card>
    </div>
  );
}
