import * as React from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils/cn";

/** One titled part of a long form: the heading and hint on the left, the fields on the right from lg up. */
export function FormSection({
  id,
  title,
  description,
  error,
  children,
  className,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** A section-wide error (sizes, images), shown under the heading and linked by `${id}-error`. */
  error?: string[];
  children: React.ReactNode;
  className?: string;
}) {
  const hasError = Boolean(error?.length);
  return (
    <section aria-labelledby={`${id}-title`} data-invalid={hasError || undefined} className={cn("grid gap-4 border-t pt-6 first:border-t-0 first:pt-0 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8", className)}>
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {description && <div className="text-sm text-pretty text-muted-foreground">{description}</div>}
        {hasError && (
          <div id={`${id}-error`} className="flex items-start gap-1.5 pt-1 text-xs font-medium text-destructive">
            <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
            <span>{error!.join(" ")}</span>
          </div>
        )}
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}
