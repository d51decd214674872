"use client";

import * as React from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A box that scrolls horizontally when its content is wider than it (a table on a narrow screen). Only while it does
 * scroll is it a keyboard stop (WCAG 2.1.1: arrow keys scroll it), named after what it holds; a box that fits adds no
 * stop to the tab order.
 */
export function ScrollRegion({
  className,
  label,
  children,
  ...props
}: React.ComponentProps<"div"> & { label?: string }) {
  const ref = React.useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = React.useState(false);
  React.useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={cn(
        "overflow-x-auto focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background focus-visible:outline-none",
        className,
      )}
      {...(scrolls ? { tabIndex: 0, role: label ? "region" : undefined, "aria-label": label } : {})}
      {...props}
    >
      {children}
    </div>
  );
}
