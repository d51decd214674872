import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/copy-button";
import { LastError } from "@/components/last-error";
import { PageHeader } from "@/components/page-header";
import { RelativeTime } from "@/components/relative-time";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { OperationList } from "@/components/operations/operation-list";
import { OperationTimelineCard } from "@/components/operations/operation-timeline-card";
import { isActiveState } from "@/components/operations/operation-format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pageNotFound, pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { getOperation, listOperations } from "@/lib/jobs/queries";
import { getPlanOffer } from "@/lib/tenancy/plan-offer";
import { getVm, listVmSubscriptions } from "@/lib/vms/queries";
import { describeSize, isVmBusy } from "../vm-format";
import { VmState } from "../vm-state";
import { ConnectInfo } from "./connect-info";
import { VmActions } from "./vm-actions";
import { VmDisks } from "./vm-disks";
import { kinds } from "@/lib/operations/kinds";

export const metadata: Metadata = { title: "Virtual machine" };

export default async function VmPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant, id } = await params;
  const ctx = await pageTenant(tenant);
  const vm = await getVm(ctx, id).catch(pageNotFound);
  const base = `/tenant/${ctx.tenantSlug}`;
  const canChange = roleAllows(ctx.role, "operator") && ctx.tenantState === "active";
  const scope = { kind: "tenant", tenantId: ctx.tenantId } as const;
  const [{ rows: operations, total: operationCount }, subscriptions, catalogue] = await Promise.all([
    listOperations(scope, { targetId: vm.id, skip: 0, take: 20 }),
    listVmSubscriptions(ctx),
    getPlanOffer(ctx, vm.tenantSubscriptionId).catch(() => null), // a cancelled subscription offers nothing to resize to
  ]);
  const latest = operations[0];
  const now = new Date();
  // The timeline stays a little after the operation ends, so whoever watched it sees how it finished.
  const isRecent = latest?.endedAt && now.getTime() - latest.endedAt.getTime() < 120_000;
  const showTimeline =
    latest &&
    (isActiveState(latest.state) || isRecent || (latest.state === "failed" && latest.kind === kinds.vm.create));
  const current = showTimeline ? await getOperation(scope, latest.id) : null;
  const failedOp = operations.find((o) => o.state === "failed");
  const usage = subscriptions.find((s) => s.id === vm.tenantSubscriptionId);
  const regionSizes = (catalogue?.sizes ?? []).filter((s) => s.regions.includes(vm.region));
  const currentSize = catalogue?.sizes.find((s) => s.name === vm.size);
  const disks = vm.dataDisks as { lun: number; sizeGb: number }[];
  const isBusy = isVmBusy(vm) || Boolean(latest && isActiveState(latest.state));
  const isUnread = vm.networkManagedByVm && vm.provisioningState === "Succeeded";

  return (
    <div className="space-y-6">
      {isBusy && <AutoRefresh isLive />}
      <PageHeader
        breadcrumbs={[{ label: "Virtual machines", href: `${base}/vms` }, { label: vm.name }]}
        title={vm.name}
        meta={<VmState provisioningState={vm.provisioningState} powerState={vm.powerState} isMissing={vm.isMissing} />}
        description={`${vm.osType} · ${vm.size} (${describeSize(vm)}) · ${vm.region}`}
        actions={
          canChange ? (
            <VmActions
              tenant={ctx.tenantSlug}
              vm={{
                id: vm.id,
                name: vm.name,
                size: vm.size,
                vcpus: vm.vcpus,
                family: currentSize?.family,
                powerState: vm.powerState,
                provisioningState: vm.provisioningState,
                hasPublicIp: vm.hasPublicIp,
                dataDiskCount: disks.length,
              }}
              sizes={regionSizes.map((s) => ({ name: s.name, vCpus: s.vCpus, memoryMb: s.memoryMb, family: s.family }))}
              vcpusLeft={usage ? Math.max(0, usage.quota.vcpus - usage.used.vcpus) : 0}
            />
          ) : undefined
        }
      />

      {vm.errorMessage && (
        <LastError
          title={
            vm.provisioningState === "Failed" ? "Azure could not create this VM" : "The last action on this VM failed"
          }
          message={vm.errorMessage}
        >
          <p className="text-muted-foreground">
            {vm.errorCode && (
              <>
                Error code <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">{vm.errorCode}</code>
                {" · "}
              </>
            )}
            {failedOp && (
              <Link
                href={`${base}/operations/${failedOp.id}`}
                className="text-primary underline-offset-4 hover:underline"
              >
                See the operation
              </Link>
            )}
            {vm.provisioningState === "Failed" &&
              canChange &&
              " · Delete the VM to clean up what was created, then try again."}
          </p>
        </LastError>
      )}

      {current && <OperationTimelineCard operation={current} href={`${base}/operations/${current.id}`} now={now} />}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Overview</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <Fact label="Size">
                {vm.size} <span className="text-muted-foreground">({describeSize(vm)})</span>
              </Fact>
              <Fact label="Image">
                {vm.imagePublisher} {vm.imageOffer} {vm.imageSku}{" "}
                <span className="text-muted-foreground">({vm.imageVersion})</span>
              </Fact>
              <Fact label="Operating system">{vm.osType}</Fact>
              <Fact label="Region">{vm.region}</Fact>
              <Fact label="Subscription">{vm.tenantSubscription.name}</Fact>
              <Fact label="Resource group">
                <code className="font-mono text-xs">{vm.tenantSubscription.resourceGroup}</code>
              </Fact>
              <Fact label="Administrator">{vm.adminUsername}</Fact>
              <Fact label="Created">
                <RelativeTime date={vm.createdAt} />
              </Fact>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Network and connection</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <Fact label="Private IP">
                {vm.privateIp ? (
                  <Copyable value={vm.privateIp} label="Copy private IP" />
                ) : (
                  <Pending isBusy={isBusy} isUnread={isUnread} />
                )}
              </Fact>
              <Fact label="Public IP">
                {!vm.hasPublicIp ? (
                  <span className="text-muted-foreground">None</span>
                ) : vm.publicIp ? (
                  <Copyable value={vm.publicIp} label="Copy public IP" />
                ) : (
                  <Pending isBusy={isBusy} isUnread={isUnread} />
                )}
              </Fact>
              <Fact label="Network">
                {vm.networkName} / {vm.subnetName}
              </Fact>
            </dl>
            <ConnectInfo
              osType={vm.osType}
              hasSshKey={Boolean(vm.sshPublicKey)}
              publicIp={vm.publicIp}
              privateIp={vm.privateIp}
              adminUsername={vm.adminUsername}
              rdpHref={`${base}/vms/${vm.id}/connect.rdp`}
              isRunning={vm.powerState === "running" && vm.provisioningState === "Succeeded"}
            />
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Disks</CardTitle>
        </CardHeader>
        <CardContent>
          <VmDisks
            tenant={ctx.tenantSlug}
            vm={{ id: vm.id, name: vm.name, osType: vm.osType, provisioningState: vm.provisioningState }}
            disks={disks}
            maxDataDisks={currentSize?.maxDataDisks}
            canChange={canChange}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex-row items-center justify-between gap-3">
          <CardTitle>Operations</CardTitle>
          {operationCount > operations.length && (
            <Link
              href={`${base}/operations?q=${encodeURIComponent(vm.name)}`}
              className="text-sm text-primary underline-offset-4 hover:underline"
            >
              All {operationCount} operations
            </Link>
          )}
        </CardHeader>
        <CardContent>
          <OperationList
            rows={operations}
            basePath={`${base}/operations`}
            label="Operations on this VM"
            emptyText="No operations yet."
            showTarget={false}
          />
        </CardContent>
      </Card>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <code className="font-mono text-xs">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** A VM created by one PUT learns its addresses from a read after it; until then (or after a failed read) Azure has them. */
const Pending = ({ isBusy, isUnread }: { isBusy: boolean; isUnread: boolean }) => (
  <span className="text-muted-foreground">
    {isBusy
      ? "Assigned while the VM is created"
      : isUnread
        ? "Assigned by Azure; shown after the next inventory sync"
        : "Not assigned"}
  </span>
);
