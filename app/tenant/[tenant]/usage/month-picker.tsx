import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { monthLabel } from "@/lib/usage-report/months";

/** Past months by a plain GET form (works without script, by keyboard); closed months say so. */
export function MonthPicker({ months, value }: { months: { month: string; isClosed: boolean }[]; value: string }) {
  return (
    <form method="get" aria-label="Month" className="flex items-end gap-2">
      <label className="grid gap-1.5 text-sm font-medium">
        Month
        <NativeSelect
          name="month"
          defaultValue={value}
          wrapperClassName="w-48"
          options={months.map((m) => ({
            value: m.month,
            label: `${monthLabel(m.month)}${m.isClosed ? " (closed)" : ""}`,
          }))}
        />
      </label>
      <Button type="submit" variant="outline">
        Show
      </Button>
    </form>
  );
}
