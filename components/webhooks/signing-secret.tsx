"use client";

import { KeyRound, X } from "lucide-react";
import { CopyButton } from "@/components/copy-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The endpoint's signing secret, shown once right after it was made (create, rotate); the portal never shows it again. */
export function SigningSecret({ title, secret, onDismiss }: { title: string; secret: string; onDismiss: () => void }) {
  return (
    <Alert variant="warning" icon={<KeyRound aria-hidden />} title={title} data-testid="signing-secret">
      <div className="mt-1 grid gap-3">
        <p>
          Give it to the receiver, which checks every request&apos;s{" "}
          <code className="font-mono">webhook-signature</code> with it. <strong>It will not be shown again</strong>: if
          it is lost, rotate it.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            aria-label="Signing secret"
            className="max-w-full rounded-md border bg-background px-3 py-1.5 font-mono text-sm break-all select-all"
          >
            {secret}
          </code>
          <CopyButton value={secret} label="Copy the signing secret" className="size-8" />
          <Button variant="ghost" size="sm" onClick={onDismiss} className="ml-auto">
            <X aria-hidden /> I have saved it
          </Button>
        </div>
      </div>
    </Alert>
  );
}
