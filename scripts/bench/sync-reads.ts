/**
 * Figure 3: ARM reads for one inventory sync (`subscription.sync`, run by the worker) of a subscription with 2,000 VMs.
 *
 * Creating 2,000 VMs through ARM would take minutes and measure nothing this figure is about, so the emulator's state
 * is read with the control API's snapshot, the VMs that figure 1 created in the first subscription are cloned (same
 * body shape as a real create: id, name, properties.vmId, instance state) up to the target count, and the state is put
 * back with restore. Only VMs are cloned (a sync lists VMs only; NICs and disks would not change the figure). The
 * portal gets matching rows (Succeeded, running, with the Azure resource id), inserted directly.
 */
import { randomUUID } from "node:crypto";
import { PORTAL_EXTRA_TAG } from "@/lib/azure/tags";
import { db } from "@/lib/db/client";
import { enqueueOperationNow } from "@/lib/jobs/enqueue";
import { isArm, RequestRecorder, subscriptionOf } from "./requests.ts";
import type { TenantSetup } from "./setup.ts";
import { waitForOperations, type Stack } from "./stack.ts";
import { kinds } from "@/lib/operations/kinds";

type StoredResource = {
  id: string;
  subscriptionId: string;
  resourceGroup?: string;
  type: string;
  body: Record<string, unknown>;
  internal: Record<string, unknown>;
  createdAtMs: number;
};

export type SyncResult = {
  vms: number;
  pageSize: number;
  pages: number;
  reads: number;
  readsByKind: Record<string, number>;
  tokens: number;
  throttled: number;
  seconds: number;
  state: string;
  detail: string;
};

async function runSync(t: TenantSetup) {
  const op = await enqueueOperationNow({
    kind: kinds.subscription.sync,
    tenantId: null,
    actorId: null,
    azureSubscriptionId: t.azureSubscriptionRowId,
    target: { type: "AzureSubscription", id: t.azureSubscriptionRowId, name: "bench subscription 1" },
    input: { azureSubscriptionId: t.azureSubscriptionRowId },
  });
  const { ops } = await waitForOperations([op.id], { timeoutMs: 120_000 });
  return { op, ops };
}

export async function benchSyncReads(
  stack: Stack,
  t: TenantSetup,
  opts: { vms: number; pageSize: number; log: (m: string) => void },
): Promise<SyncResult> {
  const { control } = stack;
  // The figure is a sync of inventory the portal has tagged already (issue 15 point 1): a first sync adds the portal's
  // tags to figure 1's VMs and their NICs, public IPs and disks, and the clones below are made tagged and checked.
  await runSync(t);
  const state = (await control.snapshot()) as { resources: Record<string, StoredResource> };
  const sub = t.armSubscriptionId.toLowerCase();
  const existing = Object.values(state.resources).filter(
    (r) => r.subscriptionId.toLowerCase() === sub && r.type === "microsoft.compute/virtualmachines",
  );
  if (!existing.length) throw new Error("figure 3 needs at least one VM created by figure 1 to clone");
  const template = existing[0];
  const vm = await db.virtualMachine.findFirstOrThrow({
    where: { tenantSubscriptionId: t.tenantSubscriptionId, provisioningState: "Succeeded" },
  });
  const groupId = template.id.slice(0, template.id.toLowerCase().indexOf("/providers/microsoft.compute/"));

  const clones = Math.max(0, opts.vms - existing.length);
  const rows = [];
  for (let i = 1; i <= clones; i++) {
    const name = `sync-${String(i).padStart(5, "0")}`;
    const id = `${groupId}/providers/Microsoft.Compute/virtualMachines/${name}`;
    const props = template.body.properties as Record<string, unknown>;
    const rowId = `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;
    state.resources[id.toLowerCase()] = {
      ...template,
      id,
      body: {
        ...template.body,
        id,
        name,
        tags: { ...(template.body.tags as Record<string, string> | undefined), [PORTAL_EXTRA_TAG.vm]: rowId },
        properties: {
          ...props,
          vmId: randomUUID(),
          osProfile: { ...(props.osProfile as Record<string, unknown>), computerName: name },
        },
      },
      internal: { ...template.internal },
      createdAtMs: Date.now(),
    };
    const { id: _id, createdAt: _c, updatedAt: _u, lastSyncedAt: _l, ...copy } = vm;
    rows.push({
      ...copy,
      id: rowId,
      tagsCheckedAt: new Date(),
      dataDisks: copy.dataDisks ?? [],
      name,
      azureResourceId: id,
      provisioningState: "Succeeded",
      powerState: "running",
      // Known, as for every VM whose create read them (a clone shares its template's NIC in the emulator).
      privateIp: copy.privateIp,
      publicIp: copy.publicIp,
    });
  }
  await control.restore({ state });
  for (let i = 0; i < rows.length; i += 500) await db.virtualMachine.createMany({ data: rows.slice(i, i + 500) });
  const total = existing.length + clones;
  opts.log(
    `emulator subscription 1 now holds ${total} VMs (${clones} cloned through snapshot/restore); running subscription.sync…`,
  );

  const recorder = new RequestRecorder(control, 200);
  await recorder.start();
  const t0 = Date.now();
  const { op, ops } = await runSync(t);
  const seconds = (Date.now() - t0) / 1000;
  const entries = (await recorder.stop()).filter((e) => subscriptionOf(e) === sub || e.opType === "token");
  const steps = await db.operationStep.findMany({
    where: { operationId: op.id },
    orderBy: { position: "asc" },
    select: { name: true, detail: true },
  });
  const reads = entries.filter((e) => isArm(e) && e.opType === "read");
  const readsByKind: Record<string, number> = {};
  for (const e of reads) {
    const kind = /\/virtualMachines$/i.test(e.path)
      ? "listAll virtualMachines (page)"
      : `${e.method} ${e.path.split("/").slice(-2).join("/")}`;
    readsByKind[kind] = (readsByKind[kind] ?? 0) + 1;
  }
  return {
    vms: total,
    pageSize: opts.pageSize,
    pages: Math.ceil(total / opts.pageSize),
    reads: reads.length,
    readsByKind,
    tokens: entries.filter((e) => e.opType === "token").length,
    throttled: entries.filter((e) => e.status === 429).length,
    seconds,
    state: ops[0].state + (ops[0].errorMessage ? `: ${ops[0].errorMessage}` : ""),
    detail: steps.map((s) => `${s.name}: ${s.detail ?? ""}`).join(" | "),
  };
}
