"use client";

import * as React from "react";
import { useRouter } from "next/navigation";

/**
 * Re-renders the server page in place (no reload, no lost scroll or search draft): every 2 s while something on it
 * is still queued or running, every 10 s otherwise, and not at all while the tab is hidden.
 */
export function AutoRefresh({
  isLive,
  fastMs = 2_000,
  slowMs = 10_000,
}: {
  isLive: boolean;
  fastMs?: number;
  slowMs?: number;
}) {
  const router = useRouter();
  const [, startTransition] = React.useTransition();

  React.useEffect(() => {
    const delay = isLive ? fastMs : slowMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => startTransition(() => router.refresh());
    const schedule = () => {
      clearTimeout(timer);
      if (document.visibilityState === "visible") timer = setTimeout(tick, delay);
    };
    function tick() {
      refresh();
      schedule();
    }
    const onVisibility = () => {
      if (document.visibilityState === "visible") tick();
      else clearTimeout(timer);
    };
    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router, isLive, fastMs, slowMs]);

  return null;
}
