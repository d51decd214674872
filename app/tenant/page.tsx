import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Building2 } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { listMyTenants } from "@/lib/auth/context";
import { pageUser } from "@/lib/auth/page-context";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { signOutAction } from "@/lib/auth/actions";

export const metadata: Metadata = { title: "Choose a tenant" };

export default async function TenantPicker() {
  const user = await pageUser();
  const tenants = await listMyTenants(user.id);
  if (tenants.length === 1) redirect(`/tenant/${tenants[0].slug}`);
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>Choose a tenant</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          {tenants.length === 0 ? (
            <EmptyState
              bare
              icon={Building2}
              title="You are not a member of any tenant"
              description="Ask your service provider to add you to your organisation."
            />
          ) : (
            <ul className="divide-y rounded-md border">
              {tenants.map((t) => (
                <li key={t.slug}>
                  <Link
                    href={`/tenant/${t.slug}`}
                    className="flex items-center justify-between px-4 py-3 hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none"
                  >
                    <span className="font-medium">{t.name}</span>
                    <span className="text-sm text-muted-foreground">{tenantRoleLabels[t.role]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <form action={signOutAction}>
            <Button variant="ghost" type="submit" className="w-full">
              Sign out
            </Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
