/**
 * Issue 18 point 5: the same VMs created by a plain script with the official SDK clients, as a user would write it,
 * against the same emulator (HTTPS, throttling on) in the same run as the portal's figure 1:
 *   ClientSecretCredential against the emulator's Entra endpoint; per VM, public IP → NIC → VM, each
 *   `beginCreateOrUpdateAndWait` with the SDK's default polling (its own Retry-After handling and retries);
 *   at most `parallelism` VMs in flight (Terraform's default is 10; Infinity = every VM at once).
 * Each run gets fresh subscriptions (own principal, Owner, providers registered as on any used subscription), so
 * its names and ARM buckets are its own, and the emulator's counters are reset before it: its requests are its own.
 * It counts what the portal's figure counts: ARM requests (polls included; token requests apart), 429s, failures,
 * and the wall time from its first request to its last VM Succeeded.
 * This is the only bench code that uses the SDK directly: it stands for a user's script, not for the portal.
 */
import { ClientSecretCredential } from "@azure/identity";
import { ComputeManagementClient } from "@azure/arm-compute";
import { NetworkManagementClient } from "@azure/arm-network";
import { ResourceManagementClient } from "@azure/arm-resources";
import { SEED } from "@/emulator/seed";
import { benchProvision } from "./provision.ts";
import type { Row } from "./report.ts";
import { BENCH_REGION, BENCH_SIZE, setupTenantSubscriptions } from "./setup.ts";
import type { Stack } from "./stack.ts";

export type PeerResult = {
  name: string;
  parallelism: number | "unbounded";
  vms: number;
  wallSeconds: number;
  armRequests: number;
  tokens: number;
  throttled429: number;
  failed: number;
  failures: string[];
};

type Peer = {
  subscriptionId: string;
  resources: ResourceManagementClient;
  network: NetworkManagementClient;
  compute: ComputeManagementClient;
};

async function peerSubscription(stack: Stack, label: string): Promise<Peer> {
  const { control, emulator } = stack;
  const sub = await control.addSubscription({
    tenantId: SEED.tenants.provider,
    displayName: label,
    providers: {
      "Microsoft.Compute": "Registered",
      "Microsoft.Network": "Registered",
      "Microsoft.Storage": "Registered",
    },
  });
  await control.setCoreQuota(sub.subscriptionId, { [BENCH_REGION]: 1000 });
  const principal = await control.addPrincipal({ tenantId: SEED.tenants.provider, displayName: `${label}-script` });
  await control.assignRole({ appId: principal.appId, scope: `/subscriptions/${sub.subscriptionId}`, role: "Owner" });
  const tlsOptions = { ca: emulator.caPem };
  const credential = new ClientSecretCredential(principal.tenantId, principal.appId, principal.secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions,
  });
  const options = { endpoint: emulator.url, credentials: { scopes: [`${emulator.url}/.default`] }, tlsOptions };
  return {
    subscriptionId: sub.subscriptionId,
    resources: new ResourceManagementClient(credential, sub.subscriptionId, options),
    network: new NetworkManagementClient(credential, sub.subscriptionId, options),
    compute: new ComputeManagementClient(credential, sub.subscriptionId, options),
  };
}

/** What the user's script does for one VM: public IP, then NIC, then VM, each created and waited for. */
async function createOneVm(p: Peer, rg: string, subnetId: string, name: string) {
  const ip = await p.network.publicIPAddresses.beginCreateOrUpdateAndWait(rg, `${name}-ip`, {
    location: BENCH_REGION,
    sku: { name: "Standard" },
    publicIPAllocationMethod: "Static",
  });
  const nic = await p.network.networkInterfaces.beginCreateOrUpdateAndWait(rg, `${name}-nic`, {
    location: BENCH_REGION,
    ipConfigurations: [{ name: "ipconfig1", subnet: { id: subnetId }, publicIPAddress: { id: ip.id } }],
  });
  await p.compute.virtualMachines.beginCreateOrUpdateAndWait(rg, name, {
    location: BENCH_REGION,
    hardwareProfile: { vmSize: BENCH_SIZE },
    storageProfile: {
      imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
      osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS" } },
    },
    osProfile: { computerName: name, adminUsername: "azureops", adminPassword: "Correct-Horse-42!" },
    networkProfile: { networkInterfaces: [{ id: nic.id }] },
  });
}

/** Runs tasks with at most `limit` at once (what p-limit or Terraform's -parallelism does). */
async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await run(items[next++]);
  });
  await Promise.all(lanes);
}

