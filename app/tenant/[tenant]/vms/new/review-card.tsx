import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMemory } from "../vm-format";
import type { CreateVmState, CreateVmView } from "./create-vm-state";
import { QuotaReview, ReviewList } from "./quota-review";

type Props = { form: CreateVmState; view: CreateVmView; formError?: string; isPending: boolean; cancelHref: string };

/** The sticky card beside the sections: the choices so far, the quota they use, and the submit button. */
export function ReviewCard({ form, view, formError, isPending, cancelHref }: Props) {
  const { names, chosenImage, chosenSize, catalogue, subscription, defaultNetwork, networks, overruns } = view;
  const network =
    form.network === "default"
      ? (defaultNetwork?.name ?? "Default network (new)")
      : (networks.find((n) => n.id === form.network)?.name ?? "—");
  return (
    <Card className="lg:sticky lg:top-20">
      <CardHeader>
        <CardTitle>Review</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ReviewList
          rows={[
            [
              names.length > 1 ? "VMs" : "VM",
              names.length ? (names.length > 1 ? `${names.length} × ${form.name}-NN` : form.name) : "—",
            ],
            ["Image", chosenImage?.label ?? "—"],
            [
              "Size",
              chosenSize ? `${chosenSize.name} (${chosenSize.vCpus} vCPU, ${formatMemory(chosenSize.memoryMb)})` : "—",
            ],
            ["Region", catalogue.regions.find((r) => r.name === form.region)?.displayName ?? "—"],
            [
              "Sign-in",
              form.username ? `${form.username} with ${view.authType === "ssh" ? "an SSH key" : "a password"}` : "—",
            ],
            ["Network", network],
            ["Public IP", form.publicIp ? "Yes" : "No"],
            [
              "Data disks",
              form.diskCount > 0 ? `${form.diskCount} × ${form.diskSize.toLocaleString("en-US")} GiB` : "None",
            ],
          ]}
        />
        <div className="grid gap-2">
          <h3 className="text-sm font-semibold">Quota of {subscription.name}</h3>
          <QuotaReview used={subscription.used} adding={view.adding} limit={subscription.quota} />
        </div>
        {overruns.length > 0 && (
          <FormAlert title="This request does not fit your plan's quota">
            {overruns.map((o) => `${o.label}: ${o.left} left`).join(" · ")}. Create fewer or smaller VMs, delete some,
            or ask your provider for a larger plan.
          </FormAlert>
        )}
        <FormAlert>{formError}</FormAlert>
        <div className="flex flex-wrap gap-2">
          <SubmitButton isPending={isPending} disabled={overruns.length > 0} pendingLabel="Creating…">
            {view.vmCount > 1 ? `Create ${view.vmCount} VMs` : "Create VM"}
          </SubmitButton>
          <Button asChild variant="ghost">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
