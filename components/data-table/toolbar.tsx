"use client";

import * as React from "react";
import { LoaderCircle, Search, X } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Input } from "@/components/ui/input";
import { NativeSelect, type SelectOption } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { searchQueryProblem } from "./params";
import { useTableUrl } from "./use-table-url";

export type DataTableFilter = {
  /** The URL param it writes (`state`, `kind`, `tenant`). */
  name: string;
  label: string;
  options: SelectOption[];
  /** Text of the empty choice; defaults to "All <label>". */
  allLabel?: string;
};

export type DataTableToolbarProps = {
  searchPlaceholder?: string;
  /** Set false for tables without text search. */
  search?: boolean;
  filters?: DataTableFilter[];
  /** Right-hand slot (a "Create" button, an export link). */
  children?: React.ReactNode;
  debounceMs?: number;
  className?: string;
};

export function DataTableToolbar({
  searchPlaceholder = "Search…",
  search = true,
  filters = [],
  children,
  debounceMs = 300,
  className,
}: DataTableToolbarProps) {
  const { searchParams, navigate, isPending } = useTableUrl();
  const urlQuery = searchParams?.get("q") ?? "";
  // The box shows what the user typed while the URL holds what we last sent; when the URL changes to anything else
  // (back button, "Clear filters"), the URL wins. Typed trailing spaces survive because only the trimmed text is sent.
  const [draft, setDraft] = React.useState({ value: urlQuery, expected: urlQuery });
  const query = urlQuery === draft.expected ? draft.value : urlQuery;
  const timer = React.useRef<ReturnType<typeof setTimeout>>(undefined);
  const searchId = React.useId();
  const searchError = searchQueryProblem(urlQuery);
  React.useEffect(() => () => clearTimeout(timer.current), []);

  function sendQuery(value: string) {
    clearTimeout(timer.current);
    const trimmed = value.trim();
    setDraft({ value, expected: trimmed });
    navigate({ q: trimmed || null }, "replace");
  }

  function onSearch(value: string) {
    setDraft({ value, expected: urlQuery });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => sendQuery(value), debounceMs);
  }

  const activeFilters = filters.filter((f) => searchParams?.get(f.name));
  const hasAny = activeFilters.length > 0 || urlQuery !== "";

  return (
    <div className={cn("flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center", className)}>
      {search && (
        <div className="w-full sm:w-72">
          <div className="relative">
            <label htmlFor={searchId} className="sr-only">
              Search
            </label>
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            />
            <Input
              id={searchId}
              type="search"
              value={query}
              onChange={(e) => onSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") sendQuery(query);
              }}
              placeholder={searchPlaceholder}
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? `${searchId}-error` : undefined}
              className="h-8 pr-8 pl-8 text-[13px] [&::-webkit-search-cancel-button]:hidden"
            />
            {isPending ? (
              <LoaderCircle
                aria-hidden
                className="absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 animate-spin text-muted-foreground"
              />
            ) : (
              query && (
                <button
                  type="button"
                  aria-label="Clear search"
                  onClick={() => sendQuery("")}
                  className="absolute top-1/2 right-1.5 grid size-5 -translate-y-1/2 place-content-center rounded text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <X className="size-3.5" aria-hidden />
                </button>
              )
            )}
          </div>
          {searchError && (
            <p id={`${searchId}-error`} role="alert" className="mt-1 text-xs text-destructive">
              {searchError}
            </p>
          )}
        </div>
      )}
      {filters.length > 0 && (
        <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
          {filters.map((f) => (
            <NativeSelect
              key={f.name}
              aria-label={f.label}
              value={searchParams?.get(f.name) ?? ""}
              onChange={(e) => navigate({ [f.name]: e.target.value || null })}
              wrapperClassName="sm:w-auto"
              className={cn(
                "h-8 text-[13px] sm:w-auto sm:min-w-36",
                searchParams?.get(f.name) && "border-primary/50 bg-primary/5",
              )}
            >
              <option value="">{f.allLabel ?? `All ${f.label.toLowerCase()}`}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
          ))}
        </div>
      )}
      {hasAny && (
        <Button
          variant="ghost"
          size="sm"
          className="self-start text-muted-foreground sm:self-auto"
          onClick={() => {
            clearTimeout(timer.current);
            setDraft({ value: "", expected: "" });
            navigate(Object.fromEntries([["q", null], ...filters.map((f) => [f.name, null])]));
          }}
        >
          <X aria-hidden /> Reset
        </Button>
      )}
      {children && <div className="flex items-center gap-2 sm:ml-auto">{children}</div>}
    </div>
  );
}
