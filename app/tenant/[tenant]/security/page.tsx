import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isTenantMfaRequired } from "@/lib/auth/mfa/tenant-mfa-rule";
import { pageTenant } from "@/lib/auth/page-context";
import { TenantMfaForm } from "./tenant-mfa-form";

export const metadata: Metadata = { title: "Security" };

export default async function TenantSecurityPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const ctx = await pageTenant(tenant, "owner");
  const isRequired = await isTenantMfaRequired(ctx.tenantId);
  return (
    <div className="space-y-6">
      <PageHeader title="Security" description={`Sign-in rules for the members of ${ctx.tenantName}.`} />
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>Two-step sign-in</CardTitle>
          <CardDescription>
            When required, members open {ctx.tenantName} only from a session signed in with a second factor (an
            authenticator app). Members without one are sent to set it up.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <TenantMfaForm tenant={ctx.tenantSlug} isRequired={isRequired} />
        </CardContent>
      </Card>
    </div>
  );
}
