"use client";

import * as React from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { DEFAULT_PAGE_SIZES, formatCount, formatRange, pageCount, type ParamChanges } from "./params";

/**
 * A keyset-paged table: previous / next follow the cursors of the page shown (null at either end), and a total above
 * the exact-count limit is PostgreSQL's estimate, shown as "about".
 */
export type KeysetPager = {
  nextCursor: string | null;
  prevCursor: string | null;
  totalIsEstimate?: boolean;
  /** Rows on this page (the range's end when the total is an estimate). */
  shown: number;
};

export type DataTablePaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  pageSizes?: readonly number[];
  hrefWith: (changes: ParamChanges) => string;
  onNavigate: (changes: ParamChanges) => void;
  keyset?: KeysetPager;
};

export function DataTablePagination({
  page,
  pageSize,
  total,
  pageSizes = DEFAULT_PAGE_SIZES,
  hrefWith,
  onNavigate,
  keyset,
}: DataTablePaginationProps) {
  const pages = pageCount(total, pageSize);
  const estimated = keyset?.totalIsEstimate === true;
  const hasPrev = keyset ? keyset.prevCursor !== null : page > 1;
  const hasNext = keyset ? keyset.nextCursor !== null : page < pages;
  const sizeId = React.useId();
  // By cursor: the previous page of page 2 is the first page itself (no cursor), so it is always exact.
  const changesFor = (target: number): ParamChanges => {
    if (!keyset) return { page: target };
    if (target <= 1) return { page: null, after: null, before: null };
    return target > page
      ? { page: target, after: keyset.nextCursor, before: null }
      : { page: target, before: keyset.prevCursor, after: null };
  };

  const pageLink = (target: number, label: string, icon: React.ReactNode, enabled: boolean) => {
    const className = cn(
      buttonVariants({ variant: "outline", size: "icon-sm" }),
      !enabled && "pointer-events-none opacity-50",
    );
    if (!enabled) {
      // A disabled link: no href, so it is not focusable, but it still reads as the link it stands for.
      return (
        <span role="link" aria-disabled="true" aria-label={label} className={className}>
          {icon}
        </span>
      );
    }
    return (
      <Link
        href={hrefWith(changesFor(target))}
        aria-label={label}
        scroll={false}
        className={className}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          onNavigate(changesFor(target));
        }}
      >
        {icon}
      </Link>
    );
  };

  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-t px-4 py-2.5 text-sm text-muted-foreground">
      <p className="tabular-nums" aria-live="polite">
        {formatRange(page, pageSize, total, estimated ? { shown: keyset.shown } : undefined)}
      </p>
      <div className="flex items-center gap-4">
        <div className="hidden items-center gap-2 sm:flex">
          <label htmlFor={sizeId} className="whitespace-nowrap">
            Rows per page
          </label>
          <NativeSelect
            id={sizeId}
            value={String(pageSize)}
            onChange={(e) => onNavigate({ pageSize: e.target.value })}
            wrapperClassName="w-20"
            className="h-8 text-[13px]"
            options={pageSizes.map((s) => ({ value: String(s), label: String(s) }))}
          />
        </div>
        <span className="whitespace-nowrap tabular-nums">
          Page {page.toLocaleString("en-US")} of {formatCount(Math.max(pages, page), estimated)}
        </span>
        <div className="flex items-center gap-1.5">
          {pageLink(page - 1, "Previous page", <ChevronLeft className="size-4" aria-hidden />, hasPrev)}
          {pageLink(page + 1, "Next page", <ChevronRight className="size-4" aria-hidden />, hasNext)}
        </div>
      </div>
    </div>
  );
}
