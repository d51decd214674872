import type { Metadata } from "next";
import { Layers } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { pageTenant } from "@/lib/auth/page-context";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { listMySubscriptions, listOfferedPlans } from "@/lib/tenancy/queries";
import { MySubscriptions } from "./my-subscriptions";
import { isSubscriptionBusy } from "./subscription-status";
import { PlanCatalogue } from "./plan-catalogue";
import { SubscribePlanDialog } from "./subscribe-plan-dialog";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant);
  const [plans, subscriptions] = await Promise.all([listOfferedPlans(ctx), listMySubscriptions(ctx)]);
  const isOwner = ctx.role === "owner";
  const canSubscribe = isOwner && ctx.tenantState === "active";
  return (
    <div className="space-y-6">
      {subscriptions.some(isSubscriptionBusy) && <AutoRefresh isLive />}
      <PageHeader
        title="Plans"
        description="What your service provider offers. Each subscription gets its own resource group in Azure, with the plan's quotas."
      />
      {!isOwner && (
        <Alert variant="info" title="Only owners can subscribe">
          You are {tenantRoleLabels[ctx.role].toLowerCase()} of {ctx.tenantName}: you can compare plans here, and an
          owner of {ctx.tenantName} can subscribe to one.
        </Alert>
      )}
      <MySubscriptions tenant={ctx.tenantSlug} subscriptions={subscriptions} />
      {plans.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="No plans on offer yet"
          description="Your service provider has not published any plans. Ask them which plan suits you; they can also subscribe you to one directly."
        />
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {plans.map((plan) => {
            const quotas: [string, number][] = [
              ["Virtual machines", plan.quotas.quotaVms],
              ["vCPUs", plan.quotas.quotaVcpus],
              ["Public IPs", plan.quotas.quotaPublicIps],
              ["Load balancers", plan.quotas.quotaLoadBalancers],
              ...(plan.offersDr ? ([["Protected VMs (DR)", plan.quotas.quotaProtectedVms]] as [string, number][]) : []),
            ];
            return (
              <Card key={plan.id} aria-labelledby={`plan-${plan.id}`}>
                <CardHeader>
                  <CardTitle id={`plan-${plan.id}`} className="flex flex-wrap items-center gap-2">
                    {plan.name}
                    {plan.subscribed > 0 && (
                      <Badge variant="success">Subscribed{plan.subscribed > 1 ? ` ×${plan.subscribed}` : ""}</Badge>
                    )}
                    {plan.offersDr && <Badge variant="info">Disaster recovery</Badge>}
                  </CardTitle>
                  <CardDescription>{plan.description || "No description."}</CardDescription>
                </CardHeader>
                <CardContent className="flex-1">
                  <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm">
                    {quotas.map(([label, value]) => (
                      <div key={label} className="contents">
                        <dt className="text-muted-foreground">{label}</dt>
                        <dd className="text-right font-medium tabular-nums">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <PlanCatalogue sizes={plan.sizes} images={plan.images} />
                </CardContent>
                {isOwner && (
                  <CardFooter className="justify-end">
                    <SubscribePlanDialog
                      tenant={ctx.tenantSlug}
                      plan={{ id: plan.id, name: plan.name }}
                      isSubscribed={plan.subscribed > 0}
                      disabledReason={canSubscribe ? undefined : `${ctx.tenantName} is suspended.`}
                    />
                  </CardFooter>
                )}
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}
