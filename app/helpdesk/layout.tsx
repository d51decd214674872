import { AppShell, type NavItem } from "@/components/app-shell";
import { pageStaff } from "@/lib/auth/page-context";
import { signOutAction } from "@/lib/auth/actions";

export default async function HelpdeskLayout({ children }: { children: React.ReactNode }) {
  const { user } = await pageStaff("helpdesk");
  const nav: NavItem[] = [{ href: "/helpdesk/operations", label: "Operations", icon: "operations" }];
  if (user.staffRole === "admin")
    nav.push({ href: "/admin", label: "Provider admin", icon: "settings", group: "Switch area" });
  return (
    <AppShell area="helpdesk" nav={nav} user={user} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
