/**
 * What each kind of portal row is metered on right now (pure): the recorder (record.ts) turns these into intervals.
 * Azure's rules (AZURE-FACTS §5 "States", issue 15): a VM costs compute while allocated — running, or stopped without
 * deallocation — and nothing once deallocated; its disks and a Standard public IP cost while they exist.
 */
import type { MeterState } from "./intervals";
import { diskTier, LB_INCLUDED_RULES, vmComputeMeter } from "./meters";

export type DiskFacts = { sizeGb?: number; storageAccountType?: string };

export type VmFacts = {
  id: string;
  name: string;
  region: string;
  size: string;
  osType: string;
  hasPublicIp: boolean;
  powerState: string | null;
  azureResourceId: string | null;
  isMissing: boolean;
  dataDisks: { lun: number; sizeGb: number }[];
};

const NOT_ALLOCATED = new Set(["deallocated", "deallocating"]);

/** A size with premium storage (an "s" among its feature letters: D2s_v3, B2ms, DS2_v2) gets Premium_LRS disks by default. */
export const isPremiumCapable = (size: string) => /^(?:Standard|Basic)_(?:[A-Z]+S\d|[A-Z]+\d+[a-z]*s)/.test(size);

/** Azure's default disk when the request named none: Premium_LRS on premium-capable sizes, else Standard_LRS. */
export const defaultDiskSku = (size: string) => (isPremiumCapable(size) ? "Premium_LRS" : "Standard_LRS");
/** The marketplace images' OS disk when Azure's answer did not say: 30 GB Linux, 127 GB Windows. */
export const defaultOsDiskGb = (osType: string) => (osType === "Windows" ? 127 : 30);

/** Whether Azure holds the VM's hardware (and bills compute). */
export const isAllocated = (powerState: string | null) => !!powerState && !NOT_ALLOCATED.has(powerState);

function diskState(vm: VmFacts, id: string, name: string, sizeGb: number, sku: string): MeterState {
  return {
    resourceType: "ManagedDisk",
    resourceId: `${vm.id}/${id}`,
    resourceName: name,
    meter: "disk.managed",
    region: vm.region,
    sku: diskTier(sku, sizeGb),
    units: 1,
    attributes: { sizeGb, storageAccountType: sku, vm: vm.name },
  };
}

/**
 * A VM that Azure has (created, not missing): compute while allocated, its OS and data disks and its own public IP
 * while it exists. Disk SKUs come from Azure's answer (`disks`), else the VM size's default.
 */
export function vmMeterStates(vm: VmFacts, disks: { os?: DiskFacts; data: Map<number, DiskFacts> }): MeterState[] {
  if (!vm.azureResourceId || vm.isMissing) return [];
  const out: MeterState[] = [];
  if (isAllocated(vm.powerState))
    out.push({
      resourceType: "VirtualMachine",
      resourceId: vm.id,
      resourceName: vm.name,
      azureResourceId: vm.azureResourceId,
      meter: vmComputeMeter(vm.osType),
      region: vm.region,
      sku: vm.size,
      units: 1,
      attributes: { size: vm.size, powerState: vm.powerState },
    });
  out.push(
    diskState(
      vm,
      "os",
      `${vm.name} OS disk`,
      disks.os?.sizeGb ?? defaultOsDiskGb(vm.osType),
      disks.os?.storageAccountType ?? defaultDiskSku(vm.size),
    ),
  );
  for (const d of vm.dataDisks)
    out.push(
      diskState(
        vm,
        `lun/${d.lun}`,
        `${vm.name} data disk ${d.lun}`,
        d.sizeGb,
        disks.data.get(d.lun)?.storageAccountType ?? defaultDiskSku(vm.size),
      ),
    );
  if (vm.hasPublicIp)
    out.push({
      resourceType: "PublicIpAddress",
      resourceId: `${vm.id}/ip`,
      resourceName: `${vm.name}-ip`,
      meter: "ip.standard",
      region: vm.region,
      sku: "Standard",
      units: 1,
      attributes: { vm: vm.name },
    });
  return out;
}

