import type { Metadata } from "next";
import Link from "next/link";
import { Globe2 } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { FormAlert } from "@/components/form-alert";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { listAllowedRegions, listDiscoveredRegions } from "@/lib/regions/queries";
import { RegionsForm } from "./regions-form";

export const metadata: Metadata = { title: "Regions" };

export default async function RegionsPage() {
  await pageStaff("admin");
  const [discovered, allowed] = await Promise.all([listDiscoveredRegions(), listAllowedRegions()]);
  const offered = new Set(discovered.map((r) => r.name));
  const stale = allowed.filter((r) => !offered.has(r.name));
  const header = (
    <PageHeader
      title="Regions"
      description="The regions tenants may deploy to, for every plan. You can allow any region that at least one active Azure subscription offers."
    />
  );

  if (discovered.length === 0) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState
          icon={Globe2}
          title="No regions discovered yet"
          description="Regions come from your Azure subscriptions: onboard one and wait for its validation to pass, then choose here which of its regions tenants may use."
          action={
            <Button asChild>
              <Link href="/admin/subscriptions">Go to Azure subscriptions</Link>
            </Button>
          }
        />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {header}
      {stale.length > 0 && (
        <FormAlert variant="warning" title="Some allowed regions are no longer offered">
          No active subscription offers {stale.map((r) => r.displayName).join(", ")} any more, so saving removes{" "}
          {stale.length === 1 ? "it" : "them"}.
        </FormAlert>
      )}
      <Card>
        <CardContent>
          <RegionsForm regions={discovered} allowed={allowed.map((r) => r.name)} />
        </CardContent>
      </Card>
    </div>
  );
}
