"use client";

import * as React from "react";
import { Input } from "@/components/ui/input";
import { useTableUrl } from "@/components/data-table/use-table-url";

/** From/to dates (UTC days) for the "Custom range" period; each change goes straight to the URL. */
export function CustomRange() {
  const { searchParams, navigate } = useTableUrl();
  if (searchParams?.get("period") !== "custom") return null;
  return (
    <div className="flex items-center gap-2 text-[13px] text-muted-foreground">
      <label className="flex items-center gap-1.5">
        From
        <Input
          type="date"
          className="h-8 w-36 text-[13px]"
          value={searchParams.get("from") ?? ""}
          onChange={(e) => navigate({ from: e.target.value || null })}
        />
      </label>
      <label className="flex items-center gap-1.5">
        to
        <Input
          type="date"
          className="h-8 w-36 text-[13px]"
          value={searchParams.get("to") ?? ""}
          onChange={(e) => navigate({ to: e.target.value || null })}
        />
      </label>
    </div>
  );
}
