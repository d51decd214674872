import { AppShell, type NavItem } from "@/components/app-shell";
import { pageTenant } from "@/lib/auth/page-context";
import { listMyTenants } from "@/lib/auth/context";
import { signOutAction } from "@/lib/auth/actions";
import { SuspendedBanner } from "./suspended-banner";

export default async function TenantLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { tenant } = await params;
  const ctx = await pageTenant(tenant);
  const tenants = await listMyTenants(ctx.user.id);
  const base = `/tenant/${ctx.tenantSlug}`;
  const nav: NavItem[] = [
    { href: base, label: "Overview", icon: "dashboard" },
    { href: `${base}/plans`, label: "Plans", icon: "plans" },
    { href: `${base}/vms`, label: "Virtual machines", icon: "vms", group: "Resources" },
    { href: `${base}/network`, label: "Load balancers", icon: "load-balancers", group: "Resources" },
    { href: `${base}/dr`, label: "Disaster recovery", icon: "dr", group: "Resources" },
    { href: `${base}/operations`, label: "Operations", icon: "operations", group: "Activity" },
    { href: `${base}/usage`, label: "Usage", icon: "usage", group: "Activity" },
    ...(ctx.role === "owner"
      ? [
          { href: `${base}/api-tokens`, label: "API tokens", icon: "keys", group: "Settings" } as NavItem,
          { href: `${base}/webhooks`, label: "Webhooks", icon: "webhooks", group: "Settings" } as NavItem,
          { href: `${base}/security`, label: "Security", icon: "shield", group: "Settings" } as NavItem,
        ]
      : []),
  ];
  return (
    <AppShell
      area="tenant"
      nav={nav}
      user={{ ...ctx.user, tenantRole: ctx.role }}
      tenants={tenants}
      activeTenant={ctx.tenantSlug}
      signOutAction={signOutAction}
    >
      {ctx.tenantState === "suspended" && <SuspendedBanner tenantName={ctx.tenantName} />}
      {children}
    </AppShell>
  );
}
