import * as React from "react";
import { Inbox, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = {
  /** A lucide component (from server code) or any element. */
  icon?: LucideIcon | React.ReactElement;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Usually a Button (asChild with a Link) that creates the first item. */
  action?: React.ReactNode;
  className?: string;
  /** Drop the dashed border when it already sits in a card or table. */
  bare?: boolean;
};

export function renderIcon(icon: LucideIcon | React.ReactElement | undefined, fallback: LucideIcon, className: string) {
  if (React.isValidElement(icon)) return icon;
  const Icon = icon ?? fallback;
  return <Icon aria-hidden className={className} />;
}

export function EmptyState({ icon, title, description, action, className, bare = false }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-12 text-center",
        !bare && "rounded-xl border border-dashed bg-card/50",
        className,
      )}
    >
      <div className="mb-4 grid size-12 place-content-center rounded-full bg-muted text-muted-foreground ring-8 ring-muted/40">
        {renderIcon(icon, Inbox, "size-5")}
      </div>
      <h3 className="text-base font-semibold">{title}</h3>
      {description && <p className="mt-1.5 max-w-md text-sm text-pretty text-muted-foreground">{description}</p>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
