import { Monitor, Cpu, Globe, Plus, Server } from "lucide-react";
import { AppShell, type NavItem } from "@/components/app-shell";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, CardAction, CardFooter } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/label";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Progress } from "@/components/ui/progress";
import { Kbd } from "@/components/ui/kbd";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { StatusBadge } from "@/components/status-badge";
import { StatCard } from "@/components/stat-card";
import { QuotaBar } from "@/components/quota-bar";
import { JobTimeline } from "@/components/job-timeline";
import { EmptyState } from "@/components/empty-state";
import { NotAvailable } from "@/components/not-available";
import { FormField } from "@/components/form-field";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { RelativeTime } from "@/components/relative-time";
import { CopyButton } from "@/components/copy-button";
import { DataTable, DataTableToolbar, parseTableParams } from "@/components/data-table";
import type { ActionResult } from "@/lib/utils/action-result";

const nav: NavItem[] = [
  { href: "/ui-preview", label: "Dashboard", icon: "dashboard" },
  { href: "/ui-preview/vms", label: "Virtual machines", icon: "vms", badge: 12, group: "Compute" },
  { href: "/ui-preview/lb", label: "Load balancers", icon: "load-balancers", group: "Compute" },
  { href: "/ui-preview/dr", label: "Disaster recovery", icon: "dr", group: "Protect", disabled: true },
  { href: "/ui-preview/ops", label: "Operations", icon: "operations", group: "Monitor" },
];

const states = ["running", "stopped", "deallocated", "starting", "Creating", "Failed"];
const all = Array.from({ length: 2000 }, (_, i) => ({
  id: `vm-${i}`,
  name: `web-${String(i).padStart(4, "0")}`,
  state: states[i % states.length],
  size: ["Standard_B2s", "Standard_D4s_v5", "Standard_E8s_v5"][i % 3],
  region: ["westeurope", "northeurope", "eastus"][i % 3],
}));

