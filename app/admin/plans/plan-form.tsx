"use client";

import * as React from "react";
import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { SubmitButton } from "@/components/submit-button";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { createPlanAction, updatePlanAction } from "@/lib/plans/actions";
import type { AttachableSubscription } from "@/lib/plans/queries";
import { LATEST } from "@/lib/plans/rules";
import { quotaFieldNames, quotaFields, type ImageChoice, type PlanQuotas, type PlanStateValue } from "@/lib/plans/schema";
import { idleResult } from "@/lib/utils/action-result";
import { FormSection } from "./form-section";
import { ImagePicker } from "./image-picker";
import { SizePicker } from "./size-picker";

export type PlanFormValues = {
  name: string;
  description: string;
  state: PlanStateValue;
  azureSubscriptionId: string;
  allowedSizes: string[];
  allowedImages: ImageChoice[];
  quotas: PlanQuotas;
  offersDr: boolean;
};

type Props = {
  /** Absent for a new plan. */
  planId?: string;
  initial: PlanFormValues;
  subscriptions: AttachableSubscription[];
  /** Tenants subscribe to the plan, so its subscription cannot change. */
  isSubscriptionLocked?: boolean;
  hasAllowedRegions: boolean;
  usage?: PlanQuotas;
};

const keyOf = (i: Pick<ImageChoice, "publisher" | "offer" | "sku">) => `${i.publisher}:${i.offer}:${i.sku}`.toLowerCase();

