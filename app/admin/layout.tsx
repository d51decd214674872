import { AppShell, type NavItem } from "@/components/app-shell";
import { pageStaff } from "@/lib/auth/page-context";
import { signOutAction } from "@/lib/auth/actions";

const nav: NavItem[] = [
  { href: "/admin", label: "Dashboard", icon: "dashboard" },
  { href: "/admin/subscriptions", label: "Azure subscriptions", icon: "azure-subscriptions", group: "Offer" },
  { href: "/admin/partners", label: "CSP partners", icon: "cloud", group: "Offer" },
  { href: "/admin/plans", label: "Plans", icon: "plans", group: "Offer" },
  { href: "/admin/regions", label: "Regions", icon: "regions", group: "Offer" },
  { href: "/admin/pricing", label: "Pricing", icon: "pricing", group: "Offer" },
  { href: "/admin/tenants", label: "Tenants", icon: "tenants", group: "Customers" },
  { href: "/admin/dr", label: "Disaster recovery", icon: "dr", group: "Customers" },
  { href: "/admin/usage", label: "Usage report", icon: "usage", group: "Customers" },
  { href: "/admin/operations", label: "Operations", icon: "operations", group: "Monitor" },
  { href: "/admin/audit", label: "Audit log", icon: "audit", group: "Monitor" },
  { href: "/admin/api-tokens", label: "API tokens", icon: "keys", group: "Settings" },
  { href: "/admin/webhooks", label: "Webhooks", icon: "webhooks", group: "Settings" },
  { href: "/admin/sso", label: "Single sign-on", icon: "users", group: "Settings" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await pageStaff("admin");
  return (
    <AppShell area="admin" nav={nav} user={user} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
