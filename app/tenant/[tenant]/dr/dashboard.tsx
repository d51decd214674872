import Link from "next/link";
import { StatCard } from "@/components/stat-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getDrDashboard } from "@/lib/dr/queries";
import { RpoChart } from "./rpo-chart";

type Dashboard = Awaited<ReturnType<typeof getDrDashboard>>;

export const duration = (s: number | null | undefined) =>
  s == null ? "—" : s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;

/** Protected VMs by replication health, RPO over the last day against the policy, and each VM's last test failover. */
export function DrDashboard({ tenant, dash, quota }: { tenant: string; dash: Dashboard; quota: number }) {
  const healthy = dash.byHealth.Normal ?? 0;
  const troubled = (dash.byHealth.Warning ?? 0) + (dash.byHealth.Critical ?? 0);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-4">
        <StatCard label="Protected VMs" value={`${dash.total} / ${quota}`} />
        <StatCard label="Healthy" value={String(healthy)} />
        <StatCard label="Warning / critical" value={String(troubled)} />
        <StatCard
          label="Worst current RPO"
          value={duration(dash.worstRpoSeconds)}
          hint={dash.rpo.targetSeconds ? `Policy copies every ${duration(dash.rpo.targetSeconds)}` : undefined}
        />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>RPO over the last 24 hours</CardTitle>
        </CardHeader>
        <CardContent>
          {dash.total === 0 ? (
            <p className="text-sm text-muted-foreground">
              Nothing is protected yet: protect a VM to follow its RPO here.
            </p>
          ) : (
            <RpoChart vms={dash.rpo.vms} points={dash.rpo.points} targetSeconds={dash.rpo.targetSeconds} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Last test failover</CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          {dash.tests.length === 0 ? (
            <p className="text-muted-foreground">No protected VMs yet.</p>
          ) : (
            <table className="w-full">
              <thead className="text-left text-muted-foreground">
                <tr>
                  <th className="py-1">VM</th>
                  <th>Health</th>
                  <th>Last test failover</th>
                </tr>
              </thead>
              <tbody>
                {dash.tests.map((t) => (
                  <tr key={t.id} className="border-t">
                    <td className="py-1">
                      <Link className="underline" href={`/tenant/${tenant}/dr/${t.id}`}>
                        {t.vmName}
                      </Link>
                    </td>
                    <td>{t.replicationHealth ?? "Unknown"}</td>
                    <td>
                      {t.lastTestFailoverAt
                        ? `${t.lastTestFailoverAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
                        : "Never"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
