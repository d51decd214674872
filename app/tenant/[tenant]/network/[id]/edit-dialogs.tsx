"use client";

import * as React from "react";
import { toast } from "sonner";
import { Pencil } from "lucide-react";
import { ActionForm } from "@/components/form-action";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { NativeSelect } from "@/components/ui/select";
import type { LoadBalancerProbe, LoadBalancerRule } from "@/lib/azure";
import { updateProbeAction, updateRuleAction } from "@/lib/network/actions";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import { ProbeFields, RuleFields, useFormValues, type Values } from "../lb-fields";

type Action = (tenant: string, prev: ActionResult, form: FormData) => Promise<ActionResult>;

function EditDialog(props: {
  tenant: string;
  loadBalancerId: string;
  title: string;
  description: string;
  action: Action;
  initial: Values;
  disabled?: boolean;
  children: (
    form: ReturnType<typeof useFormValues>,
    errors: Record<string, string[] | undefined> | undefined,
  ) => React.ReactNode;
}) {
  const { tenant, loadBalancerId, title, description, action, initial, disabled, children } = props;
  const [isOpen, setOpen] = React.useState(false);
  const form = useFormValues(initial);
  const [state, formAction, isPending] = React.useActionState(async (prev: ActionResult, data: FormData) => {
    const result = await action(tenant, prev, data);
    if (result.ok) {
      setOpen(false);
      toast.success(result.message ?? "Saving…");
    }
    return result;
  }, idleResult);
  // Reopening starts from the initial values, so the last refusal's errors no longer describe the form.
  const [dismissed, setDismissed] = React.useState<ActionResult>(idleResult);
  const failure = state.ok || state === dismissed ? undefined : state;
  const errors = failure?.fieldErrors;
  return (
    <Dialog
      open={isOpen}
      onOpenChange={(open) => !isPending && (setOpen(open), open && (form.reset(), setDismissed(state)))}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={disabled} aria-label={title}>
          <Pencil aria-hidden /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-xl">
        <ActionForm action={formAction} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <input type="hidden" name="loadBalancerId" value={loadBalancerId} />
          {children(form, errors)}
          <FormAlert>{failure?.formError}</FormAlert>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Saving…">
              Save
            </SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

export function EditProbeDialog({
  tenant,
  loadBalancerId,
  probe,
  disabled,
}: {
  tenant: string;
  loadBalancerId: string;
  probe: LoadBalancerProbe;
  disabled?: boolean;
}) {
  const initial = {
    probeName: probe.name,
    probeProtocol: probe.protocol,
    probePort: String(probe.port),
    probePath: probe.requestPath ?? "/",
    probeInterval: String(probe.intervalSeconds),
    probeCount: String(probe.probeCount),
  };
  return (
    <EditDialog
      tenant={tenant}
      loadBalancerId={loadBalancerId}
      title={`Edit probe ${probe.name}`}
      description="Saved as one update of the load balancer; rules that use this probe follow it."
      action={updateProbeAction}
      initial={initial}
      disabled={disabled}
    >
      {(form, errors) => <ProbeFields form={form} errors={errors} isNameFixed />}
    </EditDialog>
  );
}

export function EditRuleDialog(props: {
  tenant: string;
  loadBalancerId: string;
  rule: LoadBalancerRule;
  frontends: string[];
  pools: string[];
  probes: string[];
  disabled?: boolean;
}) {
  const { rule } = props;
  const initial = {
    ruleName: rule.name,
    frontendName: rule.frontendName,
    ruleProtocol: rule.protocol,
    frontendPort: String(rule.frontendPort),
    backendPort: String(rule.backendPort),
    backendPool: rule.backendPoolName,
    probeChoice: rule.probeName ?? "",
    idleTimeout: String(rule.idleTimeoutMinutes),
    floatingIp: rule.floatingIp,
    tcpReset: rule.tcpReset,
  };
  return (
    <EditDialog
      tenant={props.tenant}
      loadBalancerId={props.loadBalancerId}
      title={`Edit rule ${rule.name}`}
      description="Another frontend moves the rule there. Ports already used by another rule are refused beside the field."
      action={updateRuleAction}
      initial={initial}
      disabled={props.disabled}
    >
      {(form, errors) => (
        <>
          <FormField label="Frontend" name="frontendName" required error={errors?.frontendName}>
            <NativeSelect
              {...form.text("frontendName")}
              options={props.frontends.map((f) => ({ value: f, label: f }))}
            />
          </FormField>
          <RuleFields
            form={form}
            errors={errors}
            pools={props.pools}
            probes={props.probes}
            isNameFixed
            isFloatingIpFixed
          />
        </>
      )}
    </EditDialog>
  );
}
