import type { TagInheritanceLine } from "@/lib/usage-report/reconciliation";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * Cost Management's tag inheritance per onboarded subscription, as the last reconciliation read it: it decides whether
 * an untagged resource in a tenant's group counts for the tenant or as without a tag. Shown, never changed here.
 */
export function TagInheritanceNote({ lines }: { lines: TagInheritanceLine[] }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="tag-inheritance-title" className="grid gap-2 text-sm">
      <h4 id="tag-inheritance-title" className="font-medium">
        Cost Management tag inheritance
      </h4>
      <dl className="grid gap-1">
        {lines.map((l) => (
          <div key={l.subscription} className="grid gap-x-2 sm:grid-cols-[minmax(8rem,auto)_1fr]">
            <dt className="text-muted-foreground">{l.subscription}</dt>
            <dd>
              {l.meaning}
              {l.readAt && <span className="text-muted-foreground"> (read {dateFormat.format(l.readAt)} UTC)</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-muted-foreground">
        The portal only reads this setting. Change it in the Azure portal: Cost Management, Settings, Configuration, Tag
        inheritance.
      </p>
    </section>
  );
}
