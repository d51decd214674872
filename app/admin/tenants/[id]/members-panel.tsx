"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { KeyRound, UserMinus, Users } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { EmptyState } from "@/components/empty-state";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { removeMemberAction, resetPasswordAction } from "@/lib/tenancy/actions";
import { OneTimePasswordPanel, type RevealedCredential } from "../one-time-password";
import { AddMemberDialog } from "./add-member-dialog";
import { MemberRoleForm } from "./member-role-form";

export type MemberRow = {
  id: string;
  name: string;
  email: string;
  role: "owner" | "operator" | "reader";
  staffRole: string | null;
  disabled: boolean;
  lastLoginAt: Date | null;
};

/** Members, with the one-time password of the user just created or reset held here until the admin dismisses it. */
export function MembersPanel({
  tenantId,
  tenantName,
  members,
}: {
  tenantId: string;
  tenantName: string;
  members: MemberRow[];
}) {
  const router = useRouter();
  const [credential, setCredential] = React.useState<RevealedCredential | null>(null);
  const owners = members.filter((m) => m.role === "owner").length;
  const addButton = <AddMemberDialog tenantId={tenantId} tenantName={tenantName} onCreatedUser={setCredential} />;

  return (
    <div className="space-y-4">
      {credential && <OneTimePasswordPanel credential={credential} onDismiss={() => setCredential(null)} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          {owners === 0
            ? "This tenant has no owner yet: add one so somebody can subscribe it to plans."
            : "Owners manage subscriptions; operators manage resources; readers only look."}
        </p>
        {members.length > 0 && addButton}
      </div>
      {members.length === 0 ? (
        <EmptyState
          icon={Users}
          title="No members yet"
          description={`Add the people of ${tenantName} who will use the portal, starting with an owner.`}
          action={addButton}
        />
      ) : (
        <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
          <Table aria-label="Members">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead className="max-md:hidden">Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m) => {
                const isLastOwner = m.role === "owner" && owners === 1;
                return (
                  <TableRow key={m.id}>
                    <TableCell>
                      <span className="font-medium">{m.name}</span>
                      {m.staffRole && (
                        <Badge variant="muted" className="ml-2">
                          Provider staff
                        </Badge>
                      )}
                      {m.disabled && (
                        <Badge variant="warning" className="ml-2">
                          Disabled
                        </Badge>
                      )}
                      <span className="block text-xs text-muted-foreground md:hidden">{m.email}</span>
                    </TableCell>
                    <TableCell className="max-md:hidden">{m.email}</TableCell>
                    <TableCell>
                      <MemberRoleForm
                        tenantId={tenantId}
                        membershipId={m.id}
                        role={m.role}
                        memberName={m.name}
                        isLastOwner={isLastOwner}
                      />
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap">
                      {!m.staffRole && (
                        <ConfirmDialog
                          trigger={
                            <>
                              <KeyRound aria-hidden /> <span className="max-lg:sr-only">Reset password</span>
                            </>
                          }
                          triggerVariant="ghost"
                          triggerSize="sm"
                          isDestructive={false}
                          title={`Reset ${m.name}'s password?`}
                          description="Their current password stops working at once. You get a new one-time password to give them, shown only once."
                          confirmLabel="Reset password"
                          successMessage={`${m.name}'s password was reset.`}
                          // An arrow rather than .bind: TypeScript infers the credential type of the result only through a plain call.
                          action={(form) => resetPasswordAction(tenantId, m.id, form)}
                          onSuccess={(result) => setCredential(result.data)}
                        />
                      )}
                      <ConfirmDialog
                        trigger={
                          <>
                            <UserMinus aria-hidden /> <span className="max-lg:sr-only">Remove</span>
                          </>
                        }
                        triggerVariant="ghost"
                        triggerSize="sm"
                        triggerClassName="text-destructive hover:text-destructive"
                        disabled={isLastOwner}
                        title={`Remove ${m.name} from ${tenantName}?`}
                        description={`They lose access to ${tenantName} at once. Their account stays, with access to any other tenants they belong to.`}
                        confirmLabel="Remove member"
                        successMessage={`${m.name} was removed.`}
                        action={removeMemberAction.bind(null, tenantId, m.id)}
                        onSuccess={() => router.refresh()}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {owners === 1 && (
        <p className="text-xs text-muted-foreground">
          The last owner cannot be removed or demoted: make someone else owner first.
        </p>
      )}
    </div>
  );
}
