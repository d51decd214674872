import {
  Activity,
  Boxes,
  Building2,
  Cloud,
  CloudCog,
  Cpu,
  CreditCard,
  Database,
  FileText,
  Gauge,
  Globe,
  HardDrive,
  History,
  House,
  KeyRound,
  Layers,
  LayoutDashboard,
  LifeBuoy,
  ListChecks,
  Monitor,
  Network,
  Package,
  Scale,
  ScrollText,
  Server,
  Settings,
  Shield,
  ShieldCheck,
  Tag,
  Users,
  Vault,
  Waypoints,
  Webhook,
  Workflow,
  type LucideIcon,
} from "lucide-react";

/**
 * Icons a server layout may name in `NavItem.icon`. Layouts pass strings because a component cannot cross the
 * server → client boundary; add a key here when a page needs a new one.
 */
export const navIcons = {
  dashboard: LayoutDashboard,
  home: House,
  subscriptions: CreditCard,
  "azure-subscriptions": CloudCog,
  cloud: Cloud,
  plans: Layers,
  tenants: Building2,
  users: Users,
  vms: Monitor,
  servers: Server,
  sizes: Cpu,
  images: Package,
  regions: Globe,
  network: Network,
  "load-balancers": Scale,
  dr: ShieldCheck,
  shield: Shield,
  vault: Vault,
  replication: Waypoints,
  storage: HardDrive,
  database: Database,
  operations: Activity,
  jobs: ListChecks,
  workflow: Workflow,
  audit: ScrollText,
  history: History,
  logs: FileText,
  quotas: Gauge,
  keys: KeyRound,
  webhooks: Webhook,
  tags: Tag,
  resources: Boxes,
  settings: Settings,
  help: LifeBuoy,
} satisfies Record<string, LucideIcon>;

export type NavIconName = keyof typeof navIcons;

export function resolveNavIcon(icon: NavIconName | LucideIcon | string | undefined): LucideIcon {
  if (!icon) return Boxes;
  if (typeof icon === "string") return (navIcons as Record<string, LucideIcon>)[icon] ?? Boxes;
  return icon;
}
