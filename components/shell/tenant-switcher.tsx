"use client";

import { useRouter } from "next/navigation";
import { Building2, Check, ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ShellTenant } from "./types";

export function TenantSwitcher({
  tenants,
  activeTenant,
  className,
}: {
  tenants: ShellTenant[];
  activeTenant?: string;
  className?: string;
}) {
  const router = useRouter();
  const active = tenants.find((t) => t.slug === activeTenant);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          "inline-flex h-8 max-w-56 min-w-0 items-center gap-2 rounded-md border bg-card px-2.5 text-sm font-medium shadow-xs outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent dark:bg-transparent",
          className,
        )}
        aria-label={active ? `Tenant: ${active.name}. Switch tenant` : "Choose a tenant"}
      >
        {/* The initials are decoration, drawn by CSS: the button's visible text is then the tenant's name, which its
            accessible name contains (WCAG 2.5.3; as text they made it "Ac AcmeCorp"). */}
        <span
          aria-hidden
          data-initials={active?.name.slice(0, 2)}
          className="grid size-5 shrink-0 place-content-center rounded bg-primary/12 text-[10px] font-semibold text-primary uppercase before:content-[attr(data-initials)]"
        >
          {!active && <Building2 className="size-3" />}
        </span>
        <span className="truncate">{active?.name ?? "Choose a tenant"}</span>
        <ChevronsUpDown className="ml-auto size-3.5 shrink-0 text-muted-foreground" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>Tenants</DropdownMenuLabel>
        {tenants.map((t) => (
          <DropdownMenuItem key={t.slug} onSelect={() => router.push(`/tenant/${t.slug}`)}>
            <span className="grid size-5 shrink-0 place-content-center rounded bg-muted text-[10px] font-semibold text-muted-foreground uppercase">
              {t.name.slice(0, 2)}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate">{t.name}</span>
              <span className="block truncate font-mono text-[11px] text-muted-foreground">{t.slug}</span>
            </span>
            {t.slug === activeTenant && <Check className="size-4 !text-primary" aria-label="Current tenant" />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
