/** VMs in these states belong to a running operation, which will write their state itself. */
export const busyStates = ["Creating", "Updating", "Deleting"];

export type SyncChange = { id: string; powerState: string | null; provisioningState: string; isMissing: boolean };

/**
 * Pure: compares the portal's VMs with Azure's statuses (matched by resource id) and returns what changed. A VM Azure
 * no longer has is marked missing (deleted outside the portal), never silently dropped.
 */
export function diffInventory(
  known: {
    id: string;
    azureResourceId: string | null;
    provisioningState: string;
    powerState: string | null;
    isMissing: boolean;
  }[],
  azure: { id: string; provisioningState: string; powerState: string }[],
): SyncChange[] {
  const byId = new Map(azure.map((a) => [a.id.toLowerCase(), a]));
  const changes: SyncChange[] = [];
  for (const vm of known) {
    if (!vm.azureResourceId || busyStates.includes(vm.provisioningState)) continue;
    const seen = byId.get(vm.azureResourceId.toLowerCase());
    const next: SyncChange = seen
      ? {
          id: vm.id,
          powerState: seen.powerState === "unknown" ? vm.powerState : seen.powerState,
          provisioningState: seen.provisioningState === "Failed" ? "Failed" : vm.provisioningState,
          isMissing: false,
        }
      : { id: vm.id, powerState: vm.powerState, provisioningState: vm.provisioningState, isMissing: true };
    if (
      next.powerState !== vm.powerState ||
      next.provisioningState !== vm.provisioningState ||
      next.isMissing !== vm.isMissing
    )
      changes.push(next);
  }
  return changes;
}
