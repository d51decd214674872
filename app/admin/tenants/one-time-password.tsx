"use client";

import { KeyRound, X } from "lucide-react";
import { CopyButton } from "@/components/copy-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type RevealedCredential = { email: string; name: string; oneTimePassword: string };

/**
 * A one-time password as the service returned it. It lives only in this component's props: closing the panel or
 * leaving the page loses it for good, which is the point — only its hash is stored.
 */
export function OneTimePasswordPanel({
  credential,
  onDismiss,
}: {
  credential: RevealedCredential;
  onDismiss?: () => void;
}) {
  return (
    <Alert
      variant="warning"
      icon={<KeyRound aria-hidden />}
      title={`One-time password for ${credential.name}`}
      data-testid="one-time-password"
    >
      <div className="mt-1 grid gap-3">
        <p>
          Give it to {credential.email} by a secure channel. <strong>It will not be shown again</strong>; if it is lost,
          reset the password.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            aria-label="One-time password"
            className="rounded-md border bg-background px-3 py-1.5 font-mono text-base tracking-wide select-all"
          >
            {credential.oneTimePassword}
          </code>
          <CopyButton value={credential.oneTimePassword} label="Copy the password" className="size-8" />
          {onDismiss && (
            <Button variant="ghost" size="sm" onClick={onDismiss} className="ml-auto">
              <X aria-hidden /> I have saved it
            </Button>
          )}
        </div>
      </div>
    </Alert>
  );
}
