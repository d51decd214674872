"use client";

import * as React from "react";
import { Send } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { ActionResult } from "@/lib/utils/action-result";
import { ActionButton } from "@/components/ui/action-button";
import { SigningSecret } from "./signing-secret";

type Props = {
  url: string;
  enabled: boolean;
  sendTest: () => Promise<ActionResult<string>>;
  enable: () => Promise<ActionResult>;
  disable: (form: FormData) => Promise<ActionResult>;
  rotate: (form: FormData) => Promise<ActionResult<{ id: string; secret: string }>>;
  remove: (form: FormData) => Promise<ActionResult>;
};

/** The endpoint page's buttons; a rotated secret is shown once, here, until dismissed. */
export function EndpointActions({ url, enabled, sendTest, enable, disable, rotate, remove }: Props) {
  const [secret, setSecret] = React.useState<string | null>(null);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <ActionButton action={sendTest} pendingLabel="Sending…" variant="outline" disabled={!enabled}>
          <Send aria-hidden /> Send test event
        </ActionButton>
        {enabled ? (
          <ConfirmDialog
            trigger="Disable"
            triggerVariant="outline"
            title={`Disable ${url}?`}
            description="It receives nothing while disabled, and events published meanwhile are not sent to it later."
            confirmLabel="Disable endpoint"
            pendingLabel="Disabling…"
            isDestructive={false}
            action={disable}
          />
        ) : (
          <ActionButton action={enable} pendingLabel="Enabling…" variant="outline">
            Enable
          </ActionButton>
        )}
        <ConfirmDialog
          trigger="Rotate secret"
          triggerVariant="outline"
          title="Rotate the signing secret?"
          description="A new secret signs from now on. For 24 hours requests carry a signature with the old one too, so the receiver can switch over without refusing events."
          confirmLabel="Rotate secret"
          pendingLabel="Rotating…"
          isDestructive={false}
          action={rotate}
          onSuccess={(result) => setSecret(result.data?.secret ?? null)}
        />
        <ConfirmDialog
          trigger="Delete"
          triggerVariant="destructive"
          title={`Delete ${url}?`}
          description="The endpoint, its pending deliveries and its delivery log are deleted. This cannot be undone."
          confirmLabel="Delete endpoint"
          pendingLabel="Deleting…"
          action={remove}
        />
      </div>
      {secret && <SigningSecret title="New signing secret" secret={secret} onDismiss={() => setSecret(null)} />}
    </div>
  );
}
