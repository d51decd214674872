import type { LucideIcon } from "lucide-react";
import type { NavIconName } from "./nav-icons";

export type ShellArea = "admin" | "tenant" | "helpdesk";

export type NavItem = {
  href: string;
  label: string;
  /** A key of `navIcons` (serialisable from a server layout) or, from client code, a lucide component. */
  icon?: NavIconName | LucideIcon;
  /** A count or short text shown at the right ("3", "New"). */
  badge?: string | number;
  /** Shown greyed with a "Soon" tag and not navigable: the section is not built yet. */
  disabled?: boolean;
  /** Items sharing a group are listed under that heading, in the order given. */
  group?: string;
};

export type ShellUser = { name: string; email: string; staffRole?: string | null; tenantRole?: string | null };

export type ShellTenant = { slug: string; name: string };

export const areaLabels: Record<ShellArea, string> = {
  admin: "Provider admin",
  tenant: "Tenant portal",
  helpdesk: "Helpdesk",
};
