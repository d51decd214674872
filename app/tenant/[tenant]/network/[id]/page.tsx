import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircleX, Network } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { OperationSteps } from "@/components/operations/operation-steps";
import { describeOperationKind } from "@/components/operations/operation-kind";
import { describeProgress, isActiveState } from "@/components/operations/operation-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { NotFound } from "@/lib/errors";
import { getOperation } from "@/lib/jobs/queries";
import { getLoadBalancerDetail, listLoadBalancerOperations, listUnattachedPublicIps, previewFrontendRemoval } from "@/lib/network/queries";
import { AddFrontendDialog } from "./add-frontend-dialog";
import { EditProbeDialog, EditRuleDialog } from "./edit-dialogs";
import { RefreshButton } from "../refresh-button";
import { RemoveFrontendDialog } from "./remove-frontend-dialog";

export const metadata: Metadata = { title: "Load balancer" };

const protocolLabel = (p: string) => (p === "All" ? "All" : p.toUpperCase());

export default async function LoadBalancerPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  const ctx = await pageTenant(tenant);
  const lb = await getLoadBalancerDetail(ctx, id).catch((error) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  const base = `/tenant/${ctx.tenantSlug}`;
  const canChange = roleAllows(ctx.role, "operator") && ctx.tenantState === "active";
  const isReady = Boolean(lb.azureResourceId) && !["Creating", "Failed", "Missing"].includes(lb.provisioningState);
  const [operations, publicIps] = await Promise.all([listLoadBalancerOperations(ctx, lb.id), listUnattachedPublicIps(ctx, lb)]);
  const now = new Date();
  // Every change still running shows its steps (two additions can run at once), and a finished one stays a little.
  const shown = operations.filter((o) => isActiveState(o.state) || (o.endedAt && now.getTime() - o.endedAt.getTime() < 120_000) || (o.state === "failed" && o.kind === "lb.create")).slice(0, 3);
  const timelines = await Promise.all(shown.map((o) => getOperation({ kind: "tenant", tenantId: ctx.tenantId }, o.id)));
  const isBusy = ["Creating", "Updating"].includes(lb.provisioningState) || operations.some((o) => isActiveState(o.state));
  const pools = lb.backendPools.map((p) => p.name);
  const probes = lb.probes.map((p) => p.name);
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
                lb={{ id: lb.id, name: lb.name, sku: lb.sku, region: lb.region, frontendCount: lb.frontends.length, probeCount: lb.probes.length, ruleCount: lb.rules.length }}
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
        <section aria-label="Last error" className="flex gap-3 rounded-xl border border-destructive/30 bg-destructive/5 p-4 text-sm">
          <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-destructive" />
          <div className="min-w-0 space-y-1">
            <h2 className="font-semibold">{lb.provisioningState === "Failed" ? "Azure could not create this load balancer" : "The last change did not go through"}</h2>
            <p className="break-words">{lb.errorMessage}</p>
            {failedOp && (
              <Link href={`${base}/operations/${failedOp.id}`} className="text-primary underline-offset-4 hover:underline">
                See the operation
              </Link>
            )}
          </div>
        </section>
      )}

      {timelines.map((op) => (
        <Card key={op.id} aria-label={`${describeOperationKind(op.kind)}: ${op.targetName}`}>
          <CardHeader className="flex-row items-center justify-between gap-3">
            <CardTitle className="flex flex-wrap items-center gap-2">
              {describeOperationKind(op.kind)} <span className="font-normal text-muted-foreground">{op.targetName}</span>
              <StatusBadge state={op.state} />
              {describeProgress(op) && <span className="text-sm font-normal text-muted-foreground tabular-nums">{describeProgress(op)}</span>}
            </CardTitle>
            <Link href={`${base}/operations/${op.id}`} className="text-sm text-primary underline-offset-4 hover:underline">
              Operation details
            </Link>
          </CardHeader>
          <CardContent>
            <OperationSteps steps={op.steps} now={now} />
          </CardContent>
        </Card>
      ))}

      <Card>
        <CardHeader>
          <CardTitle>Frontend IP addresses</CardTitle>
          <CardDescription>Each frontend is a public IP address (a VIP) that clients connect to.</CardDescription>
        </CardHeader>
        <CardContent>
          {lb.frontends.length === 0 ? (
            <EmptyState bare icon={Network} title="No frontends yet" description="The first frontend appears once Azure has created the load balancer." />
          ) : (
            <Table aria-label="Frontends">
              <TableHeader>
                <TableRow>
                  <TableHead>Frontend</TableHead>
                  <TableHead>Public IP</TableHead>
                  <TableHead>Address</TableHead>
                  <TableHead>Rules</TableHead>
                  {canChange && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {lb.frontends.map((fe) => {
                  const removal = previewFrontendRemoval(lb, fe.name);
                  return (
                    <TableRow key={fe.name}>
                      <TableCell className="font-medium">{fe.name}</TableCell>
                      <TableCell>{fe.publicIpName ?? "—"}</TableCell>
                      <TableCell className="font-mono text-xs">{fe.publicIpAddress ?? (isReady ? "—" : "Assigned when created")}</TableCell>
                      <TableCell>{lb.rules.filter((r) => r.frontendName === fe.name).map((r) => r.name).join(", ") || "—"}</TableCell>
                      {canChange && (
                        <TableCell>
                          <RemoveFrontendDialog tenant={ctx.tenantSlug} loadBalancerId={lb.id} frontend={fe} rules={removal.rules} probes={removal.probes} disabled={!isReady || lb.frontends.length < 2} />
                        </TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Load-balancing rules</CardTitle>
        </CardHeader>
        <CardContent>
          {lb.rules.length === 0 ? (
            <p className="text-sm text-muted-foreground">No rules.</p>
          ) : (
            <Table aria-label="Rules">
              <TableHeader>
                <TableRow>
                  <TableHead>Rule</TableHead>
                  <TableHead>Frontend</TableHead>
                  <TableHead>Traffic</TableHead>
                  <TableHead>Pool</TableHead>
                  <TableHead>Probe</TableHead>
                  <TableHead className="hidden md:table-cell">Options</TableHead>
                  {canChange && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {lb.rules.map((r) => (
                  <TableRow key={r.name}>
                    <TableCell className="font-medium">{r.name}</TableCell>
                    <TableCell>{r.frontendName}</TableCell>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      {protocolLabel(r.protocol)} {r.frontendPort} → {r.backendPort}
                    </TableCell>
                    <TableCell>{r.backendPoolName}</TableCell>
                    <TableCell>{r.probeName ?? "—"}</TableCell>
                    <TableCell className="hidden text-xs text-muted-foreground md:table-cell">
                      Idle {r.idleTimeoutMinutes} min{r.floatingIp ? " · floating IP" : ""}{r.tcpReset ? " · TCP reset" : ""}
                    </TableCell>
                    {canChange && (
                      <TableCell>
                        <EditRuleDialog tenant={ctx.tenantSlug} loadBalancerId={lb.id} rule={r} pools={pools} probes={probes} disabled={!isReady} />
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Health probes</CardTitle>
          </CardHeader>
          <CardContent>
            {lb.probes.length === 0 ? (
              <p className="text-sm text-muted-foreground">No probes.</p>
            ) : (
              <Table aria-label="Health probes">
                <TableHeader>
                  <TableRow>
                    <TableHead>Probe</TableHead>
                    <TableHead>Checks</TableHead>
                    <TableHead>Every</TableHead>
                    {canChange && <TableHead className="w-0"><span className="sr-only">Actions</span></TableHead>}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {lb.probes.map((p) => (
                    <TableRow key={p.name}>
                      <TableCell className="font-medium">{p.name}</TableCell>
                      <TableCell className="font-mono text-xs">
                        {protocolLabel(p.protocol)} {p.port}
                        {p.requestPath ? ` ${p.requestPath}` : ""}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {p.intervalSeconds} s × {p.probeCount}
                      </TableCell>
                      {canChange && (
                        <TableCell>
                          <EditProbeDialog tenant={ctx.tenantSlug} loadBalancerId={lb.id} probe={p} disabled={!isReady} />
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Backend pools</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {lb.backendPools.map((pool) => (
              <section key={pool.name} aria-label={`Pool ${pool.name}`}>
                <h3 className="text-sm font-semibold">{pool.name}</h3>
                {pool.members.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{lb.provisioningState === "Creating" ? "VMs join once the load balancer exists." : "No VMs in this pool."}</p>
                ) : (
                  <ul className="mt-1 divide-y text-sm">
                    {pool.members.map((m) => (
                      <li key={m.nicIpConfigId} className="flex items-center justify-between gap-2 py-1.5">
                        {m.vmId ? (
                          <Link href={`${base}/vms/${m.vmId}`} className="text-primary underline-offset-4 hover:underline">
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
