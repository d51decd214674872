"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Trash2 } from "lucide-react";
import { FormAlert } from "@/components/form-alert";
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
import { removeFrontendAction } from "@/lib/network/actions";

type Props = {
  tenant: string;
  loadBalancerId: string;
  frontend: { name: string; publicIpName?: string; publicIpAddress?: string };
  /** What goes with it: its rules, and the probes no other rule uses. */
  rules: string[];
  probes: string[];
  disabled?: boolean;
};

/** Removing a frontend says what goes with it and asks whether its public IP is released or kept for later. */
export function RemoveFrontendDialog({ tenant, loadBalancerId, frontend, rules, probes, disabled }: Props) {
  const router = useRouter();
  const [isOpen, setOpen] = React.useState(false);
  const [publicIp, setPublicIp] = React.useState<"release" | "keep">("release");
  const [formError, setFormError] = React.useState<string>();
  const [isPending, startTransition] = React.useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await removeFrontendAction(tenant, data);
      if (!result.ok) return setFormError(result.formError);
      setOpen(false);
      toast.success(result.message ?? "Removing the frontend…");
      router.refresh();
    });
  }

  return (
    <Dialog open={isOpen} onOpenChange={(open) => !isPending && (setOpen(open), setFormError(undefined))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" disabled={disabled} aria-label={`Remove ${frontend.name}`}>
          <Trash2 aria-hidden /> Remove
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Remove {frontend.name}?</DialogTitle>
            <DialogDescription>
              Traffic to {frontend.publicIpAddress ?? "this frontend"} stops. Also removed:{" "}
              {rules.length ? `rule${rules.length > 1 ? "s" : ""} ${rules.join(", ")}` : "no rules"}
              {probes.length
                ? ` and probe${probes.length > 1 ? "s" : ""} ${probes.join(", ")} (no other rule uses ${probes.length > 1 ? "them" : "it"})`
                : ""}
              .
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="loadBalancerId" value={loadBalancerId} />
          <input type="hidden" name="frontendName" value={frontend.name} />
          {frontend.publicIpName && (
            <fieldset className="grid gap-2 text-sm">
              <legend className="mb-1 font-medium">Public IP {frontend.publicIpName}</legend>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="publicIp"
                  value="release"
                  checked={publicIp === "release"}
                  onChange={() => setPublicIp("release")}
                  className="mt-1 accent-primary"
                />
                <span>
                  Release it{" "}
                  <span className="block text-muted-foreground">
                    The address goes back to Azure and stops counting against your quota.
                  </span>
                </span>
              </label>
              <label className="flex items-start gap-2">
                <input
                  type="radio"
                  name="publicIp"
                  value="keep"
                  checked={publicIp === "keep"}
                  onChange={() => setPublicIp("keep")}
                  className="mt-1 accent-primary"
                />
                <span>
                  Keep it{" "}
                  <span className="block text-muted-foreground">
                    Unattached, to give to another frontend later (DNS records keep working). It still counts against
                    your quota.
                  </span>
                </span>
              </label>
            </fieldset>
          )}
          <FormAlert>{formError}</FormAlert>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <SubmitButton variant="destructive" isPending={isPending} pendingLabel="Removing…">
              Remove frontend
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
