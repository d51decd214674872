/**
 * Figure 2: the VM list page's server time for a tenant with 20 VMs and one with 2,000 VMs. The rows are inserted
 * directly (a read benchmark needs data, not the Azure work behind it), then the page's queries are timed in this
 * process against the same PostgreSQL the product uses.
 */
import { randomBytes } from "node:crypto";
import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { countVmsByState, listVms, loadVmPageOptions } from "@/lib/vms/queries";
import { BENCH_IMAGE, BENCH_SIZE, type TenantSetup } from "./setup.ts";

export type ListTiming = { vms: number; listAndCountMs: number; fullPageMs: number; listAndCountP90Ms: number };
export type ListResult = {
  small: ListTiming;
  large: ListTiming;
  ratio: number;
  fullPageRatio: number;
  runs: number;
  /** The two tenants, for the API's figures (scripts/bench/api-list.ts). */
  tenants: { small: TenantContext; large: TenantContext };
};

async function tenantWithVms(template: TenantSetup, count: number): Promise<TenantContext> {
  const slug = `list-${count}-${randomBytes(2).toString("hex")}`;
  const tenant = await db.tenant.create({ data: { slug, name: `List ${count}` } });
  const ts = await db.tenantSubscription.create({
    data: {
      tenantId: tenant.id,
      planId: template.planId,
      name: "Main",
      resourceGroup: `portal-${slug}`,
      location: "eastus",
    },
  });
  const [publisher, offer, sku, version] = BENCH_IMAGE.split(":");
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    // A plausible mix: mostly running, some stopped, a few failed or busy; two regions; created over the last 90 days.
    const r = i % 20;
    const provisioningState = r === 0 ? "Failed" : r === 1 ? "Creating" : "Succeeded";
    const powerState = provisioningState !== "Succeeded" ? null : r < 5 ? "deallocated" : "running";
    return {
      tenantId: tenant.id,
      tenantSubscriptionId: ts.id,
      name: `vm-${String(i + 1).padStart(5, "0")}`,
      region: i % 3 === 0 ? "westus" : "eastus",
      size: BENCH_SIZE,
      vcpus: 2,
      memoryMb: 8192,
      osType: "Linux",
      imagePublisher: publisher,
      imageOffer: offer,
      imageSku: sku,
      imageVersion: version,
      adminUsername: "azureops",
      networkName: "vnet-eastus",
      subnetName: "default",
      hasPublicIp: i % 2 === 0,
      provisioningState,
      powerState,
      privateIp: `10.1.${Math.floor(i / 250)}.${(i % 250) + 4}`,
      azureResourceId: `/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/portal-${slug}/providers/Microsoft.Compute/virtualMachines/vm-${i + 1}`,
      createdAt: new Date(now - ((i * 7_919_000) % (90 * 86_400_000))),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.virtualMachine.createMany({ data: rows.slice(i, i + 500) });
  const owner = await db.user.create({ data: { email: `owner@${slug}.test`, name: "Owner", passwordHash: "x" } });
  return {
    user: { id: owner.id, email: owner.email, name: owner.name, staffRole: null },
    tenantId: tenant.id,
    tenantSlug: slug,
    tenantName: tenant.name,
    tenantState: "active",
    role: "owner",
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

async function time(fn: () => Promise<unknown>) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchListPage(template: TenantSetup, opts: { runs: number }): Promise<ListResult> {
  const small = await tenantWithVms(template, 20);
  const large = await tenantWithVms(template, 2000);
  // Planner statistics and the visibility map (index-only scans) as a live database has them after autovacuum.
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "VirtualMachine"`);

  // Page 1, default sort (createdAt desc, as app/tenant/[tenant]/vms/page.tsx), 20 rows.
  const page = { sort: "createdAt", dir: "desc", skip: 0, take: 20 } as const;
  const listAndCount = (ctx: TenantContext) => Promise.all([listVms(ctx, page), countVmsByState(ctx)]);
  // What app/tenant/[tenant]/vms/page.tsx awaits, through the same calls: its filter options (regions, subscriptions
  // with quota usage), then the list with its count. (Until issue 18 this also timed countVmsByState, which the page
  // does not call: the tenant overview does.)
  const fullPage = async (ctx: TenantContext) => {
    await loadVmPageOptions(ctx);
    await listVms(ctx, page);
  };
  for (let i = 0; i < 10; i++) {
    await listAndCount(small);
    await listAndCount(large);
    await fullPage(small);
    await fullPage(large);
  }
  const samples = {
    small: [] as number[],
    large: [] as number[],
    smallFull: [] as number[],
    largeFull: [] as number[],
  };
  for (let i = 0; i < opts.runs; i++) {
    // Interleaved, so drift (autovacuum, the GC) hits both alike.
    samples.small.push(await time(() => listAndCount(small)));
    samples.large.push(await time(() => listAndCount(large)));
    samples.smallFull.push(await time(() => fullPage(small)));
    samples.largeFull.push(await time(() => fullPage(large)));
  }
  const s: ListTiming = {
    vms: 20,
    listAndCountMs: median(samples.small),
    fullPageMs: median(samples.smallFull),
    listAndCountP90Ms: p90(samples.small),
  };
  const l: ListTiming = {
    vms: 2000,
    listAndCountMs: median(samples.large),
    fullPageMs: median(samples.largeFull),
    listAndCountP90Ms: p90(samples.large),
  };
  return {
    small: s,
    large: l,
    ratio: l.listAndCountMs / s.listAndCountMs,
    fullPageRatio: l.fullPageMs / s.fullPageMs,
    runs: opts.runs,
    tenants: { small, large },
  };
}
