import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormSection } from "@/components/form-section";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { LATEST } from "@/lib/plans/rules";
import type { PlanFormView } from "./plan-form-state";

type Props = { view: PlanFormView; offersDr: boolean; planId?: string; formError?: string; isPending: boolean };

/** The last section: what the plan will offer, the form-wide error and the buttons. */
export function ReviewSection({ view, offersDr, planId, formError, isPending }: Props) {
  const { subscription, chosenSizes, chosenImages } = view;
  return (
    <FormSection id="review" layout="aside" title="Review" description="Check the plan, then save.">
      <div className="grid gap-4">
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-lg border bg-muted/30 p-4 text-sm">
          <dt className="text-muted-foreground">Subscription</dt>
          <dd>{subscription?.displayName ?? "Not chosen"}</dd>
          <dt className="text-muted-foreground">VM sizes</dt>
          <dd>
            {chosenSizes.length
              ? `${chosenSizes.length}: ${chosenSizes.slice(0, 6).join(", ")}${chosenSizes.length > 6 ? "…" : ""}`
              : "None chosen"}
          </dd>
          <dt className="text-muted-foreground">OS images</dt>
          <dd>
            {chosenImages.length
              ? chosenImages
                  .map(({ image, version }) => `${image.label} (${version === LATEST ? "latest" : version})`)
                  .join(", ")
              : "None chosen"}
          </dd>
          <dt className="text-muted-foreground">Disaster recovery</dt>
          <dd>{offersDr ? "Offered" : "Not offered"}</dd>
        </dl>
        <FormAlert>{formError}</FormAlert>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton isPending={isPending} pendingLabel={planId ? "Saving…" : "Creating…"}>
            {planId ? "Save changes" : "Create plan"}
          </SubmitButton>
          <Button variant="outline" asChild>
            <Link href={planId ? `/admin/plans/${planId}` : "/admin/plans"}>Cancel</Link>
          </Button>
        </div>
      </div>
    </FormSection>
  );
}
