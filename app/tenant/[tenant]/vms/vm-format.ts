/** Pure helpers shared by the VM pages (server and client alike). */
export const busyStates = ["Creating", "Updating", "Deleting"] as const;

export const isVmBusy = (vm: { provisioningState: string }) =>
  (busyStates as readonly string[]).includes(vm.provisioningState);

export function formatMemory(memoryMb: number) {
  const gib = memoryMb / 1024;
  return `${gib.toLocaleString("en-US", { maximumFractionDigits: 1 })} GiB`;
}

export const describeSize = (s: { vcpus: number; memoryMb: number }) =>
  `${s.vcpus} vCPU${s.vcpus === 1 ? "" : "s"} · ${formatMemory(s.memoryMb)}`;

/** The state filter: power states of settled VMs, then the provisioning states that mean "not settled". */
export const vmStateOptions = [
  { value: "running", label: "Running" },
  { value: "deallocated", label: "Deallocated" },
  { value: "stopped", label: "Stopped (still allocated)" },
  { value: "Creating", label: "Creating" },
  { value: "Updating", label: "Updating" },
  { value: "Deleting", label: "Deleting" },
  { value: "Failed", label: "Failed" },
];