export async function benchPeer(
  stack: Stack,
  opts: { name: string; parallelism: number; subscriptions: number; vmsEach: number; log: (m: string) => void },
): Promise<PeerResult> {
  const peers: Peer[] = [];
  for (let i = 0; i < opts.subscriptions; i++) peers.push(await peerSubscription(stack, `${opts.name} ${i + 1}`));
  await stack.control.resetCounters();
  const t0 = Date.now();
  const failures: string[] = [];
  // The script's own set-up per subscription: a resource group and a virtual network, as the portal has per tenant.
  const networks = await Promise.all(
    peers.map(async (p, i) => {
      const rg = `${opts.name}-rg-${i + 1}`;
      await p.resources.resourceGroups.createOrUpdate(rg, { location: BENCH_REGION });
      const vnet = await p.network.virtualNetworks.beginCreateOrUpdateAndWait(rg, "vnet", {
        location: BENCH_REGION,
        addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        subnets: [{ name: "default", addressPrefix: "10.0.0.0/20" }],
      });
      return { peer: p, rg, subnetId: vnet.subnets![0].id! };
    }),
  );
  const vms = networks.flatMap((n, i) =>
    Array.from({ length: opts.vmsEach }, (_, k) => ({ ...n, name: `${opts.name}-${i + 1}-${k + 1}` })),
  );
  await pool(vms, opts.parallelism, async (v) => {
    try {
      await createOneVm(v.peer, v.rg, v.subnetId, v.name);
    } catch (error) {
      failures.push(`${v.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  });
  const wallSeconds = (Date.now() - t0) / 1000;
  const c = await stack.control.counters();
  const result: PeerResult = {
    name: opts.name,
    parallelism: Number.isFinite(opts.parallelism) ? opts.parallelism : "unbounded",
    vms: vms.length,
    wallSeconds,
    armRequests: c.reads + c.writes + c.deletes + c.actions + c.polls,
    tokens: c.tokens,
    throttled429: c.throttled429,
    failed: failures.length,
    failures: failures.slice(0, 10),
  };
  opts.log(
    `  SDK script, parallelism ${result.parallelism}: ${result.vms} VMs in ${wallSeconds.toFixed(1)} s · ARM requests ${result.armRequests} (${(result.armRequests / result.vms).toFixed(2)} per VM) · 429s ${result.throttled429} · failed ${result.failed}`,
  );
  for (const f of result.failures.slice(0, 3)) opts.log(`    failed: ${f}`);
  return result;
}

/**
 * `--only peers`: figure 1 (the portal's 200 VMs in 4 subscriptions), then the SDK script over the same spec with
 * parallelism 10 and unbounded, one after the other on the same emulator; a table of the three and portal ÷ peer.
 */
export async function runPeersSection(
  stack: Stack,
  opts: {
    workers: number;
    tenants: number;
    vmsEach: number;
    timeScale: number;
    timeoutMs: number;
    log: (m: string) => void;
  },
) {
  await Promise.all(Array.from({ length: opts.workers }, () => stack.startWorker()));
  const tenants = await setupTenantSubscriptions(stack, { count: opts.tenants, vmsEach: opts.vmsEach, label: "Bench" });
  opts.log(`peers: the portal creates ${opts.tenants * opts.vmsEach} VMs (figure 1)…`);
  const provision = await benchProvision(stack, tenants, opts);
  const portal = {
    wallSeconds: provision.wallSeconds,
    armRequests: provision.armRequests,
    throttled429: provision.throttled429,
    failed: provision.failed.length + provision.unfinished,
  };
  opts.log(
    `  portal: ${provision.vms} VMs in ${portal.wallSeconds.toFixed(1)} s · ARM requests ${portal.armRequests} · 429s ${portal.throttled429} · failed ${portal.failed}`,
  );
  const peers: PeerResult[] = [];
  for (const [name, parallelism] of [
    ["sdk10", 10],
    ["sdkall", Infinity],
  ] as const) {
    opts.log(`peers: the SDK script, parallelism ${Number.isFinite(parallelism) ? parallelism : "unbounded"}…`);
    peers.push(
      await benchPeer(stack, { name, parallelism, subscriptions: opts.tenants, vmsEach: opts.vmsEach, log: opts.log }),
    );
  }
  const ratios = peers.map((p) => ({
    peer: p.parallelism,
    wall: portal.wallSeconds / p.wallSeconds,
    requests: portal.armRequests / p.armRequests,
  }));
  const line = (who: string, r: { wallSeconds: number; armRequests: number; throttled429: number; failed: number }) =>
    `  ${who.padEnd(30)} ${`${r.wallSeconds.toFixed(1)} s`.padStart(10)} ${String(r.armRequests).padStart(9)} ${String(r.throttled429).padStart(6)} ${String(r.failed).padStart(7)}`;
  console.log(
    `\n  ${"same run, same emulator".padEnd(30)} ${"wall".padStart(10)} ${"ARM req.".padStart(9)} ${"429s".padStart(6)} ${"failed".padStart(7)}`,
  );
  console.log(line("portal (4 tenants × bulk)", portal));
  for (const p of peers) console.log(line(`SDK script, parallelism ${p.parallelism}`, p));
  const rows: Row[] = ratios.flatMap((r) => [
    {
      figure: `Portal ÷ SDK script (parallelism ${r.peer}): wall time`,
      value: r.wall.toFixed(2),
      target: "< 1",
      pass: r.wall < 1,
    },
    {
      figure: `Portal ÷ SDK script (parallelism ${r.peer}): ARM requests`,
      value: r.requests.toFixed(2),
      target: "< 1",
      pass: r.requests < 1,
    },
  ]);
  rows.push({
    figure: "Portal and SDK scripts: operations failed",
    value: [portal, ...peers].map((r) => r.failed).join(" / "),
    target: "0",
    pass: portal.failed === 0,
  });
  return { portal, provisionBound: provision.bound, peers, ratios, rows };
}
