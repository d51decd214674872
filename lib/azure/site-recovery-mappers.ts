import { flat, num, numeric, obj, str, type Json } from "./arm-json";

/** Site Recovery (Hyper-V/VMM to Azure) in the portal's words. Pure: fed with recorded payloads in the tests. */
export type FabricInfo = { name: string; friendlyName: string; health: string; type?: string };
export type RecoveryProviderInfo = {
  fabricName: string;
  friendlyName: string;
  connectionStatus?: string;
  providerVersion?: string;
  lastHeartbeat?: string;
};
export type ProtectionContainerInfo = {
  name: string;
  fabricName: string;
  friendlyName: string;
  pairingStatus: string;
  protectedItemCount: number;
};
export type OnPremDisk = { id: string; name: string; sizeGb: number; isOs: boolean };
export type OnPremVmInfo = {
  name: string;
  id: string;
  friendlyName: string;
  osType: "Windows" | "Linux";
  osName?: string;
  protectionStatus: string;
  disks: OnPremDisk[];
};
export type VmNetworkInfo = { name: string; fabricName: string; friendlyName: string };
export type ReplicationPolicyInfo = {
  id: string;
  name: string;
  copyFrequencySeconds?: number;
  recoveryPointHours?: number;
  appConsistentHours?: number;
  storageAccountId?: string;
};
export type ProtectedItemInfo = {
  id: string;
  name: string;
  friendlyName: string;
  protectionState: string;
  protectionDescription?: string;
  replicationHealth: string;
  activeLocation: string;
  testFailoverState: string;
  allowedOperations: string[];
  currentScenario?: { name: string; jobId: string };
  initialReplicationPercent?: number;
  lastRecoveryPointAt?: string;
  rpoSeconds?: number;
};
export type AsrJobTask = { name: string; state: string; startTime?: string; endTime?: string };
export type AsrJobInfo = {
  name: string;
  id: string;
  scenario: string;
  friendlyName: string;
  state: string;
  targetObjectId?: string;
  targetObjectName?: string;
  startTime?: string;
  endTime?: string;
  tasks: AsrJobTask[];
  errors: string[];
};

const arr = (x: unknown): Json[] => (Array.isArray(x) ? x.map(obj) : []);
const segment = (id: string | undefined, after: string) =>
  (id ? new RegExp(`/${after}/([^/]+)`, "i").exec(id)?.[1] : undefined) ?? "";

export function mapFabric(raw: unknown): FabricInfo {
  const f = flat(raw);
  return {
    name: str(f.name) ?? "",
    friendlyName: str(f.friendlyName) ?? str(f.name) ?? "",
    health: str(f.health) ?? "None",
    ...(str(obj(f.customDetails).instanceType) ? { type: str(obj(f.customDetails).instanceType) } : {}),
  };
}

export function mapRecoveryProvider(raw: unknown): RecoveryProviderInfo {
  const p = flat(raw);
  return {
    fabricName: segment(str(p.id), "replicationFabrics"),
    friendlyName: str(p.friendlyName) ?? "",
    ...(str(p.connectionStatus) ? { connectionStatus: str(p.connectionStatus) } : {}),
    ...(str(p.providerVersion) ? { providerVersion: str(p.providerVersion) } : {}),
    ...(p.lastHeartBeat ? { lastHeartbeat: new Date(p.lastHeartBeat as string).toISOString() } : {}),
  };
}

export function mapProtectionContainer(raw: unknown): ProtectionContainerInfo {
  const c = flat(raw);
  return {
    name: str(c.name) ?? "",
    fabricName: segment(str(c.id), "replicationFabrics"),
    friendlyName: str(c.friendlyName) ?? "",
    pairingStatus: str(c.pairingStatus) ?? "NotPaired",
    protectedItemCount: num(c.protectedItemCount) ?? 0,
  };
}

export function mapOnPremVm(raw: unknown): OnPremVmInfo {
  const v = flat(raw);
  const custom = obj(v.customDetails);
  const os = obj(custom.osDetails);
  const disks = arr(custom.diskDetails).map((d) => ({
    id: str(d.vhdId) ?? "",
    name: str(d.vhdName) ?? "",
    sizeGb: Math.round((num(d.maxSizeMB) ?? Number(d.maxSizeMB ?? 0)) / 1024),
    isOs: str(d.vhdType) === "OperatingSystem",
  }));
  return {
    name: str(v.name) ?? "",
    id: str(v.id) ?? "",
    friendlyName: str(v.friendlyName) ?? "",
    osType: str(os.osType) === "Linux" ? "Linux" : "Windows",
    ...(str(os.osEdition) ? { osName: str(os.osEdition) } : {}),
    protectionStatus: str(v.protectionStatus) ?? "Unprotected",
    disks,
  };
}

