"use client";

import * as React from "react";
import { toast } from "sonner";
import { Plus } from "lucide-react";
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
import { addRuleAction } from "@/lib/network/actions";
import { guideDefaults } from "@/lib/network/schema";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import { ProbeChoiceSection, RuleFields, Section, useFormValues } from "../lb-fields";

type Props = {
  tenant: string;
  lb: { id: string; name: string; probeCount: number; ruleCount: number };
  /** The frontend whose row opened the dialog; any other can be chosen. */
  frontend: string;
  frontends: string[];
  pools: string[];
  probes: string[];
  disabled?: boolean;
};

/**
 * "Add rule" on an existing frontend (HTTPS 443 next to HTTP 80 on one VIP): a rule with a new or existing probe, saved
 * as one update of the load balancer. Clashes with the frontend's other rules come back beside their fields.
 */
export function AddRuleDialog({ tenant, lb, frontend, frontends, pools, probes, disabled }: Props) {
  const [isOpen, setOpen] = React.useState(false);
  const form = useFormValues({
    frontendName: frontend,
    probeChoice: "new",
    probeName: `Probe${lb.probeCount + 1}`,
    probeProtocol: "Tcp",
    probePort: "443",
    probePath: "",
    probeInterval: String(guideDefaults.probeInterval),
    probeCount: String(guideDefaults.probeCount),
    ruleName: `Rule${lb.ruleCount + 1}`,
    ruleProtocol: guideDefaults.ruleProtocol,
    frontendPort: "443",
    backendPort: "443",
    backendPool: pools[0] ?? "",
    idleTimeout: String(guideDefaults.idleTimeout),
    floatingIp: false,
    tcpReset: false,
  });
  const [state, formAction, isPending] = React.useActionState(async (prev: ActionResult, data: FormData) => {
    const result = await addRuleAction(tenant, prev, data);
    if (result.ok) {
      setOpen(false);
      toast.success("Adding the rule… its steps show on this page.");
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
        <Button variant="ghost" size="sm" disabled={disabled} aria-label={`Add a rule to ${frontend}`}>
          {/* "a" as in its name, "Add a rule to <frontend>", so the visible words are part of it (WCAG 2.5.3). */}
          <Plus aria-hidden /> Add a rule
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <ActionForm action={formAction} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>Add a rule to {lb.name}</DialogTitle>
            <DialogDescription>
              A load-balancing rule on a frontend that already exists, with a new or existing health probe, saved as one
              update of the load balancer.
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="loadBalancerId" value={lb.id} />

          <FormField label="Frontend" name="frontendName" required error={errors?.frontendName}>
            <NativeSelect {...form.text("frontendName")} options={frontends.map((f) => ({ value: f, label: f }))} />
          </FormField>

          <ProbeChoiceSection form={form} errors={errors} probes={probes} />

          <Section
            title="Load-balancing rule"
            description="Traffic to the frontend on the frontend port goes to the pool's VMs on the backend port."
          >
            <RuleFields form={form} errors={errors} pools={pools} />
          </Section>

          <FormAlert>{failure?.formError}</FormAlert>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton isPending={isPending} pendingLabel="Adding…">
              Add rule
            </SubmitButton>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
