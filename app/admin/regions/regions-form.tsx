"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Search } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { setAllowedRegionsAction } from "@/lib/regions/actions";
import { geographies } from "@/lib/regions/geography";
import type { DiscoveredRegion } from "@/lib/regions/queries";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The allowed-regions checklist. The selection lives in state, so a search hides rows without dropping their ticks. */
export function RegionsForm({ regions, allowed }: { regions: DiscoveredRegion[]; allowed: string[] }) {
  const router = useRouter();
  const saved = React.useMemo(
    () => new Set(allowed.filter((n) => regions.some((r) => r.name === n))),
    [allowed, regions],
  );
  const [selected, setSelected] = React.useState<Set<string>>(saved);
  const [query, setQuery] = React.useState("");
  const [result, setResult] = React.useState<ActionResult>(idleResult);
  const [isPending, startTransition] = React.useTransition();
  const searchId = React.useId();
  const isDirty = !sameSet(selected, saved) || allowed.length !== saved.size;
  const errors = result.ok ? undefined : result;

  const q = query.trim().toLowerCase();
  const visible = q
    ? regions.filter(
        (r) => r.name.includes(q) || r.displayName.toLowerCase().includes(q) || r.geography.toLowerCase().includes(q),
      )
    : regions;
  const groups = geographies
    .map((g) => ({ geography: g, regions: visible.filter((r) => r.geography === g) }))
    .filter((g) => g.regions.length > 0);

  function toggle(names: string[], checked: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const n of names) {
        if (checked) next.add(n);
        else next.delete(n);
      }
      return next;
    });
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await setAllowedRegionsAction(idleResult, form);
      setResult(outcome);
      if (outcome.ok) {
        toast.success(`Allowed regions saved: ${selected.size} region${selected.size === 1 ? "" : "s"}.`);
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-4" aria-label="Allowed regions">
      {[...selected].map((name) => (
        <input key={name} type="hidden" name="regions" value={name} />
      ))}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="relative w-full sm:max-w-xs">
          <label htmlFor={searchId} className="sr-only">
            Search regions
          </label>
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          />
          {/* Enter in the search box filters; it must not save the form. */}
          <Input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
            placeholder="Search regions or geographies"
            className="pl-8"
          />
        </div>
        <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="allowed-count">
          <span className="font-medium text-foreground tabular-nums">{selected.size}</span> of {regions.length} regions
          allowed
        </p>
      </div>

      {groups.length === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          No region matches “{query.trim()}”.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {groups.map((group) => {
            const names = group.regions.map((r) => r.name);
            const ticked = names.filter((n) => selected.has(n)).length;
            const groupState = ticked === 0 ? false : ticked === names.length ? true : "indeterminate";
            const groupId = `geo-${group.geography.replace(/\W+/g, "-").toLowerCase()}`;
            return (
              <fieldset key={group.geography} className="rounded-lg border p-4">
                <legend className="sr-only">{group.geography}</legend>
                <div className="mb-3 flex items-center gap-2.5 border-b pb-3">
                  <Checkbox
                    id={groupId}
                    checked={groupState}
                    onCheckedChange={(v) => toggle(names, v === true)}
                    aria-label={`Allow every region in ${group.geography}`}
                  />
                  <label htmlFor={groupId} className="flex-1 text-sm font-semibold">
                    {group.geography}
                  </label>
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {ticked} / {names.length}
                  </span>
                </div>
                <ul className="grid gap-2">
                  {group.regions.map((r) => {
                    const id = `region-${r.name}`;
                    return (
                      <li key={r.name} className="flex items-center gap-2.5">
                        <Checkbox
                          id={id}
                          checked={selected.has(r.name)}
                          onCheckedChange={(v) => toggle([r.name], v === true)}
                        />
                        <label htmlFor={id} className="flex min-w-0 flex-1 items-baseline gap-2 text-sm">
                          <span>{r.displayName}</span>
                          <span className="truncate font-mono text-xs text-muted-foreground">{r.name}</span>
                        </label>
                        <span
                          className="shrink-0 text-xs text-muted-foreground tabular-nums"
                          title="Active subscriptions that offer this region"
                        >
                          {r.subscriptions} sub{r.subscriptions === 1 ? "" : "s"}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            );
          })}
        </div>
      )}

      <FormAlert>
        {errors
          ? [errors.formError, ...Object.values(errors.fieldErrors ?? {}).flat()].filter(Boolean).join(" ")
          : undefined}
      </FormAlert>
      <div className="flex flex-wrap items-center gap-3 border-t pt-4">
        <SubmitButton isPending={isPending} pendingLabel="Saving…" disabled={!isDirty}>
          Save allowed regions
        </SubmitButton>
        <Button variant="outline" onClick={() => setSelected(new Set(saved))} disabled={!isDirty || isPending}>
          Discard changes
        </Button>
        <span className="text-xs text-muted-foreground">{isDirty ? "You have unsaved changes." : "Saved."}</span>
      </div>
    </form>
  );
}
