import * as React from "react";
import { Slot } from "radix-ui";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Label } from "@/components/ui/label";

export type FormFieldProps = {
  label: React.ReactNode;
  /** Used for the control's id (`field-<name>`) when no id is given; the control keeps its own `name`. */
  name?: string;
  id?: string;
  description?: React.ReactNode;
  /** `state.fieldErrors?.size` straight from an ActionResult. */
  error?: string | string[];
  required?: boolean;
  /** "Optional" beside the label. */
  optional?: boolean;
  /** Exactly one control element: it receives id, aria-describedby, aria-invalid and aria-required. */
  children: React.ReactElement;
  className?: string;
};

/** Label, control, hint and error, linked for screen readers. Server-safe: the props go onto the child via Slot. */
export function FormField({
  label,
  name,
  id,
  description,
  error,
  required,
  optional,
  children,
  className,
}: FormFieldProps) {
  const reactId = React.useId();
  const controlId = id ?? (name ? `field-${name}` : `field-${reactId.replace(/:/g, "")}`);
  const descriptionId = description ? `${controlId}-description` : undefined;
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const errorId = errors.length > 0 ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div data-slot="form-field" data-invalid={errors.length > 0 || undefined} className={cn("grid gap-1.5", className)}>
      <Label htmlFor={controlId} className="justify-between">
        <span>
          {label}
          {required && (
            <span aria-hidden className="ml-0.5 text-destructive">
              *
            </span>
          )}
        </span>
        {optional && <span className="text-xs font-normal text-muted-foreground">Optional</span>}
      </Label>
      <Slot.Root
        id={controlId}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0 || undefined}
        aria-required={required || undefined}
      >
        {children}
      </Slot.Root>
      {description && (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {errorId && (
        <div id={errorId} className="flex items-start gap-1.5 text-xs font-medium text-destructive">
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{errors.join(" ")}</span>
        </div>
      )}
    </div>
  );
}
