"use client";

import * as React from "react";
import { FormField } from "@/components/form-field";
import { Input } from "@/components/ui/input";

export type EndpointDefaults = { url: string; description: string; eventTypes: string[] };
type Props = {
  eventTypes: { value: string; label: string }[];
  /** Whether http:// is accepted (demo mode); production needs https. */
  allowsHttp: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  defaults?: EndpointDefaults;
};

/** URL, description and event types: the same fields when an endpoint is added and when it is edited. */
export function EndpointFields({ eventTypes, allowsHttp, fieldErrors, defaults }: Props) {
  const hintId = React.useId();
  const typeErrors = Object.entries(fieldErrors ?? {})
    .filter(([key]) => key.startsWith("eventTypes"))
    .flatMap(([, messages]) => messages ?? []);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <FormField
          label="URL"
          name="url"
          required
          error={fieldErrors?.url}
          description={
            allowsHttp
              ? "https:// (http:// only in demo mode), no user name or password in it."
              : "https://, no user name or password in it."
          }
        >
          <Input
            name="url"
            type="url"
            maxLength={2000}
            autoComplete="off"
            placeholder="https://hooks.example.com/portal"
            defaultValue={defaults?.url}
          />
        </FormField>
        <FormField label="Description" name="description" optional error={fieldErrors?.description}>
          <Input
            name="description"
            maxLength={200}
            autoComplete="off"
            placeholder="Billing system"
            defaultValue={defaults?.description}
          />
        </FormField>
      </div>
      <fieldset className="grid gap-2" aria-describedby={hintId}>
        <legend className="text-sm font-medium">Events</legend>
        <p id={hintId} className="text-sm text-muted-foreground">
          Tick none to receive every event type, including types added later.
        </p>
        <div className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {eventTypes.map((t) => (
            <label key={t.value} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="eventTypes"
                value={t.value}
                defaultChecked={defaults?.eventTypes.includes(t.value)}
                className="size-4 accent-primary"
              />
              <span>
                {t.label} <code className="font-mono text-xs text-muted-foreground">{t.value}</code>
              </span>
            </label>
          ))}
        </div>
        {typeErrors.length > 0 && (
          <p role="alert" className="text-sm text-destructive">
            {typeErrors.join(" ")}
          </p>
        )}
      </fieldset>
    </>
  );
}
