import * as React from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { controlClass } from "./input";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type NativeSelectProps = React.ComponentProps<"select"> & {
  /** Shorthand for <option> children. */
  options?: SelectOption[];
  /** A first, empty option ("Choose a size…"); selected when there is no value. */
  placeholder?: string;
  wrapperClassName?: string;
};

/**
 * A styled native <select>: renders on the server, posts with FormData and uses the platform picker on phones.
 * Prefer it in forms; the Radix select is for toolbars that need rich items.
 */
export function NativeSelect({
  className,
  wrapperClassName,
  options,
  placeholder,
  children,
  ...props
}: NativeSelectProps) {
  return (
    <div data-slot="select-wrapper" className={cn("relative w-full", wrapperClassName)}>
      <select
        data-slot="select"
        className={cn(
          controlClass,
          "h-9 appearance-none py-1 pr-9 [&>option]:bg-popover [&>option]:text-popover-foreground",
          className,
        )}
        {...props}
      >
        {placeholder !== undefined && (
          <option value="" disabled={props.required}>
            {placeholder}
          </option>
        )}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}

export { NativeSelect as Select };