export function mapVmNetwork(raw: unknown): VmNetworkInfo {
  const n = flat(raw);
  return {
    name: str(n.name) ?? "",
    fabricName: segment(str(n.id), "replicationFabrics"),
    friendlyName: str(n.friendlyName) ?? "",
  };
}

export function mapReplicationPolicy(raw: unknown): ReplicationPolicyInfo {
  const p = flat(raw);
  const d = obj(p.providerSpecificDetails);
  return {
    id: str(p.id) ?? "",
    name: str(p.name) ?? "",
    ...(num(d.replicationInterval) !== undefined ? { copyFrequencySeconds: num(d.replicationInterval) } : {}),
    ...(num(d.recoveryPointHistoryDurationInHours) !== undefined
      ? { recoveryPointHours: num(d.recoveryPointHistoryDurationInHours) }
      : {}),
    ...(num(d.applicationConsistentSnapshotFrequencyInHours) !== undefined
      ? { appConsistentHours: num(d.applicationConsistentSnapshotFrequencyInHours) }
      : {}),
    ...(str(d.activeStorageAccountId) ? { storageAccountId: str(d.activeStorageAccountId) } : {}),
  };
}

const NO_JOB = /\/replicationJobs\/None$/i;

export function mapProtectedItem(raw: unknown): ProtectedItemInfo {
  const i = flat(raw);
  const psd = obj(i.providerSpecificDetails);
  const scenario = obj(i.currentScenario);
  const jobId = str(scenario.jobId);
  const ir = obj(psd.initialReplicationDetails);
  const last =
    str(psd.lastRecoveryPointReceived) ??
    (psd.lastRecoveryPointReceived instanceof Date ? (psd.lastRecoveryPointReceived as Date).toISOString() : undefined);
  return {
    id: str(i.id) ?? "",
    name: str(i.name) ?? "",
    friendlyName: str(i.friendlyName) ?? "",
    protectionState: str(i.protectionState) ?? "Unknown",
    ...(str(i.protectionStateDescription) ? { protectionDescription: str(i.protectionStateDescription) } : {}),
    replicationHealth: str(i.replicationHealth) ?? "None",
    activeLocation: str(i.activeLocation) ?? "Primary",
    testFailoverState: str(i.testFailoverState) ?? "None",
    allowedOperations: Array.isArray(i.allowedOperations) ? (i.allowedOperations as string[]) : [],
    ...(jobId && !NO_JOB.test(jobId) && str(scenario.scenarioName) !== "None"
      ? { currentScenario: { name: str(scenario.scenarioName) ?? "", jobId } }
      : {}),
    ...(numeric(ir.initialReplicationProgressPercentage) !== undefined
      ? { initialReplicationPercent: numeric(ir.initialReplicationProgressPercentage) }
      : {}),
    ...(last ? { lastRecoveryPointAt: new Date(last).toISOString() } : {}),
    ...(num(psd.rpoInSeconds) !== undefined ? { rpoSeconds: num(psd.rpoInSeconds) } : {}),
  };
}

const iso = (x: unknown) =>
  x instanceof Date ? x.toISOString() : str(x) ? new Date(str(x)!).toISOString() : undefined;

export function mapAsrJob(raw: unknown): AsrJobInfo {
  const j = flat(raw);
  const errors = arr(j.errors)
    .map((e) => str(obj(e.serviceErrorDetails).message) ?? str(obj(e.providerErrorDetails).errorMessage) ?? "")
    .filter(Boolean);
  return {
    name: str(j.name) ?? "",
    id: str(j.id) ?? "",
    scenario: str(j.scenarioName) ?? "",
    friendlyName: str(j.friendlyName) ?? "",
    state: str(j.state) ?? "NotStarted",
    ...(str(j.targetObjectId) ? { targetObjectId: str(j.targetObjectId) } : {}),
    ...(str(j.targetObjectName) ? { targetObjectName: str(j.targetObjectName) } : {}),
    ...(iso(j.startTime) ? { startTime: iso(j.startTime) } : {}),
    ...(iso(j.endTime) ? { endTime: iso(j.endTime) } : {}),
    tasks: arr(j.tasks).map((t) => ({
      name: str(t.friendlyName) ?? str(t.name) ?? "",
      state: str(t.state) ?? "NotStarted",
      ...(iso(t.startTime) ? { startTime: iso(t.startTime) } : {}),
      ...(iso(t.endTime) ? { endTime: iso(t.endTime) } : {}),
    })),
    errors,
  };
}
