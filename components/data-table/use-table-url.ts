"use client";

import * as React from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { buildTableHref, type ParamChanges } from "./params";

/** Reads the URL and writes changes to it inside a transition, keeping every param it was not asked to change. */
export function useTableUrl() {
  const router = useRouter();
  const pathname = usePathname() ?? "";
  const searchParams = useSearchParams();
  const [isPending, startTransition] = React.useTransition();
  const current = searchParams?.toString() ?? "";

  const hrefWith = React.useCallback((changes: ParamChanges) => buildTableHref(pathname, current, changes), [pathname, current]);

  const navigate = React.useCallback(
    (changes: ParamChanges, mode: "push" | "replace" = "push") => {
      const href = buildTableHref(pathname, current, changes);
      startTransition(() => {
        if (mode === "replace") router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [router, pathname, current],
  );

  return { searchParams, hrefWith, navigate, isPending, startTransition, router };
}
