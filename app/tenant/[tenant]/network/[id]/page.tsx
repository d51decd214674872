import type { Metadata } from "next";
import Link from "next/link";
import { Network } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { LastError } from "@/components/last-error";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { OperationTimelineCard } from "@/components/operations/operation-timeline-card";
import { isActiveState } from "@/components/operations/operation-format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageNotFound, pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { getOperation } from "@/lib/jobs/queries";
import {
  getLoadBalancerDetail,
  listLoadBalancerOperations,
  listUnattachedPublicIps,
  previewFrontendRemoval,
  previewRuleRemoval,
} from "@/lib/network/queries";
import { AddFrontendDialog } from "./add-frontend-dialog";
import { AddRuleDialog } from "./add-rule-dialog";
import { LbSection } from "./lb-section";
import { EditProbeDialog, EditRuleDialog } from "./edit-dialogs";
import { RefreshButton } from "../refresh-button";
import { RemoveFrontendDialog } from "./remove-frontend-dialog";
import { RemoveRuleDialog } from "./remove-rule-dialog";
import { kinds } from "@/lib/operations/kinds";

export const metadata: Metadata = { title: "Load balancer" };

const protocolLabel = (p: string) => (p === "All" ? "All" : p.toUpperCase());

export default async function LoadBalancerPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  const ctx = await pageTenant(tenant);
  const lb = await getLoadBalancerDetail(ctx, id).catch(pageNotFound);
  const base = `/tenant/${ctx.tenantSlug}`;
  const canChange = roleAllows(ctx.role, "operator") && ctx.tenantState === "active";
  const isReady = Boolean(lb.azureResourceId) && !["Creating", "Failed", "Missing"].includes(lb.provisioningState);
  const [operations, publicIps] = await Promise.all([
    listLoadBalancerOperations(ctx, lb.id),
    listUnattachedPublicIps(ctx, lb),
  ]);
  const now = new Date();
  // Every change still running shows its steps (two additions can run at once), and a finished one stays a little.
  const shown = operations
    .filter(
      (o) =>
        isActiveState(o.state) ||
        (o.endedAt && now.getTime() - o.endedAt.getTime() < 120_000) ||
        (o.state === "failed" && o.kind === kinds.lb.create),
    )
    .slice(0, 3);
  const timelines = await Promise.all(shown.map((o) => getOperation({ kind: "tenant", tenantId: ctx.tenantId }, o.id)));
  const isBusy =
    ["Creating", "Updating"].includes(lb.provisioningState) || operations.some((o) => isActiveState(o.state));
  const pools = lb.backendPools.map((p) => p.name);
  const probes = lb.probes.map((p) => p.name);
  const frontendNames = lb.frontends.map((f) => f.name);
  const ruleDialogLb = { id: lb.id, name: lb.name, probeCount: lb.probes.length, ruleCount: lb.rules.length };
  const failedOp = operations.find((o) => o.state === "failed");

  return (
    <div className="space-y-6">
      {isBusy && <AutoRefresh isLive />}
      <PageHeader
        breadcrumbs={[{ label: "Load balancers", href: `${base}/network` }, { label: lb.name }]}
        title={lb.name}
        meta={<StatusBadge state={lb.provisioningState} />}
        description={`${lb.sku} public load balancer · ${lb.region} · resource group ${lb.resourceGroup}${lb.isDiscovered ? " · found in Azure" : ""}`}
        actions={
          canChange ? (
            <div className="flex flex-wrap gap-2">
              <RefreshButton tenant={ctx.tenantSlug} fields={{ loadBalancerId: lb.id }} disabled={!isReady} />
              <AddFrontendDialog
                tenant={ctx.tenantSlug}
                lb={{
                  id: lb.id,
                  name: lb.name,
                  sku: lb.sku,
                  region: lb.region,
                  frontendCount: lb.frontends.length,
                  probeCount: lb.probes.length,
                  ruleCount: lb.rules.length,
                }}
                pools={pools}
                probes={probes}
                publicIps={publicIps}
                disabled={!isReady}
              />
            </div>
          ) : undefined
        }
      />

      {lb.errorMessage && (
        <LastError
          title={
            lb.provisioningState === "Failed"
              ? "Azure could not create this load balancer"
              : "The last change did not go through"
          }
          message={lb.errorMessage}
        >
          {failedOp && (
            <Link
              href={`${base}/operations/${failedOp.id}`}
              className="text-primary underline-offset-4 hover:underline"
            >
              See the operation
            </Link>
          )}
        </LastError>
      )}

      {timelines.map((op) => (
        <OperationTimelineCard key={op.id} operation={op} href={`${base}/operations/${op.id}`} now={now} showTarget />
      ))}

      <LbSection
        title="Frontend IP addresses"
        description="Each frontend is a public IP address (a VIP) that clients connect to."
        label="Frontends"
        rows={lb.frontends}
        rowKey={(fe) => fe.name}
        empty={
          <EmptyState
            bare
            icon={Network}
            title="No frontends yet"
            description="The first frontend appears once Azure has created the load balancer."
          />
        }
        columns={[
          { header: "Frontend", cellClassName: "font-medium", cell: (fe) => fe.name },
          { header: "Public IP", cell: (fe) => fe.publicIpName ?? "—" },
          {
            header: "Address",
            cellClassName: "font-mono text-xs",
            cell: (fe) => fe.publicIpAddress ?? (isReady ? "—" : "Assigned when created"),
          },
          {
            header: "Rules",
            cell: (fe) =>
              lb.rules
                .filter((r) => r.frontendName === fe.name)
                .map((r) => r.name)
                .join(", ") || "—",
          },
        ]}
        action={
          canChange
            ? (fe) => {
                const removal = previewFrontendRemoval(lb, fe.name);
                return (
                  <div className="flex justify-end gap-1">
                    <AddRuleDialog
                      tenant={ctx.tenantSlug}
                      lb={ruleDialogLb}
                      frontend={fe.name}
                      frontends={frontendNames}
                      pools={pools}
                      probes={probes}
                      disabled={!isReady}
                    />
                    <RemoveFrontendDialog
                      tenant={ctx.tenantSlug}
                      loadBalancerId={lb.id}
                      frontend={fe}
                      rules={removal.rules}
                      probes={removal.probes}
                      disabled={!isReady || lb.frontends.length < 2}
                    />
                  </div>
                );
              }
            : undefined
        }
      />

      <LbSection
        title="Load-balancing rules"
        label="Rules"
        rows={lb.rules}
        rowKey={(r) => r.name}
        empty={<p className="text-sm text-muted-foreground">No rules.</p>}
        columns={[
          { header: "Rule", cellClassName: "font-medium", cell: (r) => r.name },
          { header: "Frontend", cell: (r) => r.frontendName },
          {
            header: "Traffic",
            cellClassName: "whitespace-nowrap tabular-nums",
            cell: (r) => `${protocolLabel(r.protocol)} ${r.frontendPort} → ${r.backendPort}`,
          },
          { header: "Pool", cell: (r) => r.backendPoolName },
          { header: "Probe", cell: (r) => r.probeName ?? "—" },
          {
            header: "Options",
            className: "hidden md:table-cell",
            cellClassName: "text-xs text-muted-foreground",
            cell: (r) =>
              `Idle ${r.idleTimeoutMinutes} min${r.floatingIp ? " · floating IP" : ""}${r.tcpReset ? " · TCP reset" : ""}`,
          },
        ]}
        action={
          canChange
            ? (r) => (
                <div className="flex justify-end gap-1">
                  <EditRuleDialog
                    tenant={ctx.tenantSlug}
                    loadBalancerId={lb.id}
                    rule={r}
                    frontends={frontendNames}
                    pools={pools}
                    probes={probes}
                    disabled={!isReady}
                  />
                  <RemoveRuleDialog
                    tenant={ctx.tenantSlug}
                    loadBalancerId={lb.id}
                    rule={r.name}
                    frontend={r.frontendName}
                    probes={previewRuleRemoval(lb, r.name)}
                    disabled={!isReady}
                  />
                </div>
              )
            : undefined
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <LbSection
          title="Health probes"
          label="Health probes"
          rows={lb.probes}
          rowKey={(p) => p.name}
          empty={<p className="text-sm text-muted-foreground">No probes.</p>}
          columns={[
            { header: "Probe", cellClassName: "font-medium", cell: (p) => p.name },
            {
              header: "Checks",
              cellClassName: "font-mono text-xs",
              cell: (p) => `${protocolLabel(p.protocol)} ${p.port}${p.requestPath ? ` ${p.requestPath}` : ""}`,
            },
            {
              header: "Every",
              cellClassName: "whitespace-nowrap",
              cell: (p) => `${p.intervalSeconds} s × ${p.probeCount}`,
            },
          ]}
          action={
            canChange
              ? (p) => <EditProbeDialog tenant={ctx.tenantSlug} loadBalancerId={lb.id} probe={p} disabled={!isReady} />
              : undefined
          }
        />

        <Card>
          <CardHeader>
            <CardTitle>Backend pools</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {lb.backendPools.map((pool) => (
              <section key={pool.name} aria-label={`Pool ${pool.name}`}>
                <h3 className="text-sm font-semibold">{pool.name}</h3>
                {pool.members.length === 0 ? (
                  <p className="text-sm text-muted-foreground">
                    {lb.provisioningState === "Creating"
                      ? "VMs join once the load balancer exists."
                      : "No VMs in this pool."}
                  </p>
                ) : (
                  <ul className="mt-1 divide-y text-sm">
                    {pool.members.map((m) => (
                      <li key={m.nicIpConfigId} className="flex items-center justify-between gap-2 py-1.5">
                        {m.vmId ? (
                          <Link
                            href={`${base}/vms/${m.vmId}`}
                            className="text-primary underline-offset-4 hover:underline"
                          >
                            {m.vmName}
                          </Link>
                        ) : (
                          <span>{m.vmName}</span>
                        )}
                        <span className="font-mono text-xs text-muted-foreground">{m.privateIp ?? ""}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
