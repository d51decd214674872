"use client";

import { Trash2 } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { removeRuleAction } from "@/lib/network/actions";

type Props = {
  tenant: string;
  loadBalancerId: string;
  rule: string;
  frontend: string;
  /** Probes that go with it: those no other rule uses. */
  probes: string[];
  disabled?: boolean;
};

/** Removing a rule says what stops and what goes with it; the frontend stays even when this is its last rule. */
export function RemoveRuleDialog({ tenant, loadBalancerId, rule, frontend, probes, disabled }: Props) {
  const alsoProbes = probes.length
    ? ` Also removed: probe${probes.length > 1 ? "s" : ""} ${probes.join(", ")} (no other rule uses ${probes.length > 1 ? "them" : "it"}).`
    : "";
  return (
    <ConfirmDialog
      triggerAsChild
      trigger={
        <Button variant="ghost" size="sm" disabled={disabled} aria-label={`Remove rule ${rule}`}>
          <Trash2 aria-hidden /> Remove
        </Button>
      }
      title={`Remove ${rule}?`}
      description={`Traffic that ${rule} sends from ${frontend} to the pool stops; ${frontend} itself stays.${alsoProbes}`}
      action={removeRuleAction.bind(null, tenant)}
      fields={{ loadBalancerId, ruleName: rule }}
      confirmLabel="Remove rule"
      pendingLabel="Removing…"
      successMessage="Removing the rule… its steps show on this page."
    />
  );
}
