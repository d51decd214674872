"use client";

import { FlaskConical } from "lucide-react";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import type { EmulatorChoice } from "@/lib/subscriptions/builtin-emulator";

export type BuiltinEmulatorOffer = {
  url: string;
  caCertificate: string;
  choices: (EmulatorChoice & { isOnboarded: boolean })[];
};

/** Demo mode only: one click fills the Custom cloud with the emulator `npm start` runs. */
export function UseBuiltinEmulator({ emulator, onUse }: { emulator: BuiltinEmulatorOffer; onUse: () => void }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-dashed bg-muted/30 p-4">
      <p className="max-w-prose text-sm text-muted-foreground">
        Demo mode: the portal runs its own Azure emulator at <span className="font-mono text-xs">{emulator.url}</span>.
        Onboard one of its subscriptions without looking up endpoints, certificates or credentials.
      </p>
      <Button type="button" variant="outline" onClick={onUse}>
        <FlaskConical aria-hidden /> Use the built-in Azure emulator
      </Button>
    </div>
  );
}

/**
 * Instead of the four credential fields: a principal and subscription of the emulator. Only the choice is posted; the
 * server fills the directory, client id and secret from the emulator, so no secret is ever sent to the browser.
 */
export function EmulatorCredentials(props: {
  emulator: BuiltinEmulatorOffer;
  choice: string;
  onChoose: (choice: EmulatorChoice | undefined) => void;
  onTypeThemMyself: () => void;
  error?: string[];
}) {
  const chosen = props.emulator.choices.find((c) => c.value === props.choice);
  return (
    <fieldset className="grid gap-4 rounded-lg border bg-muted/30 p-4">
      <legend className="px-1 text-sm font-medium">Built-in Azure emulator</legend>
      <FormField
        label="Service principal and subscription"
        name="emulatorChoice"
        required
        error={props.error}
        description="The emulator's service principals, each with the subscriptions it has a role on. Its directory, client id and secret are filled in by the portal."
      >
        <NativeSelect
          name="emulatorChoice"
          value={props.choice}
          onChange={(e) => props.onChoose(props.emulator.choices.find((c) => c.value === e.target.value))}
          placeholder="Choose a principal and subscription…"
          required
        >
          {props.emulator.choices.map((c) => (
            <option key={c.value} value={c.value} disabled={c.isOnboarded}>
              {c.principalName} — {c.subscriptionName} ({c.subscriptionId.slice(0, 8)}…)
              {c.isOnboarded ? " · already onboarded" : ""}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {chosen && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" aria-label="Emulator credentials">
          <dt className="text-muted-foreground">Directory (tenant) id</dt>
          <dd className="font-mono text-xs">{chosen.directoryId}</dd>
          <dt className="text-muted-foreground">Subscription id</dt>
          <dd className="font-mono text-xs">{chosen.subscriptionId}</dd>
          <dt className="text-muted-foreground">Application (client) id</dt>
          <dd className="font-mono text-xs">{chosen.appId}</dd>
          <dt className="text-muted-foreground">Client secret</dt>
          <dd>Read from the emulator by the portal when you submit</dd>
        </dl>
      )}
      <Button type="button" variant="link" className="justify-self-start px-0" onClick={props.onTypeThemMyself}>
        Enter the endpoints and credentials myself
      </Button>
    </fieldset>
  );
}