export default async function Preview({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const t = parseTableParams(sp, { sortable: ["name", "size"], defaultSort: "name", filters: { state: states } });
  let rows = all.filter((r) => (!t.q || r.name.includes(t.q)) && (!t.filters.state || r.state === t.filters.state));
  rows = rows.sort((a, b) => (a[t.sort as "name"] < b[t.sort as "name"] ? -1 : 1) * (t.dir === "asc" ? 1 : -1));
  const pageRows = rows.slice(t.skip, t.skip + t.take);

  async function signOut() {
    "use server";
  }
  async function del(formData: FormData): Promise<ActionResult> {
    "use server";
    await new Promise((r) => setTimeout(r, 800));
    if (formData.get("confirmName") === "web-0001") return { ok: true, message: "Deletion of web-0001 queued." };
    return { ok: false, formError: "The VM is locked by a running operation." };
  }
  const now = new Date();
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  return (
    <AppShell
      area="tenant"
      nav={nav}
      user={{ name: "Ada Lovelace", email: "ada@contoso.example", tenantRole: "owner" }}
      tenants={[
        { slug: "contoso", name: "Contoso Ltd" },
        { slug: "acme", name: "AcmeCorp" },
      ]}
      activeTenant="contoso"
      signOutAction={signOut}
    >
      <PageHeader
        title="Virtual machines"
        description="Azure VMs in your Contoso subscriptions. Start, stop, resize and delete them; every change runs as an operation."
        breadcrumbs={[{ label: "Contoso Ltd", href: "/ui-preview" }, { label: "Virtual machines" }]}
        meta={<StatusBadge state="active" />}
        actions={
          <>
            <Button variant="outline">Refresh</Button>
            <Button>
              <Plus /> Create VM
            </Button>
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Virtual machines" value="12" hint="9 running, 3 stopped" icon={Monitor} href="/ui-preview" />
        <StatCard label="vCPUs" value="38" hint="of 64 in your plan" icon={Cpu} />
        <StatCard label="Public IPs" value="4" icon={Globe} />
        <StatCard label="Servers" value="1,204" hint="across all tenants" icon={Server} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader className="border-b">
            <CardTitle>vm.create · web-0001</CardTitle>
            <CardDescription>Started by Ada Lovelace</CardDescription>
            <CardAction>
              <StatusBadge state="running" />
            </CardAction>
          </CardHeader>
          <CardContent>
            <JobTimeline
              now={now}
              steps={[
                { name: "Validate request", state: "succeeded", startedAt: ago(320), endedAt: ago(319.2) },
                { name: "Create network interface", state: "succeeded", startedAt: ago(319), endedAt: ago(290), requestId: "4f9c2a1e-8b7d-4c6e-9a0f-1d2e3f4a5b6c" },
                { name: "Create virtual machine", state: "failed", attempt: 2, startedAt: ago(289), endedAt: ago(200), detail: "OperationNotAllowed: Operation could not be completed as it results in exceeding approved standardDSv5Family Cores quota.", requestId: "a1b2c3d4-e5f6-4711-8899-aabbccddeeff", correlationId: "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9" },
                { name: "Wait for provisioning", state: "running", startedAt: ago(125), percent: 45 },
                { name: "Attach data disks", state: "pending" },
                { name: "Configure boot diagnostics", state: "skipped" },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Quota</CardTitle>
            <CardDescription>Plan “Gold EU”</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <QuotaBar label="Virtual machines" used={12} limit={20} />
            <QuotaBar label="vCPUs" used={54} limit={64} />
            <QuotaBar label="Public IPs" used={5} limit={5} />
            <QuotaBar label="Load balancers" used={1} limit={null} />
          </CardContent>
        </Card>
      </div>

      <div className="mt-6" id="tbl">
        <DataTable
          label="Virtual machines"
          toolbar={
            <DataTableToolbar
              searchPlaceholder="Search VMs…"
              filters={[{ name: "state", label: "States", options: states.map((s) => ({ value: s, label: s })) }]}
            >
              <Button size="sm">
                <Plus /> Create VM
              </Button>
            </DataTableToolbar>
          }
          columns={[
            { key: "name", header: "Name", sortable: true },
            { key: "state", header: "State" },
            { key: "size", header: "Size", sortable: true, hideBelow: "md" },
            { key: "region", header: "Region", hideBelow: "sm" },
            { key: "created", header: "Created", align: "right", hideBelow: "lg" },
          ]}
          rows={pageRows.map((r, i) => ({
            id: r.id,
            cells: {
              name: <span className="font-medium">{r.name}</span>,
              state: <StatusBadge state={r.state} />,
              size: <span className="font-mono text-xs">{r.size}</span>,
              region: r.region,
              created: <RelativeTime date={ago(i * 700 + 20)} className="text-muted-foreground" />,
            },
          }))}
          total={rows.length}
          page={t.page}
          pageSize={t.pageSize}
          sort={t.sort}
          dir={t.dir}
          selectable
          bulkActions={[{ label: "Start", action: del }, { label: "Delete", action: del, confirm: { title: "Delete the selected VMs?" } }]}
        />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Form</CardTitle>
          </CardHeader>
          <CardContent>
            <form className="grid gap-4">
              <FormField label="VM name" name="name" description="Lowercase letters, digits and hyphens." required>
                <Input name="name" defaultValue="web 01" />
              </FormField>
              <FormField label="Size" name="size" error={["Standard_E8s_v5 is not in your plan."]}>
                <NativeSelect name="size" placeholder="Choose a size…" options={[{ value: "b2s", label: "Standard_B2s · 2 vCPU, 4 GiB" }]} />
              </FormField>
              <FormField label="Notes" name="notes" optional>
                <Textarea name="notes" rows={2} />
              </FormField>
              <div className="flex items-center gap-2">
                <Checkbox id="c1" defaultChecked />
                <Label htmlFor="c1">Enable boot diagnostics</Label>
              </div>
              <div className="flex items-center gap-2">
                <Switch id="s1" />
                <Label htmlFor="s1">Public IP</Label>
              </div>
              <FormAlert>You have used 64 of 64 vCPUs in your plan.</FormAlert>
              <div className="flex justify-end gap-2">
                <Button variant="ghost">Cancel</Button>
                <SubmitButton pendingLabel="Creating…">Create VM</SubmitButton>
              </div>
            </form>
          </CardContent>
          <CardFooter>
            <ConfirmDialog trigger="Delete VM" title="Delete web-0001?" description="The VM, its disks and NIC are deleted in Azure. This cannot be undone." action={del} fields={{ vmId: "vm-1" }} confirmText="web-0001" confirmLabel="Delete" />
            <Button variant="secondary">Secondary</Button>
            <Button variant="link">Link</Button>
          </CardFooter>
        </Card>
        <div className="grid content-start gap-4">
          <div className="flex flex-wrap gap-2">
            {["queued", "running", "succeeded", "failed", "cancelled", "Creating", "Updating", "Deleting", "stopped", "deallocated", "validating", "error", "disabled", "suspended", "public", "private", "retired"].map((s) => (
              <StatusBadge key={s} state={s} />
            ))}
            <Badge>Default</Badge>
            <Badge variant="outline">Outline</Badge>
          </div>
          <Alert variant="info" title="Maintenance window">The emulator restarts at 02:00 UTC.</Alert>
          <Alert variant="success">Subscription validated.</Alert>
          <Alert variant="warning" title="Quota nearly used">54 of 64 vCPUs.</Alert>
          <Progress value={null} />
          <div className="flex items-center gap-2 text-sm">
            Request <code className="font-mono text-xs">4f9c2a1e</code> <CopyButton value="4f9c2a1e" /> Press <Kbd>⌘</Kbd><Kbd>K</Kbd>
          </div>
          <Tabs defaultValue="a">
            <TabsList>
              <TabsTrigger value="a">Overview</TabsTrigger>
              <TabsTrigger value="b">Networking</TabsTrigger>
              <TabsTrigger value="c">Operations</TabsTrigger>
            </TabsList>
            <TabsContent value="a">
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="mt-2 h-4 w-1/2" />
            </TabsContent>
          </Tabs>
          <EmptyState title="No load balancers yet" description="Create one in the Azure portal of your subscription; it shows up here after the next sync." action={<Button size="sm">Learn more</Button>} />
          <NotAvailable explanation="Disaster recovery for your on-premises VMs arrives with the ASR integration. Until then your provider can set it up for you." />
        </div>
      </div>
    </AppShell>
  );
}
