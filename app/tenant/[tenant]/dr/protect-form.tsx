"use client";

import { FormAlert } from "@/components/form-alert";
import { StatusBadge } from "@/components/status-badge";
import { SubmitButton } from "@/components/submit-button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { enableProtectionAction } from "@/lib/dr/actions";
import { useKeptActionState } from "@/components/dr/kept-action-state";

export type VmRow = {
  armName: string;
  name: string;
  osType: string;
  osName?: string;
  disks: number;
  protectedItemId: string | null;
  state: string | null;
  failoverState: string | null;
};

/** The cloud's VMs: unprotected ones can be selected and protected together, each with its Azure name and size. */
export function ProtectForm({ tenant, vms, canEdit }: { tenant: string; vms: VmRow[]; canEdit: boolean }) {
  const { state, formAction, isPending, value, values, isPosted, posts } = useKeptActionState(
    enableProtectionAction.bind(null, tenant),
  );
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]?.join(" "));
  return (
    <form action={formAction} className="space-y-3">
      <table className="w-full text-sm">
        <thead className="text-left text-muted-foreground">
          <tr>
            <th className="w-8" />
            <th className="py-2">VM</th>
            <th>OS</th>
            <th>Disks</th>
            <th>Azure name</th>
            <th>Azure size</th>
            <th>Protection</th>
          </tr>
        </thead>
        <tbody>
          {vms.map((vm) => (
            <tr key={vm.armName} className="border-t">
              <td>
                {!vm.protectedItemId && canEdit && (
                  <Checkbox
                    key={posts}
                    name="vm"
                    value={vm.armName}
                    defaultChecked={values("vm").includes(vm.armName)}
                    aria-label={`Protect ${vm.name}`}
                  />
                )}
              </td>
              <td className="py-2 font-medium">
                {vm.protectedItemId ? (
                  <a className="underline" href={`/tenant/${tenant}/dr/${vm.protectedItemId}`}>
                    {vm.name}
                  </a>
                ) : (
                  vm.name
                )}
              </td>
              <td>{vm.osName ?? vm.osType}</td>
              <td>{vm.disks}</td>
              <td>
                {vm.protectedItemId ? (
                  "—"
                ) : (
                  <Input
                    name={`targetVmName:${vm.armName}`}
                    defaultValue={isPosted ? value(`targetVmName:${vm.armName}`) : vm.name}
                    className="h-8 w-32"
                    aria-label={`Azure name for ${vm.name}`}
                    disabled={!canEdit}
                  />
                )}
              </td>
              <td>
                {vm.protectedItemId ? (
                  "—"
                ) : (
                  <Input
                    name={`targetSize:${vm.armName}`}
                    defaultValue={value(`targetSize:${vm.armName}`)}
                    placeholder="Match source"
                    className="h-8 w-40"
                    aria-label={`Azure size for ${vm.name}`}
                    disabled={!canEdit}
                  />
                )}
              </td>
              <td>
                {vm.protectedItemId ? (
                  <span className="flex items-center gap-2">
                    <StatusBadge state={vm.state ?? "running"} />
                    {vm.failoverState}
                  </span>
                ) : (
                  <span className="text-muted-foreground">Not protected</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {e("vms") && <FormAlert>{e("vms")}</FormAlert>}
      {!state.ok && state.formError && !e("vms") && <FormAlert>{state.formError}</FormAlert>}
      {state.ok && state.message && (
        <FormAlert variant="info">
          {state.message} Each VM&apos;s protection and initial replication update below as Azure works; no need to
          refresh.
        </FormAlert>
      )}
      {canEdit && (
        <SubmitButton isPending={isPending} pendingLabel="Enabling…">
          Enable protection for selected VMs
        </SubmitButton>
      )}
    </form>
  );
}
