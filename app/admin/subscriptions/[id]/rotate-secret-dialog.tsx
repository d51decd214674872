"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { KeyRound } from "lucide-react";
import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { rotateSecretAction } from "@/lib/subscriptions/actions";
import { idleResult } from "@/lib/utils/action-result";

/** Replaces the client secret. The field starts empty every time: the current secret is never sent to the browser. */
export function RotateSecretDialog({ id, isDisabled }: { id: string; isDisabled: boolean }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={
        <Button variant="outline">
          <KeyRound aria-hidden /> Rotate secret
        </Button>
      }
      title="Rotate the client secret"
      description={
        <>
          Paste the new secret&apos;s value from the app registration. It replaces the stored one (encrypted at rest)
          {isDisabled ? "." : " and the subscription is validated again with it."}
        </>
      }
      action={(form) => rotateSecretAction(idleResult, form)}
      submitLabel="Save and validate"
      pendingLabel="Saving…"
      onSuccess={() => {
        toast.success(
          isDisabled
            ? "Secret replaced. Enable the subscription to validate it."
            : "Secret replaced: validating with the new secret.",
        );
        router.refresh();
      }}
    >
      {({ errors, isPending }) => (
        <>
          <input type="hidden" name="id" value={id} />
          <FormField label="New client secret" name="clientSecret" required error={errors?.fieldErrors?.clientSecret}>
            <Input
              name="clientSecret"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              autoFocus
              disabled={isPending}
            />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
