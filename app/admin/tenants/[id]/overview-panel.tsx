import { Ban, RotateCcw } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { StatusBadge } from "@/components/status-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { setTenantStateAction } from "@/lib/tenancy/actions";

type Props = {
  tenant: { id: string; name: string; slug: string; state: string; createdAt: Date; members: unknown[] };
  activeSubscriptions: number;
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function OverviewPanel({ tenant, activeSubscriptions }: Props) {
  const isSuspended = tenant.state === "suspended";
  const facts: [string, React.ReactNode][] = [
    ["State", <StatusBadge key="state" state={tenant.state} />],
    [
      "Portal address",
      <span key="slug" className="font-mono">
        /tenant/{tenant.slug}
      </span>,
    ],
    ["Members", tenant.members.length],
    ["Active subscriptions", activeSubscriptions],
    ["Created", `${dateFormat.format(tenant.createdAt)} UTC`],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{isSuspended ? "Suspended" : "Suspend this tenant"}</CardTitle>
          <CardDescription>
            {isSuspended
              ? `${tenant.name}'s members can still sign in and look at everything, but every change is refused until you reactivate it.`
              : `Members keep signing in and can see everything, but every change — creating or changing resources, subscribing to plans — is refused until you reactivate it. Nothing in Azure is stopped or deleted.`}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {isSuspended ? (
            <ConfirmDialog
              trigger={
                <>
                  <RotateCcw aria-hidden /> Reactivate
                </>
              }
              triggerVariant="default"
              isDestructive={false}
              title={`Reactivate ${tenant.name}?`}
              description="Its members can make changes again straight away."
              confirmLabel="Reactivate"
              successMessage={`${tenant.name} is active again.`}
              action={setTenantStateAction.bind(null, tenant.id)}
              fields={{ state: "active" }}
            />
          ) : (
            <ConfirmDialog
              trigger={
                <>
                  <Ban aria-hidden /> Suspend
                </>
              }
              triggerVariant="outline"
              title={`Suspend ${tenant.name}?`}
              description="Its members keep read access: they can sign in and see their resources and operations. Every change is refused with a banner explaining why, until you reactivate the tenant. Running VMs and other Azure resources are not touched."
              confirmLabel="Suspend tenant"
              successMessage={`${tenant.name} is suspended.`}
              action={setTenantStateAction.bind(null, tenant.id)}
              fields={{ state: "suspended" }}
            />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
