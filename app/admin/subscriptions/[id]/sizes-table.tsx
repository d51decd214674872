"use client";

import * as React from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DiscoveredSize } from "@/lib/subscriptions/discovery";

const formatMemory = (mb: number) =>
  mb >= 1024 ? `${(mb / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} GiB` : `${mb} MiB`;

/** Discovered VM sizes, filtered as you type (name or family); the whole list is already on the page. */
export function SizesTable({
  sizes,
}: {
  sizes: Pick<DiscoveredSize, "name" | "family" | "vCpus" | "memoryMb" | "maxDataDisks" | "regions">[];
}) {
  const [query, setQuery] = React.useState("");
  const searchId = React.useId();
  const q = query.trim().toLowerCase();
  const shown = q
    ? sizes.filter((s) => s.name.toLowerCase().includes(q) || s.family?.toLowerCase().includes(q))
    : sizes;
  return (
    <div className="grid gap-3">
      <div className="relative max-w-xs">
        <label htmlFor={searchId} className="sr-only">
          Search VM sizes
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
          placeholder="Search sizes, e.g. D2s"
          className="pl-8"
        />
      </div>
      <p className="text-xs text-muted-foreground" aria-live="polite">
        {shown.length === sizes.length ? `${sizes.length} sizes` : `${shown.length} of ${sizes.length} sizes`}
      </p>
      {/* A scrolling box takes the focus, so a keyboard user can scroll it too (WCAG 2.1.1). */}
      <div
        tabIndex={0}
        role="region"
        aria-label="VM sizes, scrollable"
        className="max-h-96 overflow-auto rounded-lg border outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <Table aria-label="VM sizes">
          <TableHeader className="sticky top-0 bg-card">
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead className="text-right">vCPUs</TableHead>
              <TableHead className="text-right">Memory</TableHead>
              <TableHead className="text-right max-sm:hidden">Max data disks</TableHead>
              <TableHead className="text-right">Regions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.length === 0 ? (
              <TableRow>
                <TableCell colSpan={5} className="py-6 text-center text-sm text-muted-foreground">
                  No size matches “{query.trim()}”.
                </TableCell>
              </TableRow>
            ) : (
              shown.map((s) => (
                <TableRow key={s.name}>
                  <TableCell className="font-mono text-xs">{s.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{s.vCpus}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMemory(s.memoryMb)}</TableCell>
                  <TableCell className="text-right tabular-nums max-sm:hidden">{s.maxDataDisks}</TableCell>
                  <TableCell className="text-right tabular-nums">{s.regions.length}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
