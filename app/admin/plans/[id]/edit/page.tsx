import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { listAllowedRegionNames, listAttachableSubscriptions } from "@/lib/plans/queries";
import { loadPlan } from "../../load-plan";
import { PlanForm } from "../../plan-form";

export const metadata: Metadata = { title: "Edit plan" };

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await pageStaff("admin");
  const { id } = await params;
  const plan = await loadPlan(ctx, id);
  const [subscriptions, regions] = await Promise.all([
    listAttachableSubscriptions(ctx, { planId: plan.id }),
    listAllowedRegionNames(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Edit ${plan.name}`}
        description="Changes apply to tenants at once: removed sizes and images stop being offered for new VMs; running VMs are untouched."
        breadcrumbs={[
          { label: "Plans", href: "/admin/plans" },
          { label: plan.name, href: `/admin/plans/${plan.id}` },
          { label: "Edit" },
        ]}
      />
      <Card>
        <CardContent className="py-6">
          <PlanForm
            planId={plan.id}
            initial={{
              name: plan.name,
              description: plan.description,
              state: plan.state,
              azureSubscriptionId: plan.azureSubscription.id,
              allowedSizes: plan.allowedSizes,
              allowedImages: plan.allowedImages,
              quotas: plan.quotas,
              offersDr: plan.offersDr,
            }}
            subscriptions={subscriptions}
            isSubscriptionLocked={plan.tenantSubscriptions.length > 0}
            hasAllowedRegions={regions.length > 0}
            usage={plan.usage}
          />
        </CardContent>
      </Card>
    </div>
  );
}
