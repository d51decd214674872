import * as React from "react";

/** One numbered part of the create form: the heading and hint above its fields. */
export function FormSection({ id, step, title, description, children }: { id: string; step: number; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-4 border-t pt-6 first:border-t-0 first:pt-0">
      <div className="flex gap-3">
        <span aria-hidden className="grid size-6 shrink-0 place-content-center rounded-full bg-primary/10 text-xs font-semibold text-primary tabular-nums">
          {step}
        </span>
        <div className="space-y-0.5">
          <h2 id={`${id}-title`} className="text-base leading-6 font-semibold">
            {title}
          </h2>
          {description && <p className="text-sm text-pretty text-muted-foreground">{description}</p>}
        </div>
      </div>
      <div className="grid gap-4 sm:pl-9">{children}</div>
    </section>
  );
}
