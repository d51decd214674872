import type { Metadata } from "next";
import Link from "next/link";
import { Layers, Plus, Server } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import {
  DataTable,
  DataTableToolbar,
  parseTableParams,
  readParam,
  type BulkAction,
  type SearchParamsInput,
} from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FormAlert } from "@/components/form-alert";
import { RelativeTime } from "@/components/relative-time";
import { AutoRefresh } from "@/components/operations/auto-refresh";
import { Button } from "@/components/ui/button";
import { pageTenant } from "@/lib/auth/page-context";
import { roleAllows } from "@/lib/auth/roles";
import { bulkVmAction } from "@/lib/vms/actions";
import { listVms, loadVmPageOptions, vmSortable } from "@/lib/vms/queries";
import { describeSize, isVmBusy, vmStateOptions } from "./vm-format";
import { VmState } from "./vm-state";

export const metadata: Metadata = { title: "Virtual machines" };

export default async function VmsPage(props: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParamsInput>;
}) {
  const ctx = await pageTenant((await props.params).tenant);
  const raw = await props.searchParams;
  const base = `/tenant/${ctx.tenantSlug}/vms`;
  const canChange = roleAllows(ctx.role, "operator") && ctx.tenantState === "active";
  const { regions, subscriptions } = await loadVmPageOptions(ctx);
  const params = parseTableParams(raw, {
    sortable: vmSortable,
    defaultSort: "createdAt",
    defaultDir: "desc",
    filters: {
      state: vmStateOptions.map((o) => o.value),
      region: regions,
      subscription: subscriptions.map((s) => s.id),
    },
  });
  const { total, rows } = await listVms(ctx, {
    q: params.q || undefined,
    state: params.filters.state,
    region: params.filters.region,
    tenantSubscriptionId: params.filters.subscription,
    sort: params.sort as (typeof vmSortable)[number],
    dir: params.dir,
    skip: params.skip,
    take: params.take,
  });
  const isFiltered = Boolean(params.q || Object.keys(params.filters).length);
  const created = Number(readParam(raw, "created")) || 0;
  const createButton = canChange && subscriptions.length > 0 && (
    <Button asChild>
      <Link href={`${base}/new`}>
        <Plus aria-hidden /> Create a VM
      </Link>
    </Button>
  );
  const bulk = (action: "start" | "stop" | "delete") => bulkVmAction.bind(null, ctx.tenantSlug, action);
  const bulkActions: BulkAction[] = [
    {
      label: "Start",
      action: bulk("start"),
      variant: "outline",
      confirm: {
        title: "Start the selected VMs?",
        description: "Each VM that is stopped starts; compute billing resumes for it.",
        confirmLabel: "Start",
      },
    },
    {
      label: "Stop",
      action: bulk("stop"),
      variant: "outline",
      confirm: {
        title: "Stop (deallocate) the selected VMs?",
        description:
          "Compute billing stops and the VMs keep their disks. Dynamic public IP addresses are released; static ones are kept.",
        confirmLabel: "Stop",
      },
    },
    {
      label: "Delete",
      action: bulk("delete"),
      variant: "destructive",
      confirm: {
        title: "Delete the selected VMs?",
        description:
          "Each VM is deleted in Azure with its network interface, public IP and disks. This cannot be undone.",
        confirmLabel: "Delete VMs",
      },
    },
  ];

  return (
    <div className="space-y-6">
      {rows.some(isVmBusy) && <AutoRefresh isLive fastMs={2_000} />}
      <PageHeader
        title="Virtual machines"
        description={`Azure VMs of ${ctx.tenantName}, in the subscriptions your plans give you.`}
        actions={total > 0 || isFiltered ? createButton : undefined}
      />
      {created > 0 && (
        <FormAlert variant="success">{created} VMs are being created; each shows its progress below.</FormAlert>
      )}
      {readParam(raw, "deleting") && (
        <FormAlert variant="info">The VM is being deleted with its network interface, public IP and disks.</FormAlert>
      )}
      {total === 0 && !isFiltered ? (
        subscriptions.length === 0 ? (
          <EmptyState
            icon={Layers}
            title="You need a subscription first"
            description="VMs live in a subscription to one of your provider's plans, which sets the sizes, images and quotas you can use."
            action={
              <Button asChild variant={roleAllows(ctx.role, "owner") ? "default" : "outline"}>
                <Link href={`/tenant/${ctx.tenantSlug}/plans`}>See plans</Link>
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={Server}
            title="No virtual machines yet"
            description={
              canChange
                ? "Create a VM from the images and sizes your plan offers. It is ready in a few minutes, and you can watch each step."
                : "VMs that operators and owners of your tenant create appear here."
            }
            action={createButton}
          />
        )
      ) : (
        <DataTable
          label="Virtual machines"
          selectable={canChange}
          bulkActions={canChange ? bulkActions : undefined}
          toolbar={
            <DataTableToolbar
              searchPlaceholder="Search by name"
              filters={[
                { name: "state", label: "State", allLabel: "All states", options: vmStateOptions },
                {
                  name: "region",
                  label: "Region",
                  allLabel: "All regions",
                  options: regions.map((r) => ({ value: r, label: r })),
                },
                ...(subscriptions.length > 1
                  ? [
                      {
                        name: "subscription",
                        label: "Subscription",
                        allLabel: "All subscriptions",
                        options: subscriptions.map((s) => ({ value: s.id, label: s.name })),
                      },
                    ]
                  : []),
              ]}
            />
          }
          columns={[
            { key: "name", header: "Name", sortable: true },
            { key: "powerState", header: "State", sortable: true },
            { key: "size", header: "Size", sortable: true, hideBelow: "md" },
            { key: "region", header: "Region", sortable: true, hideBelow: "sm" },
            { key: "subscription", header: "Subscription", hideBelow: "xl" },
            { key: "ips", header: "IP addresses", hideBelow: "lg" },
            { key: "createdAt", header: "Created", sortable: true, hideBelow: "lg" },
          ]}
          rows={rows.map((vm) => ({
            id: vm.id,
            cells: {
              name: (
                <span className="block max-w-64">
                  <Link
                    href={`${base}/${vm.id}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    {vm.name}
                  </Link>
                  <span className="block truncate text-xs text-muted-foreground">
                    {vm.osType} · {vm.imageOffer} {vm.imageSku}
                  </span>
                </span>
              ),
              powerState: (
                <VmState
                  provisioningState={vm.provisioningState}
                  powerState={vm.powerState}
                  errorMessage={vm.errorMessage}
                  isMissing={vm.isMissing}
                />
              ),
              size: (
                <span className="whitespace-nowrap">
                  {vm.size}
                  <span className="block text-xs text-muted-foreground">{describeSize(vm)}</span>
                </span>
              ),
              region: vm.region,
              subscription: vm.tenantSubscription.name,
              ips: (vm.privateIp || vm.publicIp) && (
                <span className="font-mono text-xs">
                  {vm.privateIp && <span className="block">{vm.privateIp}</span>}
                  {vm.publicIp && <span className="block text-muted-foreground">{vm.publicIp} (public)</span>}
                </span>
              ),
              createdAt: <RelativeTime date={vm.createdAt} className="whitespace-nowrap" />,
            },
          }))}
          total={total}
          page={params.page}
          pageSize={params.pageSize}
          sort={params.sort}
          dir={params.dir}
        />
      )}
    </div>
  );
}
