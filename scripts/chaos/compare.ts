/**
 * After a chaos run: the portal's database against the emulator's inventory for one tenant subscription.
 *   lost        portal VMs that succeeded but have no Azure VM
 *   duplicated  Azure VMs whose name appears twice, or that no portal VM names
 *   orphaned    NICs, public IPs and disks that belong to no successfully created portal VM, and Azure VMs behind
 *               a portal VM that failed (resources Azure bills that the tenant cannot see)
 *   operations  by final state; every one must be succeeded, or failed with a reason
 */
import type { EmulatorControl } from "@/emulator/client";
import { db } from "@/lib/db/client";

type Item = { id: string; type: string; body: Record<string, unknown> };
const lower = (s: string) => s.toLowerCase();
const nameOf = (id: string) => id.split("/").pop() ?? id;

export type Comparison = {
  portalVms: number;
  azureVms: number;
  lost: string[];
  duplicated: string[];
  orphaned: string[];
  operationsByState: Record<string, number>;
  unfinished: string[];
  failedWithoutReason: string[];
  failed: { name: string; reason: string }[];
};

export async function compareWithAzure(
  control: EmulatorControl,
  t: { armSubscriptionId: string; tenantSubscriptionId: string; resourceGroup: string },
  operationIds: string[],
): Promise<Comparison> {
  const inventory = await control.inventory();
  const all: Item[] = (inventory.subscriptions[t.armSubscriptionId] ?? []).filter((r) =>
    lower(r.id).includes(`/resourcegroups/${lower(t.resourceGroup)}/`),
  );
  const ofType = (type: string) => all.filter((r) => lower(r.type) === lower(type));
  const azureVms = ofType("Microsoft.Compute/virtualMachines");
  const portal = await db.virtualMachine.findMany({
    where: { tenantSubscriptionId: t.tenantSubscriptionId },
    select: { name: true, provisioningState: true, azureResourceId: true },
  });
  const ops = await db.operation.findMany({
    where: { id: { in: operationIds } },
    select: { targetName: true, state: true, errorMessage: true },
  });

  const azureByName = new Map<string, Item[]>();
  for (const vm of azureVms)
    azureByName.set(lower(nameOf(vm.id)), [...(azureByName.get(lower(nameOf(vm.id))) ?? []), vm]);
  const portalByName = new Map(portal.map((p) => [lower(p.name), p]));

  const lost = portal
    .filter((p) => p.provisioningState === "Succeeded")
    .filter(
      (p) =>
        !(p.azureResourceId && azureVms.some((a) => lower(a.id) === lower(p.azureResourceId!))) &&
        !azureByName.has(lower(p.name)),
    )
    .map((p) => p.name);
  const duplicated = [
    ...[...azureByName].filter(([, list]) => list.length > 1).map(([name, list]) => `${name} ×${list.length}`),
    ...azureVms
      .filter((a) => !portalByName.has(lower(nameOf(a.id))))
      .map((a) => `${nameOf(a.id)} (unknown to the portal)`),
  ];

  // Resources that belong to a VM the portal shows as created.
  const known = azureVms.filter((a) => portalByName.get(lower(nameOf(a.id)))?.provisioningState === "Succeeded");
  const owned = new Set<string>();
  for (const vm of known) {
    const props = (vm.body.properties ?? {}) as {
      networkProfile?: { networkInterfaces?: { id: string }[] };
      storageProfile?: { osDisk?: { managedDisk?: { id?: string } }; dataDisks?: { managedDisk?: { id?: string } }[] };
    };
    for (const nic of props.networkProfile?.networkInterfaces ?? []) owned.add(lower(nic.id));
    const disks = [props.storageProfile?.osDisk, ...(props.storageProfile?.dataDisks ?? [])];
    for (const d of disks) if (d?.managedDisk?.id) owned.add(lower(d.managedDisk.id));
  }
  for (const nic of ofType("Microsoft.Network/networkInterfaces")) {
    if (!owned.has(lower(nic.id))) continue;
    const configs =
      (nic.body.properties as { ipConfigurations?: { properties?: { publicIPAddress?: { id?: string } } }[] })
        ?.ipConfigurations ?? [];
    for (const c of configs) if (c.properties?.publicIPAddress?.id) owned.add(lower(c.properties.publicIPAddress.id));
  }
  const orphaned = [
    ...[
      "Microsoft.Network/networkInterfaces",
      "Microsoft.Network/publicIPAddresses",
      "Microsoft.Compute/disks",
    ].flatMap((type) =>
      ofType(type)
        .filter((r) => !owned.has(lower(r.id)))
        .map((r) => `${type.split("/")[1]} ${nameOf(r.id)}`),
    ),
    ...azureVms
      .filter((a) => portalByName.get(lower(nameOf(a.id)))?.provisioningState === "Failed")
      .map((a) => `virtualMachines ${nameOf(a.id)} (portal: Failed)`),
  ];

  const operationsByState: Record<string, number> = {};
  for (const o of ops) operationsByState[o.state] = (operationsByState[o.state] ?? 0) + 1;
  return {
    portalVms: portal.length,
    azureVms: azureVms.length,
    lost,
    duplicated,
    orphaned,
    operationsByState,
    unfinished: ops
      .filter((o) => !["succeeded", "failed"].includes(o.state))
      .map((o) => `${o.targetName} (${o.state})`),
    failedWithoutReason: ops.filter((o) => o.state === "failed" && !o.errorMessage?.trim()).map((o) => o.targetName),
    failed: ops.filter((o) => o.state === "failed").map((o) => ({ name: o.targetName, reason: o.errorMessage ?? "" })),
  };
}
