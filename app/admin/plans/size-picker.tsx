"use client";

import * as React from "react";
import { Search } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { OfferableSize } from "@/lib/plans/rules";
import { familyLabel, formatMemory } from "./format";

type Props = {
  sizes: OfferableSize[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** Ids of the error and hint elements, so the table is announced with them. */
  describedBy?: string;
  isInvalid?: boolean;
};

/** The sizes table: search and family filter only hide rows, the ticks live in `selected`. */
export function SizePicker({ sizes, selected, onChange, describedBy, isInvalid }: Props) {
  const [query, setQuery] = React.useState("");
  const [family, setFamily] = React.useState("");
  const searchId = React.useId();
  const families = [...new Set(sizes.map((s) => s.family))].sort((a, b) =>
    familyLabel(a).localeCompare(familyLabel(b)),
  );
  const q = query.trim().toLowerCase();
  const visible = sizes.filter(
    (s) =>
      (!family || s.family === family) &&
      (!q || s.name.toLowerCase().includes(q) || familyLabel(s.family).toLowerCase().includes(q)),
  );
  const ticked = visible.filter((s) => selected.has(s.name)).length;
  const headerState = ticked === 0 ? false : ticked === visible.length ? true : "indeterminate";
  const chosen = sizes.filter((s) => selected.has(s.name)).length;

  function toggle(names: string[], checked: boolean) {
    const next = new Set(selected);
    for (const n of names) {
      if (checked) next.add(n);
      else next.delete(n);
    }
    onChange(next);
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="relative w-full sm:max-w-xs">
          <label htmlFor={searchId} className="sr-only">
            Search sizes
          </label>
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search sizes, e.g. D4s"
            className="h-8 pl-8 text-[13px]"
          />
        </div>
        <NativeSelect
          aria-label="Size family"
          value={family}
          onChange={(e) => setFamily(e.target.value)}
          wrapperClassName="sm:w-auto"
          className="h-8 text-[13px] sm:min-w-40"
        >
          <option value="">All families</option>
          {families.map((f) => (
            <option key={f} value={f}>
              {familyLabel(f)}
            </option>
          ))}
        </NativeSelect>
        <p className="text-sm text-muted-foreground sm:ml-auto" aria-live="polite" data-testid="size-count">
          <span className="font-medium text-foreground tabular-nums">{chosen}</span> of {sizes.length} sizes selected
          {chosen > 0 && (
            <Button variant="link" size="sm" className="ml-2 h-auto text-[13px]" onClick={() => onChange(new Set())}>
              Clear
            </Button>
          )}
        </p>
      </div>
      <div className={cn("max-h-[26rem] overflow-auto rounded-lg border", isInvalid && "border-destructive")}>
        <table
          className="w-full border-collapse text-sm"
          aria-label="VM sizes"
          aria-describedby={describedBy}
          aria-invalid={isInvalid || undefined}
        >
          <thead className="sticky top-0 z-10 bg-muted text-xs text-muted-foreground">
            <tr className="border-b">
              <th className="w-10 px-3 py-2 text-left">
                <Checkbox
                  checked={headerState}
                  onCheckedChange={(v) =>
                    toggle(
                      visible.map((s) => s.name),
                      v === true,
                    )
                  }
                  disabled={visible.length === 0}
                  aria-label={q || family ? `Select all ${visible.length} sizes shown` : "Select all sizes"}
                />
              </th>
              <th className="px-3 py-2 text-left font-medium">Size</th>
              <th className="px-3 py-2 text-right font-medium">vCPUs</th>
              <th className="px-3 py-2 text-right font-medium">Memory</th>
              <th className="px-3 py-2 text-right font-medium max-sm:hidden">Data disks</th>
              <th className="px-3 py-2 text-left font-medium max-md:hidden">Allowed regions</th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-muted-foreground">
                  No size matches the search and family filter.
                </td>
              </tr>
            ) : (
              visible.map((s) => {
                const id = `size-${s.name}`;
                const isChecked = selected.has(s.name);
                return (
                  <tr
                    key={s.name}
                    data-state={isChecked ? "selected" : undefined}
                    className="border-b last:border-0 hover:bg-muted/40 data-[state=selected]:bg-primary/6"
                  >
                    <td className="px-3 py-2">
                      <Checkbox id={id} checked={isChecked} onCheckedChange={(v) => toggle([s.name], v === true)} />
                    </td>
                    <td className="px-3 py-2">
                      <label htmlFor={id} className="block cursor-pointer">
                        <span className="font-mono text-[13px]">{s.name}</span>
                        <span className="block text-xs text-muted-foreground">{familyLabel(s.family)} family</span>
                      </label>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{s.vCpus}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatMemory(s.memoryMb)}</td>
                    <td className="px-3 py-2 text-right tabular-nums max-sm:hidden">{s.maxDataDisks}</td>
                    <td
                      className="max-w-56 truncate px-3 py-2 text-xs text-muted-foreground max-md:hidden"
                      title={s.regions.join(", ")}
                    >
                      {s.regions.join(", ")}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
