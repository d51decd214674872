"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { CircleAlert } from "lucide-react";
import { SubmitButton } from "@/components/submit-button";
import { NativeSelect } from "@/components/ui/select";
import { changeMemberRoleAction } from "@/lib/tenancy/actions";
import { tenantRoles } from "@/lib/tenancy/schema";
import { tenantRoleLabels } from "@/lib/auth/roles";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

/** A select plus a Save button that appears once the role differs, so arrow keys in the select never submit by themselves. */
export function MemberRoleForm(props: {
  tenantId: string;
  membershipId: string;
  role: string;
  memberName: string;
  isLastOwner: boolean;
}) {
  const router = useRouter();
  const [role, setRole] = React.useState(props.role);
  const [result, setResult] = React.useState<ActionResult>(idleResult);
  const [isPending, startTransition] = React.useTransition();
  const errorId = React.useId();
  const error = result.ok ? undefined : (result.fieldErrors?.role?.[0] ?? result.formError);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await changeMemberRoleAction(props.tenantId, props.membershipId, idleResult, form);
      setResult(outcome);
      if (outcome.ok) {
        toast.success(
          `${props.memberName} is now ${tenantRoleLabels[role as keyof typeof tenantRoleLabels].toLowerCase()}.`,
        );
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-1">
      <div className="flex items-center gap-2">
        <NativeSelect
          name="role"
          value={role}
          onChange={(e) => {
            setRole(e.target.value);
            setResult(idleResult);
          }}
          aria-label={`Role of ${props.memberName}`}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={error ? errorId : undefined}
          wrapperClassName="w-36"
          disabled={isPending}
          options={tenantRoles.map((r) => ({
            value: r,
            label: tenantRoleLabels[r],
            disabled: props.isLastOwner && r !== "owner",
          }))}
        />
        {role !== props.role && (
          <SubmitButton size="sm" isPending={isPending} pendingLabel="Saving…">
            Save
          </SubmitButton>
        )}
      </div>
      {error && (
        <p id={errorId} className="flex max-w-xs items-start gap-1 text-xs font-medium text-destructive">
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" /> {error}
        </p>
      )}
    </form>
  );
}
