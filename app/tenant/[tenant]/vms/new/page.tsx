import type { Metadata } from "next";
import Link from "next/link";
import { Layers } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { pageTenant } from "@/lib/auth/page-context";
import { listVirtualNetworks } from "@/lib/network/queries";
import { getPlanOffer } from "@/lib/tenancy/plan-offer";
import { listVmSubscriptions } from "@/lib/vms/queries";
import { CreateVmForm } from "./create-vm-form";

export const metadata: Metadata = { title: "Create a VM" };

export default async function NewVmPage({ params }: { params: Promise<{ tenant: string }> }) {
  const ctx = await pageTenant((await params).tenant, "operator");
  const base = `/tenant/${ctx.tenantSlug}/vms`;
  const [subscriptions, networks] = await Promise.all([listVmSubscriptions(ctx), listVirtualNetworks(ctx)]);
  const catalogues = await Promise.all(subscriptions.map((s) => getPlanOffer(ctx, s.id)));
  const options = subscriptions.map((s, i) => ({
    ...s,
    catalogue: catalogues[i],
    networks: networks.filter((n) => n.tenantSubscriptionId === s.id),
  }));

  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ label: "Virtual machines", href: base }, { label: "Create" }]}
        title="Create a virtual machine"
        description="Only the regions, images and sizes your plan offers are listed. The VM is created in the background: you can follow each step on its page."
      />
      {options.length === 0 ? (
        <EmptyState
          icon={Layers}
          title="You need a subscription first"
          description="VMs live in a subscription to one of your provider's plans. Subscribe to a plan, then come back."
          action={
            <Button asChild>
              <Link href={`/tenant/${ctx.tenantSlug}/plans`}>See plans</Link>
            </Button>
          }
        />
      ) : (
        <CreateVmForm tenant={ctx.tenantSlug} subscriptions={options} cancelHref={base} />
      )}
    </div>
  );
}
