import { z } from "@hono/zod-openapi";
import { createVmSchema, dataDiskSchema, removeDataDiskSchema, resizeVmSchema } from "@/lib/vms/schema";
import type { getVm, listVms } from "@/lib/vms/queries";
import { API_BASE } from "../env";
import { operationSchema } from "../operation";

const dateTime = z.string().openapi({ format: "date-time" });

export const tenantParam = z.string().openapi({ param: { name: "tenant", in: "path" }, description: "Tenant slug" });
export const vmParams = z.object({
  tenant: tenantParam,
  vmId: z.string().openapi({ param: { name: "vmId", in: "path" } }),
});

/**
 * The create form's schema with its rules (lib/vms/schema.ts), taking JSON: only the form's checkbox, which reads
 * "on" from FormData, becomes a real boolean. Names, users, passwords and keys are checked by the same refinement.
 */
export const createVmBody = createVmSchema
  .safeExtend({ publicIp: z.boolean().default(false) })
  .openapi("CreateVm", { description: "One VM, or `count` VMs named name-01 … name-NN." });
export const resizeVmBody = resizeVmSchema.omit({ vmId: true }).openapi("ResizeVm");
export const addDataDiskBody = dataDiskSchema.omit({ vmId: true }).openapi("AddDataDisk");
export const dataDiskParams = vmParams.extend({
  lun: removeDataDiskSchema.shape.lun.openapi({ param: { name: "lun", in: "path", required: true } }),
});

/** The VM list's state filter: a power state, or a provisioning state while an operation runs or after a failure. */
export const vmStateFilter = [
  "running",
  "deallocated",
  "stopped",
  "Creating",
  "Updating",
  "Deleting",
  "Failed",
] as const;

export const vmSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    subscription: z.object({ name: z.string() }),
    region: z.string(),
    size: z.string(),
    vcpus: z.number().int(),
    memoryMb: z.number().int(),
    osType: z.string(),
    image: z.object({ offer: z.string(), sku: z.string() }),
    provisioningState: z.string().openapi({ example: "Succeeded" }),
    powerState: z.string().nullable().openapi({ example: "running" }),
    privateIp: z.string().nullable(),
    publicIp: z.string().nullable(),
    errorMessage: z.string().nullable(),
    isMissing: z.boolean().openapi({ description: "The last inventory sync did not find it in Azure." }),
    createdAt: dateTime,
    href: z.string(),
  })
  .openapi("Vm");

export const vmDetailSchema = vmSchema
  .extend({
    subscription: z.object({ id: z.string(), name: z.string(), resourceGroup: z.string() }),
    image: z.object({ publisher: z.string(), offer: z.string(), sku: z.string(), version: z.string() }),
    adminUsername: z.string(),
    authType: z.enum(["password", "ssh"]),
    network: z.object({ name: z.string(), subnet: z.string() }),
    hasPublicIp: z.boolean(),
    dataDisks: z.array(z.object({ lun: z.number().int(), sizeGb: z.number().int() })),
    azureResourceId: z.string().nullable(),
    errorCode: z.string().nullable(),
    lastSyncedAt: dateTime.nullable(),
    updatedAt: dateTime,
  })
  .openapi("VmDetail");

export const connectSchema = z
  .object({
    method: z.enum(["ssh", "rdp", "none"]),
    adminUsername: z.string(),
    publicIp: z.string().nullable(),
    privateIp: z.string().nullable(),
    isRunning: z.boolean(),
    command: z.string().nullable().openapi({ example: "ssh azureops@203.0.113.10" }),
    hint: z.string(),
  })
  .openapi("VmConnect", { description: "How to reach the VM. Never a password: it is not stored anywhere." });

export const createVmsAcceptedSchema = z
  .object({
    vms: z.array(z.object({ id: z.string(), name: z.string(), href: z.string() })),
    operations: z.array(operationSchema).openapi({ description: "One vm.create operation per VM, in the same order." }),
  })
  .openapi("CreateVmsAccepted");

const vmHref = (tenant: string, id: string) => `${API_BASE}/tenants/${tenant}/vms/${id}`;
export const vmUrl = vmHref;

type VmRow = Awaited<ReturnType<typeof listVms>>["rows"][number];
export function toApiVm(tenant: string, vm: VmRow) {
  return {
    id: vm.id,
    name: vm.name,
    subscription: { name: vm.tenantSubscription.name },
    region: vm.region,
    size: vm.size,
    vcpus: vm.vcpus,
    memoryMb: vm.memoryMb,
    osType: vm.osType,
    image: { offer: vm.imageOffer, sku: vm.imageSku },
    provisioningState: vm.provisioningState,
    powerState: vm.powerState,
    privateIp: vm.privateIp,
    publicIp: vm.publicIp,
    errorMessage: vm.errorMessage,
    isMissing: vm.isMissing,
    createdAt: vm.createdAt.toISOString(),
    href: vmHref(tenant, vm.id),
  };
}

type VmFull = Awaited<ReturnType<typeof getVm>>;
export function toApiVmDetail(tenant: string, vm: VmFull) {
  return {
    ...toApiVm(tenant, vm),
    subscription: vm.tenantSubscription,
    image: { publisher: vm.imagePublisher, offer: vm.imageOffer, sku: vm.imageSku, version: vm.imageVersion },
    adminUsername: vm.adminUsername,
    authType: vm.sshPublicKey ? ("ssh" as const) : ("password" as const),
    network: { name: vm.networkName, subnet: vm.subnetName },
    hasPublicIp: vm.hasPublicIp,
    dataDisks: vm.dataDisks as { lun: number; sizeGb: number }[],
    azureResourceId: vm.azureResourceId,
    errorCode: vm.errorCode,
    lastSyncedAt: vm.lastSyncedAt?.toISOString() ?? null,
    updatedAt: vm.updatedAt.toISOString(),
  };
}

/** What the VM page's connect panel says, as data. */
export function toConnectInfo(vm: VmFull) {
  const isRunning = vm.provisioningState === "Succeeded" && vm.powerState === "running";
  const base = { adminUsername: vm.adminUsername, publicIp: vm.publicIp, privateIp: vm.privateIp, isRunning };
  if (!vm.publicIp)
    return {
      ...base,
      method: "none" as const,
      command: null,
      hint: `This VM has no public IP address${vm.privateIp ? `: connect from another VM in its network to ${vm.privateIp}` : ""}.`,
    };
  const start = isRunning ? "" : " Start the VM before connecting.";
  if (vm.osType === "Windows")
    return {
      ...base,
      method: "rdp" as const,
      command: null,
      hint: `Remote Desktop to ${vm.publicIp}:3389 and sign in as ${vm.adminUsername} with the password you chose when you created the VM.${start}`,
    };
  return {
    ...base,
    method: "ssh" as const,
    command: `ssh ${vm.adminUsername}@${vm.publicIp}`,
    hint:
      (vm.sshPublicKey
        ? "ssh signs in with the private key that belongs to the public key you gave when you created the VM."
        : "ssh asks for the password you chose when you created the VM.") + start,
  };
}
