import type { StoredResource } from "../../core/state.js";
import type { JsonBody } from "../../core/plugin.js";

/**
 * What the Compute RP keeps in a VM's `internal` (the stored record's private part). Other RPs (Site Recovery)
 * and the portal's tests may read it: `powerState` is the instance view's PowerState code without the prefix.
 */
export type PowerState = "starting" | "running" | "stopping" | "stopped" | "deallocating" | "deallocated";
export interface VmInternal {
  powerState: PowerState;
  osType: "Windows" | "Linux";
  osName: string;
  hyperVGeneration: "V1" | "V2";
  /** ISO time of the last power or provisioning transition (instance view `time`). */
  changedAt: string;
}

const POWER_DISPLAY: Record<PowerState, string> = {
  starting: "VM starting",
  running: "VM running",
  stopping: "VM stopping",
  stopped: "VM stopped",
  deallocating: "VM deallocating",
  deallocated: "VM deallocated",
};

export const vmInternal = (r: StoredResource) => r.internal as unknown as VmInternal;
export const vmProps = (r: StoredResource) => (r.body.properties ?? {}) as JsonBody;
export const vmSizeName = (r: StoredResource) => String(vmProps(r).hardwareProfile?.vmSize ?? "");
export const isAllocated = (s: PowerState) => s !== "deallocated" && s !== "deallocating";

export function setVm(
  store: { putResource: (id: string, body: JsonBody, internal?: JsonBody) => unknown },
  r: StoredResource,
  patch: { properties?: JsonBody; internal?: Partial<VmInternal> },
) {
  const body = patch.properties ? { ...r.body, properties: { ...vmProps(r), ...patch.properties } } : r.body;
  store.putResource(r.id, body, { ...r.internal, ...(patch.internal ?? {}) });
}

export function statuses(r: StoredResource): JsonBody[] {
  const internal = vmInternal(r);
  const state = String(vmProps(r).provisioningState ?? "Succeeded");
  const failed = state === "Failed";
  const provisioning = {
    code: `ProvisioningState/${state.toLowerCase()}`,
    level: failed ? "Error" : "Info",
    displayStatus: state === "Succeeded" ? "Provisioning succeeded" : failed ? "Provisioning failed" : state,
    time: internal.changedAt,
  };
  return [
    provisioning,
    { code: `PowerState/${internal.powerState}`, level: "Info", displayStatus: POWER_DISPLAY[internal.powerState] },
  ];
}

/** The VirtualMachineInstanceView shape (SPECS COMPUTE examples VirtualMachine_Get_InstanceView). */
export function instanceView(r: StoredResource): JsonBody {
  const internal = vmInternal(r);
  const props = vmProps(r);
  const running = internal.powerState === "running";
  const disks = [props.storageProfile?.osDisk, ...((props.storageProfile?.dataDisks ?? []) as JsonBody[])].filter(
    Boolean,
  ) as JsonBody[];
  return {
    computerName: props.osProfile?.computerName,
    osName: internal.osName,
    osVersion: internal.osType === "Windows" ? "10.0.20348" : undefined,
    hyperVGeneration: internal.hyperVGeneration,
    vmAgent: {
      vmAgentVersion: running ? (internal.osType === "Windows" ? "2.7.41491.1102" : "2.11.1.12") : "Unknown",
      statuses: running
        ? [
            {
              code: "ProvisioningState/succeeded",
              level: "Info",
              displayStatus: "Ready",
              message: "GuestAgent is running and processing the extensions.",
              time: internal.changedAt,
            },
          ]
        : [
            {
              code: "ProvisioningState/Unavailable",
              level: "Warning",
              displayStatus: "Not Ready",
              message: "VM status blob is found but not yet populated.",
              time: internal.changedAt,
            },
          ],
    },
    disks: disks.map((d) => ({
      name: d.name,
      statuses: [
        {
          code: "ProvisioningState/succeeded",
          level: "Info",
          displayStatus: "Provisioning succeeded",
          time: internal.changedAt,
        },
      ],
    })),
    statuses: statuses(r),
  };
}
