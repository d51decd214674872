import type { Metadata } from "next";
import Link from "next/link";
import { Layers } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { pageTenant } from "@/lib/auth/page-context";
import { getLoadBalancerFormOptions } from "@/lib/network/queries";
import { getPlanOffer } from "@/lib/tenancy/plan-offer";
import { CreateLoadBalancerForm } from "./create-lb-form";

export const metadata: Metadata = { title: "Create a load balancer" };

export default async function NewLoadBalancerPage({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant, "operator");
  const base = `/tenant/${ctx.tenantSlug}/network`;
  const { subscriptions, vms } = await getLoadBalancerFormOptions(ctx);
  const catalogues = await Promise.all(subscriptions.map((s) => getPlanOffer(ctx, s.id)));
  const options = subscriptions.map((s, i) => ({ id: s.id, name: s.name, regions: catalogues[i].regions }));

  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ label: "Load balancers", href: base }, { label: "Create" }]}
        title="Create a load balancer"
        description="A public load balancer with its first public IP, a backend pool of your VMs, a health probe and a rule. Add more public IPs from its page once it exists."
      />
      {options.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="You need a subscription first"
          description="Load balancers live in a subscription to one of your provider's plans. Subscribe to a plan, then come back."
          action={
            <Button asChild>
              <Link href={`/tenant/${ctx.tenantSlug}/plans`}>See plans</Link>
            </Button>
          }
        />
      ) : (
        <CreateLoadBalancerForm tenant={ctx.tenantSlug} subscriptions={options} vms={vms} cancelHref={base} />
      )}
    </div>
  );
}
