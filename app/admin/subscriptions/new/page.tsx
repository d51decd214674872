import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { pageStaff } from "@/lib/auth/page-context";
import { describeBuiltinEmulator } from "@/lib/subscriptions/builtin-emulator";
import { listOnboardedSubscriptionIds } from "@/lib/subscriptions/queries";
import { requiredProviders } from "@/lib/subscriptions/schema";
import { OnboardForm } from "./onboard-form";

export const metadata: Metadata = { title: "Onboard an Azure subscription" };

export default async function NewSubscriptionPage() {
  const ctx = await pageStaff("admin");
  const [builtin, onboarded] = await Promise.all([
    describeBuiltinEmulator(),
    listOnboardedSubscriptionIds(ctx, "Custom"),
  ]);
  const emulator = builtin && {
    ...builtin,
    choices: builtin.choices.map((c) => ({ ...c, isOnboarded: onboarded.has(c.subscriptionId.toLowerCase()) })),
  };
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ label: "Azure subscriptions", href: "/admin/subscriptions" }, { label: "Onboard" }]}
        title="Onboard an Azure subscription"
        description="The portal signs in as a service principal to manage tenants' resources in this subscription."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardContent>
            <OnboardForm emulator={emulator} />
          </CardContent>
        </Card>
        <aside className="space-y-4">
          <Card>
            <CardHeader>
              <CardTitle>What the principal needs</CardTitle>
              <CardDescription>
                The <strong>Owner</strong> or <strong>Contributor</strong> role on the subscription itself (not on one
                resource group), so it can create tenants&apos; resource groups and register resource providers.
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-2 text-sm text-muted-foreground">
              <p>
                Validation signs in, reads the subscription, checks that these resource providers are registered and
                discovers its regions, VM sizes, images and vCPU quota:
              </p>
              <ul className="list-inside list-disc font-mono text-xs">
                {requiredProviders.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>CSP customer subscriptions</CardTitle>
              <CardDescription>
                Onboard them the same way, with{" "}
                <strong>your provider principal in the customer&apos;s directory</strong>: use the customer&apos;s
                directory (tenant) id, the customer&apos;s subscription id and your multi-tenant app&apos;s client id
                and secret, after the app has been consented to in that directory and given a role on the subscription.
              </CardDescription>
            </CardHeader>
          </Card>
        </aside>
      </div>
    </div>
  );
}
