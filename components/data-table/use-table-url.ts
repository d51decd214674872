"use client";

import * as React from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { buildTableHref, type ParamChanges } from "./params";

// The query a navigation still in flight is going to. The URL on screen changes only when that navigation commits, so
// a change made meanwhile (typing a search right after picking a filter on a slow page) built on the screen's URL
// would bring the old filter back; it builds on this instead. Shared by every table control on the page.
let inFlight: { pathname: string; query: string } | null = null;

/** Reads the URL and writes changes to it inside a transition, keeping every param it was not asked to change. */
export function useTableUrl() {
  const router = useRouter();
  const pathname = usePathname() ?? "";
  const searchParams = useSearchParams();
  const [isPending, startTransition] = React.useTransition();
  const current = searchParams?.toString() ?? "";

  // Debounced callers (the search box) call navigate from an older render: it reads the URL as it is by then.
  const onScreen = React.useRef({ pathname, current });
  React.useEffect(() => {
    onScreen.current = { pathname, current };
    if (inFlight && (inFlight.pathname !== pathname || inFlight.query === current)) inFlight = null;
  }, [pathname, current]);
  React.useEffect(() => {
    // A table that mounts (or back and forward) starts from the URL it lands on, whatever was left in flight before.
    const forget = () => void (inFlight = null);
    forget();
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);

  const hrefWith = React.useCallback(
    (changes: ParamChanges) => buildTableHref(pathname, current, changes),
    [pathname, current],
  );

  const navigate = React.useCallback(
    (changes: ParamChanges, mode: "push" | "replace" = "push") => {
      const { pathname, current } = onScreen.current;
      const href = buildTableHref(pathname, inFlight?.pathname === pathname ? inFlight.query : current, changes);
      inFlight = { pathname, query: href.split("?")[1] ?? "" };
      startTransition(() => {
        if (mode === "replace") router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [router],
  );

  return { searchParams, hrefWith, navigate, isPending, startTransition, router };
}
