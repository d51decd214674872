/**
 * Figure 1b (issue 18 point 1): delete the VMs figure 1 created in some tenant subscriptions through the service the
 * VM page's Delete calls (`runVmAction`), served by the real workers against the throttled emulator, and count the ARM
 * requests (polls included) per VM deleted. Then the emulator's inventory of those resource groups must hold no NIC,
 * public IP or disk: each one-PUT VM's DELETE takes them with it (deleteOption Delete).
 */
import { db } from "@/lib/db/client";
import { runVmAction } from "@/lib/vms/change-vms";
import { breakdown, isArm, RequestRecorder } from "./requests.ts";
import type { TenantSetup } from "./setup.ts";
import { logProgress, waitForOperations, type Stack } from "./stack.ts";

export type DeleteResult = {
  vms: number;
  wallSeconds: number;
  failed: { name: string; message: string | null }[];
  unfinished: number;
  armRequests: number;
  armPerVm: number;
  counters: Awaited<ReturnType<Stack["control"]["counters"]>>;
  breakdown: [string, number][];
  /** NICs, public IPs and disks left in the deleted VMs' resource groups, by name. */
  orphaned: string[];
};

const LEFT_BEHIND = [
  "microsoft.network/networkinterfaces",
  "microsoft.network/publicipaddresses",
  "microsoft.compute/disks",
];

export async function benchDelete(
  stack: Stack,
  tenants: TenantSetup[],
  opts: { timeoutMs: number; log: (m: string) => void },
): Promise<DeleteResult> {
  const { control } = stack;
  const vms = await db.virtualMachine.findMany({
    where: { tenantSubscriptionId: { in: tenants.map((t) => t.tenantSubscriptionId) }, provisioningState: "Succeeded" },
    select: { id: true, tenantSubscriptionId: true },
  });
  await control.resetCounters();
  const recorder = new RequestRecorder(control);
  await recorder.start();
  const t0 = Date.now();
  const ctxOf = new Map(tenants.map((t) => [t.tenantSubscriptionId, t.ctx]));
  const ids: string[] = [];
  for (const vm of vms) ids.push((await runVmAction(ctxOf.get(vm.tenantSubscriptionId)!, vm.id, "delete")).id);
  opts.log(`submitted ${ids.length} vm.delete operations in ${((Date.now() - t0) / 1000).toFixed(2)} s; waiting…`);
  const { ops, timedOut } = await waitForOperations(ids, {
    timeoutMs: opts.timeoutMs,
    onProgress: logProgress(opts.log, t0, 5_000),
  });
  const lastEnd = Math.max(...ops.filter((o) => o.endedAt).map((o) => o.endedAt!.getTime()));
  const entries = (await recorder.stop()).filter(isArm);
  const counters = await control.counters();
  const armRequests = counters.reads + counters.writes + counters.deletes + counters.actions + counters.polls;

  const inventory = await control.inventory();
  const orphaned = tenants.flatMap((t) =>
    (inventory.subscriptions[t.armSubscriptionId] ?? [])
      .filter(
        (r) =>
          LEFT_BEHIND.includes(r.type.toLowerCase()) &&
          r.id.toLowerCase().includes(`/resourcegroups/${t.resourceGroup.toLowerCase()}/`),
      )
      .map((r) => `${r.type.split("/")[1]} ${r.id.split("/").pop()}`),
  );
  return {
    vms: ids.length,
    wallSeconds: (lastEnd - t0) / 1000,
    failed: ops
      .filter((o) => o.state !== "succeeded" && o.endedAt)
      .map((o) => ({ name: o.targetName, message: o.errorMessage })),
    unfinished: timedOut ? ops.filter((o) => !o.endedAt).length : 0,
    armRequests,
    armPerVm: armRequests / Math.max(1, ids.length),
    counters,
    breakdown: breakdown(entries),
    orphaned,
  };
}
