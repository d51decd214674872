import { ConfirmDialog } from "@/components/confirm-dialog";
import { setPlanStateAction } from "@/lib/plans/actions";
import type { PlanStateValue } from "@/lib/plans/schema";

/** The visibility and retirement buttons that fit the plan's current state. */
export function PlanStateActions({
  plan,
}: {
  plan: { id: string; name: string; state: PlanStateValue; liveTenantCount: number };
}) {
  const to = (state: PlanStateValue) => setPlanStateAction.bind(null, plan.id, state);
  const tenants =
    plan.liveTenantCount === 1 ? "The 1 tenant subscription" : `The ${plan.liveTenantCount} tenant subscriptions`;
  return (
    <>
      {plan.state === "private" && (
        <ConfirmDialog
          trigger="Make public"
          triggerVariant="outline"
          isDestructive={false}
          title={`Make ${plan.name} public?`}
          description="Tenants will see this plan and can subscribe to it themselves."
          confirmLabel="Make public"
          action={to("public")}
        />
      )}
      {plan.state === "public" && (
        <ConfirmDialog
          trigger="Make private"
          triggerVariant="outline"
          isDestructive={false}
          title={`Make ${plan.name} private?`}
          description="Tenants will no longer find it for self-service; only admins can subscribe tenants to it. Existing tenant subscriptions are unchanged."
          confirmLabel="Make private"
          action={to("private")}
        />
      )}
      {plan.state === "retired" ? (
        <ConfirmDialog
          trigger="Reactivate"
          triggerVariant="outline"
          isDestructive={false}
          title={`Reactivate ${plan.name}?`}
          description="The plan becomes private: admins can subscribe tenants to it again. Make it public afterwards to offer it for self-service."
          confirmLabel="Reactivate as private"
          action={to("private")}
        />
      ) : (
        <ConfirmDialog
          trigger="Retire"
          triggerVariant="outline"
          title={`Retire ${plan.name}?`}
          description={
            <>
              Nobody can subscribe to a retired plan.{" "}
              {plan.liveTenantCount > 0
                ? `${tenants} on it keep running as they are, with their VMs, quotas and DR.`
                : "No tenant subscribes to it today."}{" "}
              You can reactivate it later.
            </>
          }
          confirmLabel="Retire plan"
          action={to("retired")}
        />
      )}
    </>
  );
}
