"use client";

import * as React from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/select";
import { LATEST, type CatalogueImage } from "@/lib/plans/rules";

type Props = {
  images: CatalogueImage[];
  /** Chosen image key → version ("latest" or a pinned one). */
  selected: ReadonlyMap<string, string>;
  onChange: (next: Map<string, string>) => void;
  describedBy?: string;
};

/** Images by OS with friendly names; each chosen image takes "latest" or a version pinned from the catalogue. */
export function ImagePicker({ images, selected, onChange, describedBy }: Props) {
  const groups = (["Windows", "Linux"] as const)
    .map((os) => ({ os, images: images.filter((i) => i.osType === os) }))
    .filter((g) => g.images.length > 0);

  function set(key: string, version: string | null) {
    const next = new Map(selected);
    if (version === null) next.delete(key);
    else next.set(key, version);
    onChange(next);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-describedby={describedBy}>
      {groups.map((group) => (
        // A fieldset is at least as wide as its content by default: the untruncated sku line pushed the Windows list over
        // the Linux one in a real catalogue, so its version selects covered the Linux checkboxes.
        <fieldset key={group.os} className="min-w-0 rounded-lg border">
          <legend className="sr-only">{group.os} images</legend>
          <div
            className="flex items-center justify-between border-b bg-muted/50 px-4 py-2 text-xs font-medium text-muted-foreground"
            aria-hidden
          >
            <span>{group.os}</span>
            <span className="tabular-nums">
              {group.images.filter((i) => selected.has(i.key)).length} / {group.images.length}
            </span>
          </div>
          <ul className="divide-y">
            {group.images.map((image) => {
              const id = `image-${image.key.replace(/\W+/g, "-")}`;
              const version = selected.get(image.key);
              const isChecked = version !== undefined;
              return (
                <li key={image.key} className="flex flex-wrap items-center gap-3 px-4 py-2.5">
                  <Checkbox
                    id={id}
                    checked={isChecked}
                    onCheckedChange={(v) => set(image.key, v === true ? LATEST : null)}
                  />
                  <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer text-sm">
                    <span className="font-medium">{image.label}</span>
                    <span className="block truncate font-mono text-xs text-muted-foreground">
                      {image.publisher} · {image.offer} · {image.sku}
                    </span>
                  </label>
                  <NativeSelect
                    aria-label={`Version of ${image.label}`}
                    value={version ?? LATEST}
                    disabled={!isChecked}
                    onChange={(e) => set(image.key, e.target.value)}
                    wrapperClassName="w-auto"
                    className="h-8 w-44 text-[13px]"
                  >
                    <option value={LATEST}>Latest</option>
                    {image.versions.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </NativeSelect>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
