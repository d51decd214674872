"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { KeyRound } from "lucide-react";
import { FormDialog } from "@/components/form-dialog";
import { CredentialFields } from "@/components/credential-fields";
import { Button } from "@/components/ui/button";
import { rotateSecretAction } from "@/lib/subscriptions/actions";
import { idleResult } from "@/lib/utils/action-result";

/**
 * Replaces the credential with a new secret or certificate (either kind, whatever the current one is). The fields start
 * empty every time: the current credential is never sent to the browser.
 */
export function RotateSecretDialog({ id, isDisabled }: { id: string; isDisabled: boolean }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={
        <Button variant="outline">
          <KeyRound aria-hidden /> Rotate secret
        </Button>
      }
      title="Rotate the credential"
      description={
        <>
          Paste the new secret&apos;s value, or a certificate with its private key, from the app registration. It
          replaces the stored one (encrypted at rest)
          {isDisabled ? "." : " and the subscription is validated again with it."}
        </>
      }
      action={(form) => rotateSecretAction(idleResult, form)}
      submitLabel="Save and validate"
      pendingLabel="Saving…"
      onSuccess={() => {
        toast.success(
          isDisabled
            ? "Credential replaced. Enable the subscription to validate it."
            : "Credential replaced: validating with it.",
        );
        router.refresh();
      }}
    >
      {({ errors }) => (
        <>
          <input type="hidden" name="id" value={id} />
          <CredentialFields fieldError={(name) => errors?.fieldErrors?.[name]} secretLabel="New client secret" />
        </>
      )}
    </FormDialog>
  );
}
