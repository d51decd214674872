import Link from "next/link";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { FormSection } from "@/components/form-section";
import { NativeSelect } from "@/components/ui/select";
import type { AttachableSubscription } from "@/lib/plans/queries";
import type { PlanSectionProps } from "./plan-form-state";

type Props = Omit<PlanSectionProps, "view"> & {
  subscriptions: AttachableSubscription[];
  isSubscriptionLocked?: boolean;
};

/** The one onboarded Azure subscription the plan runs in; fixed once tenants subscribe. */
export function SubscriptionSection({ form, dispatch, fieldError, subscriptions, isSubscriptionLocked }: Props) {
  return (
    <FormSection
      id="subscription"
      layout="aside"
      title="Azure subscription"
      description="Each plan runs in exactly one onboarded subscription; tenants' resources are created there."
    >
      <div className="grid max-w-xl gap-3">
        {subscriptions.length === 0 ? (
          <FormAlert variant="info" title="No subscription is free for a new plan">
            Every active subscription already backs a plan, or none has passed validation yet.{" "}
            <Link
              href="/admin/subscriptions/new"
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
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
            description={
              isSubscriptionLocked
                ? "Tenants subscribe to this plan and their resources live in this subscription, so it cannot change."
                : "Only active subscriptions that back no other plan are listed."
            }
          >
            <NativeSelect
              name="azureSubscriptionId"
              value={form.subscriptionId}
              onChange={(e) => dispatch({ type: "chooseSubscription", subscriptionId: e.target.value })}
              disabled={isSubscriptionLocked}
              placeholder="Choose a subscription…"
            >
              {subscriptions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName} ({s.subscriptionId}){s.state !== "active" ? ` — ${s.state}` : ""}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        )}
        {/* A disabled select is not posted, so a locked subscription travels in a hidden input. */}
        {isSubscriptionLocked && <input type="hidden" name="azureSubscriptionId" value={form.subscriptionId} />}
      </div>
    </FormSection>
  );
}
