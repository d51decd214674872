import * as React from "react";
import { Alert } from "@/components/ui/alert";

/**
 * The form-level message above the buttons (`state.formError`). Renders nothing when empty, so it can sit in the
 * form unconditionally: `<FormAlert>{state.ok ? undefined : state.formError}</FormAlert>`.
 */
export function FormAlert({
  children,
  title,
  variant = "destructive",
  className,
}: {
  children?: React.ReactNode;
  title?: React.ReactNode;
  variant?: "destructive" | "warning" | "success" | "info";
  className?: string;
}) {
  if (!children && !title) return null;
  return (
    <Alert variant={variant} title={title} className={className}>
      {children}
    </Alert>
  );
}