export function PlanForm({ planId, initial, subscriptions, isSubscriptionLocked, hasAllowedRegions, usage }: Props) {
  const action = planId ? updatePlanAction.bind(null, planId) : createPlanAction;
  const [state, formAction, isPending] = React.useActionState(action, idleResult);
  const [, startTransition] = React.useTransition();
  const formRef = React.useRef<HTMLFormElement>(null);
  const [subscriptionId, setSubscriptionId] = React.useState(initial.azureSubscriptionId);
  // Ticks survive a switch to another subscription and back; only those the current one offers are posted.
  const [sizes, setSizes] = React.useState<Set<string>>(() => new Set(initial.allowedSizes));
  const [images, setImages] = React.useState<Map<string, string>>(() => new Map(initial.allowedImages.map((i) => [keyOf(i), i.version])));
  const [offersDr, setOffersDr] = React.useState(initial.offersDr);
  const [visibility, setVisibility] = React.useState(initial.state);
  const errors = state.ok ? undefined : state;
  const fieldError = (key: string) => errors?.fieldErrors?.[key];
  const imageErrors = Object.entries(errors?.fieldErrors ?? {}).filter(([k]) => k.startsWith("allowedImages")).flatMap(([, v]) => v ?? []);

  const subscription = subscriptions.find((s) => s.id === subscriptionId);
  const offerable = subscription?.sizes ?? [];
  const chosenSizes = offerable.filter((s) => sizes.has(s.name)).map((s) => s.name);
  const chosenImages = (subscription?.images ?? [])
    .filter((i) => images.has(i.key))
    .map((i) => ({ image: i, version: i.versions.includes(images.get(i.key)!) ? images.get(i.key)! : LATEST }));
  const droppedSizes = subscriptionId === initial.azureSubscriptionId ? initial.allowedSizes.filter((n) => !offerable.some((s) => s.name === n)) : [];

  React.useEffect(() => {
    if (state.ok) return;
    const section = formRef.current?.querySelector("[data-invalid]");
    section?.scrollIntoView({ block: "center" });
    section?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button[role=checkbox]")?.focus({ preventScroll: true });
  }, [state]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault(); // calling the action ourselves keeps what was typed when it answers with errors
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="grid gap-8" aria-label={planId ? "Edit plan" : "New plan"}>
      {chosenSizes.map((name) => (
        <input key={name} type="hidden" name="allowedSizes" value={name} />
      ))}
      {chosenImages.map(({ image, version }) => (
        <input key={image.key} type="hidden" name="allowedImages" value={JSON.stringify({ publisher: image.publisher, offer: image.offer, sku: image.sku, version })} />
      ))}

      <FormSection id="basics" title="Basics" description="What tenants see when they choose a plan.">
        <div className="grid max-w-xl gap-4">
          <FormField label="Name" name="name" required error={fieldError("name")}>
            <Input name="name" defaultValue={initial.name} maxLength={64} autoComplete="off" autoFocus={!planId} />
          </FormField>
          <FormField label="Description" name="description" optional error={fieldError("description")} description="Up to 500 characters, e.g. what the plan is for and what it includes.">
            <Textarea name="description" defaultValue={initial.description} maxLength={500} rows={3} />
          </FormField>
          {planId ? (
            <p className="text-sm text-muted-foreground">Visibility and retirement are changed from the plan&apos;s page.</p>
          ) : (
            <fieldset className="grid gap-2" data-invalid={fieldError("state") ? true : undefined}>
              <legend className="mb-1 text-sm font-medium">Who may subscribe</legend>
              {(
                [
                  ["private", "Private", "Only admins subscribe tenants. Good while you try the plan out."],
                  ["public", "Public", "Tenants see the plan and can subscribe to it themselves."],
                ] as const
              ).map(([value, label, hint]) => (
                <label key={value} className="flex cursor-pointer items-start gap-2.5 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
                  <input type="radio" name="state" value={value} checked={visibility === value} onChange={() => setVisibility(value)} className="mt-0.5 accent-[var(--primary)]" />
                  <span>
                    <span className="font-medium">{label}</span>
                    <span className="block text-muted-foreground">{hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </div>
      </FormSection>

      <FormSection id="subscription" title="Azure subscription" description="Each plan runs in exactly one onboarded subscription; tenants' resources are created there.">
        <div className="grid max-w-xl gap-3">
          {subscriptions.length === 0 ? (
            <FormAlert variant="info" title="No subscription is free for a new plan">
              Every active subscription already backs a plan, or none has passed validation yet.{" "}
              <Link href="/admin/subscriptions/new" className="font-medium text-primary underline-offset-4 hover:underline">
                Onboard an Azure subscription
              </Link>{" "}
              and come back once it is active.
            </FormAlert>
          ) : (
            <FormField
              label="Subscription"
              name="azureSubscriptionId"
              required
              error={fieldError("azureSubscriptionId")}
              description={isSubscriptionLocked ? "Tenants subscribe to this plan and their resources live in this subscription, so it cannot change." : "Only active subscriptions that back no other plan are listed."}
            >
              <NativeSelect name="azureSubscriptionId" value={subscriptionId} onChange={(e) => setSubscriptionId(e.target.value)} disabled={isSubscriptionLocked} placeholder="Choose a subscription…">
                {subscriptions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName} ({s.subscriptionId}){s.state !== "active" ? ` — ${s.state}` : ""}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          )}
          {isSubscriptionLocked && <input type="hidden" name="azureSubscriptionId" value={subscriptionId} />}
        </div>
      </FormSection>

      <FormSection
        id="sizes"
        title="VM sizes"
        error={fieldError("allowedSizes")}
        description={
          <>
            Sizes tenants may create VMs with. Only sizes the subscription offers in an{" "}
            <Link href="/admin/regions" className="text-primary underline-offset-4 hover:underline">
              allowed region
            </Link>{" "}
            are listed.
          </>
        }
      >
        {!subscription ? (
          <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">Choose a subscription to see the sizes it offers.</p>
        ) : !hasAllowedRegions || offerable.length === 0 ? (
          <FormAlert variant="warning" title="No size can be offered">
            {hasAllowedRegions ? "This subscription offers no size in the allowed regions." : "No region is allowed yet."}{" "}
            <Link href="/admin/regions" className="font-medium text-primary underline-offset-4 hover:underline">
              Choose the allowed regions
            </Link>{" "}
            first.
          </FormAlert>
        ) : (
          <div className="grid gap-3">
            {droppedSizes.length > 0 && (
              <FormAlert variant="warning">
                {droppedSizes.join(", ")} {droppedSizes.length === 1 ? "is" : "are"} no longer offered in an allowed region and will be removed when you save.
              </FormAlert>
            )}
            <SizePicker sizes={offerable} selected={sizes} onChange={setSizes} isInvalid={Boolean(fieldError("allowedSizes"))} describedBy={fieldError("allowedSizes") ? "sizes-error" : undefined} />
          </div>
        )}
      </FormSection>

      <FormSection id="images" title="OS images" error={imageErrors.length ? imageErrors : undefined} description="Images tenants may start VMs from. Latest follows Azure's newest version; a pinned version stays fixed.">
        {!subscription ? (
          <p className="rounded-lg border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">Choose a subscription to see its image catalogue.</p>
        ) : subscription.images.length === 0 ? (
          <FormAlert variant="warning">Validation found no images in this subscription. Validate it again from its page.</FormAlert>
        ) : (
          <ImagePicker images={subscription.images} selected={images} onChange={setImages} describedBy={imageErrors.length ? "images-error" : undefined} />
        )}
      </FormSection>

      <FormSection id="quotas" title="Quotas" description="Totals per tenant subscription. Use 0 to offer none.">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {quotaFieldNames.map((field) => (
            <FormField
              key={field}
              label={quotaFields[field].label}
              name={field}
              required
              error={fieldError(field)}
              description={[usage ? `${usage[field]} in use.` : null, field === "quotaProtectedVms" && !offersDr ? "Applies once DR is offered." : null].filter(Boolean).join(" ") || undefined}
            >
              <QuotaInput name={field} unit={quotaFields[field].unit} defaultValue={initial.quotas[field]} max={quotaFields[field].max} />
            </FormField>
          ))}
        </div>
      </FormSection>

      <FormSection id="dr" title="Disaster recovery" description="Tenants on a DR plan can protect their on-premises VMs to Azure with Site Recovery.">
        <div className="flex items-start gap-3">
          <Switch id="field-offersDr" name="offersDr" checked={offersDr} onCheckedChange={setOffersDr} aria-describedby="offersDr-hint" />
          <div className="grid gap-0.5">
            <label htmlFor="field-offersDr" className="cursor-pointer text-sm font-medium">
              Offer DR to tenants on this plan
            </label>
            <p id="offersDr-hint" className="text-sm text-muted-foreground">
              {offersDr ? "Tenants can protect as many VMs as the protected VMs quota allows." : "Off: tenants on this plan cannot protect VMs."}
            </p>
          </div>
        </div>
      </FormSection>

      <FormSection id="review" title="Review" description="Check the plan, then save.">
        <div className="grid gap-4">
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-lg border bg-muted/30 p-4 text-sm">
            <dt className="text-muted-foreground">Subscription</dt>
            <dd>{subscription?.displayName ?? "Not chosen"}</dd>
            <dt className="text-muted-foreground">VM sizes</dt>
            <dd>{chosenSizes.length ? `${chosenSizes.length}: ${chosenSizes.slice(0, 6).join(", ")}${chosenSizes.length > 6 ? "…" : ""}` : "None chosen"}</dd>
            <dt className="text-muted-foreground">OS images</dt>
            <dd>{chosenImages.length ? chosenImages.map(({ image, version }) => `${image.label} (${version === LATEST ? "latest" : version})`).join(", ") : "None chosen"}</dd>
            <dt className="text-muted-foreground">Disaster recovery</dt>
            <dd>{offersDr ? "Offered" : "Not offered"}</dd>
          </dl>
          <FormAlert>{errors?.formError}</FormAlert>
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
    </form>
  );
}

function QuotaInput({ unit, ...props }: React.ComponentProps<typeof Input> & { unit: string }) {
  return (
    <div className="relative">
      <Input type="number" inputMode="numeric" min={0} step={1} className="pr-28 tabular-nums" {...props} />
      <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-muted-foreground">
        {unit}
      </span>
    </div>
  );
}
