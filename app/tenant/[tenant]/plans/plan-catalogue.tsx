import type { PublicPlan } from "@/lib/plans/queries";

const gib = (mb: number) => `${Math.round((mb / 1024) * 10) / 10} GiB`;

/** The VM sizes and OS images a plan offers, as a tenant compares plans: short lists, the details a click away. */
export function PlanCatalogue({ sizes, images }: Pick<PublicPlan, "sizes" | "images">) {
  if (sizes.length === 0 && images.length === 0) return null;
  return (
    <div className="mt-4 grid gap-2 border-t pt-4 text-sm">
      {sizes.length > 0 && (
        <details>
          <summary className="cursor-pointer rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
            {sizes.length} VM size{sizes.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-2 grid gap-1">
            {sizes.map((s) => (
              <li key={s.name} className="flex justify-between gap-3">
                <span className="font-mono text-xs">{s.name}</span>
                <span className="text-xs text-muted-foreground tabular-nums">
                  {s.vCpus} vCPU · {gib(s.memoryMb)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {images.length > 0 && (
        <details>
          <summary className="cursor-pointer rounded-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring">
            {images.length} OS image{images.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-2 grid gap-1">
            {images.map((i) => (
              <li key={`${i.label}-${i.version}`} className="flex justify-between gap-3 text-xs">
                <span>{i.label}</span>
                <span className="text-muted-foreground">{i.osType}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
