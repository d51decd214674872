import * as React from "react";
import { cn } from "@/lib/utils/cn";
import { controlClass } from "./input";

export function Textarea({ className, rows = 4, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea data-slot="textarea" rows={rows} className={cn(controlClass, "min-h-16 py-2", className)} {...props} />
  );
}
