import * as React from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type FormSectionProps = {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** A numbered step: the badge before the heading, for a form read top to bottom beside a review card. */
  step?: number;
  /** "aside" puts the heading and hint left of the fields from lg up, for a full-width form. */
  layout?: "stacked" | "aside";
  /** A section-wide error (sizes, images), shown under the heading and linked by `${id}-error`. */
  error?: string[];
  children: React.ReactNode;
  className?: string;
};

/** One titled part of a long form: the heading, its hint and any section-wide error above or beside its fields. */
export function FormSection({
  id,
  title,
  description,
  step,
  layout = "stacked",
  error,
  children,
  className,
}: FormSectionProps) {
  const hasError = Boolean(error?.length);
  const isAside = layout === "aside";
  const heading = (
    <div className={isAside ? "space-y-1" : "space-y-0.5"}>
      <h2 id={`${id}-title`} className={cn("text-base font-semibold", !isAside && "leading-6")}>
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
  );
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-invalid={hasError || undefined}
      className={cn(
        "grid gap-4 border-t pt-6 first:border-t-0 first:pt-0",
        isAside && "lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8",
        className,
      )}
    >
      {step === undefined ? (
        heading
      ) : (
        <div className="flex gap-3">
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-content-center rounded-full bg-primary/10 text-xs font-semibold text-primary tabular-nums"
          >
            {step}
          </span>
          {heading}
        </div>
      )}
      <div className={isAside ? "min-w-0" : "grid gap-4 sm:pl-9"}>{children}</div>
    </section>
  );
}
