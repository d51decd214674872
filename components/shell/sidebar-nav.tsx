"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";
import { resolveNavIcon } from "./nav-icons";
import type { NavItem } from "./types";

/** The item whose href is the longest prefix of the path is active, so `/admin` is not lit on `/admin/plans`. */
export function findActiveHref(items: NavItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const item of items) {
    const href = item.href.replace(/\/$/, "") || "/";
    const isMatch = pathname === href || pathname.startsWith(href === "/" ? "/" : `${href}/`);
    if (isMatch && (!best || href.length > best.length)) best = item.href;
  }
  return best;
}

function groupItems(items: NavItem[]) {
  const groups: { name?: string; items: NavItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.name === item.group) last.items.push(item);
    else groups.push({ name: item.group, items: [item] });
  }
  return groups;
}

export function SidebarNav({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname() ?? "";
  const activeHref = findActiveHref(items, pathname);

  return (
    <nav aria-label="Main" className="flex flex-col gap-4 px-3 py-3">
      {groupItems(items).map((group, gi) => (
        <div key={`${group.name ?? ""}-${gi}`} className="flex flex-col gap-0.5">
          {group.name && (
            <p className="px-2.5 pb-1 text-[11px] font-semibold tracking-wider text-muted-foreground uppercase">
              {group.name}
            </p>
          )}
          <ul className="flex flex-col gap-0.5">
            {group.items.map((item) => {
              const Icon = resolveNavIcon(item.icon);
              const isActive = item.href === activeHref;
              const content = (
                <>
                  <Icon
                    aria-hidden
                    className={cn("size-4 shrink-0", isActive ? "text-primary" : "text-muted-foreground")}
                  />
                  <span className="truncate">{item.label}</span>
                  {item.disabled ? (
                    <span className="ml-auto rounded border border-dashed px-1.5 text-[10px] leading-4 font-medium tracking-wide text-muted-foreground uppercase">
                      Soon
                    </span>
                  ) : item.badge !== undefined && item.badge !== "" ? (
                    <span className="ml-auto rounded-full bg-primary/12 px-1.5 text-[11px] leading-5 font-medium text-primary tabular-nums">
                      {item.badge}
                    </span>
                  ) : null}
                </>
              );
              const base =
                "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring";
              return (
                <li key={item.href}>
                  {item.disabled ? (
                    <span
                      aria-disabled="true"
                      title="Not available yet"
                      className={cn(base, "cursor-not-allowed text-muted-foreground/70")}
                    >
                      {content}
                    </span>
                  ) : (
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={isActive ? "page" : undefined}
                      className={cn(
                        base,
                        "transition-colors",
                        isActive
                          ? "bg-sidebar-accent font-medium text-foreground"
                          : "text-sidebar-foreground hover:bg-sidebar-accent/60 hover:text-foreground",
                      )}
                    >
                      {content}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
