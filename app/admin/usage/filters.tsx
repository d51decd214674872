import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export type UsageFilterValues = { from: string; to: string; granularity: string; tenant: string };

/**
 * The report's filters as a plain GET form: the URL holds the query, so a filtered report can be bookmarked and the
 * CSV link repeats it. A bad range is refused beside its field and nothing is read.
 */
export function UsageFilters({
  values,
  errors,
  tenants,
}: {
  values: UsageFilterValues;
  errors: Record<string, string[] | undefined>;
  tenants: { slug: string; name: string }[];
}) {
  return (
    <form
      method="get"
      aria-label="Usage report filters"
      className="grid gap-3 sm:grid-cols-[repeat(4,minmax(0,12rem))_auto] sm:items-start"
    >
      <FormField label="From" name="from" error={errors.from}>
        <Input name="from" type="date" defaultValue={values.from} required />
      </FormField>
      <FormField label="To" name="to" error={errors.to}>
        <Input name="to" type="date" defaultValue={values.to} required />
      </FormField>
      <FormField label="Granularity" name="granularity" error={errors.granularity}>
        <NativeSelect
          name="granularity"
          defaultValue={values.granularity}
          options={[
            { value: "daily", label: "Daily" },
            { value: "monthly", label: "Monthly" },
          ]}
        />
      </FormField>
      <FormField label="Tenant" name="tenant" error={errors.tenant}>
        <NativeSelect
          name="tenant"
          defaultValue={values.tenant}
          placeholder="All tenants"
          options={tenants.map((t) => ({ value: t.slug, label: t.name }))}
        />
      </FormField>
      <div className="sm:pt-6">
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </div>
    </form>
  );
}
