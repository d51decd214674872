export { DataTable, type DataTableColumn, type DataTableProps, type DataTableRow } from "./data-table";
export { DataTableToolbar, type DataTableFilter, type DataTableToolbarProps } from "./toolbar";
export { DataTablePagination } from "./pagination";
export type { BulkAction } from "./bulk-actions";
export {
  parseTableParams,
  buildTableHref,
  nextSort,
  formatRange,
  formatCount,
  pageCount,
  readParam,
  DEFAULT_PAGE_SIZES,
  type TableParams,
  type TableParamsOptions,
  type SearchParamsInput,
  type SortDir,
} from "./params";
