"use client";

import * as React from "react";
import { format, formatDistanceStrict } from "date-fns";

export function formatRelative(date: Date, now: Date = new Date()) {
  const diff = Math.abs(now.getTime() - date.getTime());
  if (diff < 45_000) return "just now";
  return formatDistanceStrict(date, now, { addSuffix: true });
}

/**
 * "3 minutes ago", with the exact time in the tooltip, refreshed every 30 s. The server renders the absolute time
 * and the client swaps in the relative one, so server and client HTML never disagree.
 */
export function RelativeTime({ date, className }: { date: Date | string | number; className?: string }) {
  const value = React.useMemo(() => new Date(date), [date]);
  const [text, setText] = React.useState<string | null>(null);

  React.useEffect(() => {
    const update = () => setText(formatRelative(value));
    update();
    const id = setInterval(update, 30_000);
    return () => clearInterval(id);
  }, [value]);

  if (Number.isNaN(value.getTime())) return <span className={className}>—</span>;
  const absolute = format(value, "PPpp");
  return (
    <time dateTime={value.toISOString()} title={absolute} className={className} suppressHydrationWarning>
      {text ?? format(value, "PP p")}
    </time>
  );
}
