"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { UserPlus } from "lucide-react";
import { FormDialog } from "@/components/form-dialog";
import { FormField } from "@/components/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { addMemberAction } from "@/lib/tenancy/actions";
import { tenantRoleDescriptions, tenantRoles } from "@/lib/tenancy/schema";
import { idleResult } from "@/lib/utils/action-result";
import type { RevealedCredential } from "../one-time-password";

export function AddMemberDialog({
  tenantId,
  tenantName,
  onCreatedUser,
}: {
  tenantId: string;
  tenantName: string;
  onCreatedUser: (c: RevealedCredential) => void;
}) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={
        <Button>
          <UserPlus aria-hidden /> Add member
        </Button>
      }
      title={`Add a member to ${tenantName}`}
      description="Someone who already has an account is added as they are. For a new email, enter their name too: an account is created with a one-time password that you see once."
      action={(form) => addMemberAction(tenantId, idleResult, form)}
      submitLabel="Add member"
      pendingLabel="Adding…"
      onSuccess={({ data: added }) => {
        if (added.credential) onCreatedUser(added.credential);
        toast.success(
          added.user.isNew
            ? `${added.user.name} was created and added.`
            : `${added.user.name} was added to ${tenantName}.`,
        );
        router.refresh();
      }}
    >
      {({ errors, isPending }) => (
        <>
          <FormField label="Email" name="email" required error={errors?.fieldErrors?.email}>
            <Input name="email" type="email" autoComplete="off" spellCheck={false} autoFocus disabled={isPending} />
          </FormField>
          <FormField
            label="Name"
            name="name"
            optional
            description="Needed only for a new user."
            error={errors?.fieldErrors?.name}
          >
            <Input name="name" autoComplete="off" disabled={isPending} />
          </FormField>
          <FormField label="Role" name="role" required error={errors?.fieldErrors?.role}>
            <NativeSelect
              name="role"
              defaultValue="operator"
              disabled={isPending}
              options={tenantRoles.map((r) => ({
                value: r,
                label: `${tenantRoleLabels[r]} — ${tenantRoleDescriptions[r]}`,
              }))}
            />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
