"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { ChevronRight, Menu } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { SidebarNav, findActiveHref } from "./shell/sidebar-nav";
import { TenantSwitcher } from "./shell/tenant-switcher";
import { ThemeToggle } from "./shell/theme-toggle";
import { UserMenu } from "./shell/user-menu";
import { areaLabels, type NavItem, type ShellArea, type ShellTenant, type ShellUser } from "./shell/types";

export type { NavItem, ShellArea, ShellTenant, ShellUser };
export type { NavIconName } from "./shell/nav-icons";

export type AppShellProps = {
  area: ShellArea;
  nav: NavItem[];
  user: ShellUser;
  tenants?: ShellTenant[];
  activeTenant?: string;
  signOutAction: () => Promise<void>;
  /** Replaces the header's default trail (area › current section). */
  breadcrumbs?: React.ReactNode;
  /** Extra controls at the right of the header, before the theme toggle. */
  headerActions?: React.ReactNode;
  /** Product name in the sidebar. */
  productName?: string;
  children: React.ReactNode;
};

export function AppShell(props: AppShellProps) {
  const {
    area,
    nav,
    user,
    tenants,
    activeTenant,
    signOutAction,
    breadcrumbs,
    headerActions,
    productName = "Cloud Portal",
    children,
  } = props;
  const [isDrawerOpen, setDrawerOpen] = React.useState(false);
  const pathname = usePathname() ?? "";
  const activeItem = nav.find((i) => i.href === findActiveHref(nav, pathname));
  const areaHome = nav[0]?.href ?? "/";

  const sidebar = (onNavigate?: () => void) => (
    <>
      <div className="flex h-14 shrink-0 items-center gap-2.5 border-b border-sidebar-border px-4">
        <Link
          href={areaHome}
          onClick={onNavigate}
          className="flex min-w-0 items-center gap-2.5 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <BrandMark />
          <span className="min-w-0 leading-tight">
            <span className="block truncate text-sm font-semibold text-foreground">{productName}</span>
            <span className="block truncate text-[11px] text-muted-foreground">{areaLabels[area]}</span>
          </span>
        </Link>
      </div>
      {tenants && tenants.length > 0 && (
        <div className="px-3 pt-3 md:hidden">
          <TenantSwitcher tenants={tenants} activeTenant={activeTenant} className="w-full max-w-none" />
        </div>
      )}
      <div className="min-h-0 flex-1 overflow-y-auto">
        <SidebarNav items={nav} onNavigate={onNavigate} />
      </div>
    </>
  );

  return (
    <div className="flex min-h-dvh bg-background">
      <a
        href="#main"
        className="sr-only z-[60] rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>

      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground lg:flex">
        {sidebar()}
      </aside>

      <Sheet open={isDrawerOpen} onOpenChange={setDrawerOpen}>
        <SheetContent className="lg:hidden">
          <SheetTitle className="sr-only">Navigation</SheetTitle>
          <SheetDescription className="sr-only">{areaLabels[area]} sections</SheetDescription>
          {sidebar(() => setDrawerOpen(false))}
        </SheetContent>
      </Sheet>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/70 sm:px-5">
          <Button
            variant="ghost"
            size="icon-sm"
            className="lg:hidden"
            aria-label="Open navigation"
            onClick={() => setDrawerOpen(true)}
          >
            <Menu className="size-5" aria-hidden />
          </Button>
          {tenants && tenants.length > 0 && (
            <div className="hidden md:block">
              <TenantSwitcher tenants={tenants} activeTenant={activeTenant} />
            </div>
          )}
          <div className="min-w-0 flex-1">
            {breadcrumbs ?? (
              <nav aria-label="Location" className="flex min-w-0 items-center gap-1.5 text-sm">
                <span
                  className={cn(
                    "hidden truncate text-muted-foreground sm:inline",
                    tenants?.length && "md:hidden xl:inline",
                  )}
                >
                  {areaLabels[area]}
                </span>
                {activeItem && (
                  <>
                    <ChevronRight
                      className={cn(
                        "hidden size-3.5 shrink-0 text-muted-foreground/60 sm:block",
                        tenants?.length && "md:hidden xl:block",
                      )}
                      aria-hidden
                    />
                    <span className="truncate font-medium text-foreground">{activeItem.label}</span>
                  </>
                )}
              </nav>
            )}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            {headerActions}
            <ThemeToggle />
            <div className="ml-1">
              <UserMenu user={user} signOutAction={signOutAction} />
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 outline-none">
          <div className="mx-auto w-full max-w-[1400px] px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</div>
        </main>
      </div>
    </div>
  );
}

function BrandMark() {
  return (
    <span
      aria-hidden
      className="grid size-8 shrink-0 place-content-center rounded-lg bg-gradient-to-br from-primary to-info text-primary-foreground shadow-sm"
    >
      <svg
        viewBox="0 0 24 24"
        className="size-4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M7 18h10a4 4 0 0 0 .6-7.96A6 6 0 0 0 6.1 9.2 4.5 4.5 0 0 0 7 18Z" />
      </svg>
    </span>
  );
}