export type LoadBalancerFacts = {
  id: string;
  name: string;
  region: string;
  sku: string;
  azureResourceId: string | null;
  provisioningState: string;
  ruleCount: number;
};

/** A Standard load balancer with rules: the included hours, and rule-hours beyond the first 5. Basic ones are free. */
export function loadBalancerMeterStates(lb: LoadBalancerFacts): MeterState[] {
  if (!lb.azureResourceId || lb.provisioningState === "Missing" || lb.sku !== "Standard" || lb.ruleCount < 1) return [];
  const base = {
    resourceType: "LoadBalancer",
    resourceId: lb.id,
    resourceName: lb.name,
    azureResourceId: lb.azureResourceId,
    region: lb.region,
    sku: "Standard",
    attributes: { rules: lb.ruleCount },
  };
  const overage = lb.ruleCount - LB_INCLUDED_RULES;
  return [
    { ...base, meter: "lb.standard.included", units: 1 },
    ...(overage > 0 ? [{ ...base, meter: "lb.standard.overage" as const, units: overage }] : []),
  ];
}

export type PublicIpFacts = {
  id: string;
  name: string;
  region: string;
  sku: string;
  azureResourceId: string | null;
  provisioningState: string;
};

/** A Standard public IP from the moment Azure has it until it is deleted, attached or not. */
export function publicIpMeterStates(ip: PublicIpFacts): MeterState[] {
  if (!ip.azureResourceId || ip.provisioningState === "Missing" || ip.sku !== "Standard") return [];
  return [
    {
      resourceType: "PublicIpAddress",
      resourceId: ip.id,
      resourceName: ip.name,
      azureResourceId: ip.azureResourceId,
      meter: "ip.standard",
      region: ip.region,
      sku: "Standard",
      units: 1,
      attributes: {},
    },
  ];
}

export type ProtectedItemFacts = {
  id: string;
  vmName: string;
  targetVmName: string;
  targetSize: string | null;
  osType: string;
  state: string;
  activeLocation: string | null;
  testFailoverState: string | null;
  region: string;
  replicaGb: number;
};

/** ASR's answer while no test failover VM exists; any other state has one running in Azure until its cleanup. */
const NO_TEST_VM = new Set(["", "None", "TestFailoverInProgress"]);

/**
 * A protected VM: the Site Recovery instance and its replica storage while protected; compute for the VM Azure runs
 * after a failover (activeLocation Recovery) and for a test failover's VM until its cleanup. ASR picks a size when the
 * tenant chose none; the portal does not know it then and meters the compute as size "unknown" (unpriced).
 */
export function protectedItemMeterStates(item: ProtectedItemFacts): MeterState[] {
  if (item.state === "enabling" || item.state === "failed") return [];
  const base = { resourceType: "ProtectedItem", resourceName: item.vmName, region: item.region, attributes: {} };
  const out: MeterState[] = [
    { ...base, resourceId: item.id, meter: "dr.protected", sku: "Azure", units: 1 },
    ...(item.replicaGb > 0
      ? [
          {
            ...base,
            resourceId: `${item.id}/replica`,
            meter: "dr.storage" as const,
            sku: "Standard LRS",
            units: item.replicaGb,
            attributes: { gb: item.replicaGb },
          },
        ]
      : []),
  ];
  const size = item.targetSize ?? "unknown";
  const compute = (suffix: string, name: string): MeterState => ({
    ...base,
    resourceId: `${item.id}/${suffix}`,
    resourceName: name,
    meter: vmComputeMeter(item.osType),
    sku: size,
    units: 1,
    attributes: { size },
  });
  if (item.activeLocation === "Recovery") out.push(compute("failover", item.targetVmName));
  if (!NO_TEST_VM.has(item.testFailoverState ?? "")) out.push(compute("test", `${item.targetVmName}-test`));
  return out;
}
