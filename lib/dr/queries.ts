import type { StaffContext, TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { NotFound, notFoundInTenant } from "@/lib/errors";
import { failoverState } from "./rules";
import type { OnPremVm } from "./protection-service";
import { vaultCredentialsPurpose } from "./vault-credentials-file";

/**
 * Admin: the vault (the newest one), its fabrics with clouds and owners, the networks and every tenant setup, and the
 * tenant subscriptions a cloud may be given: active, without a cloud, on a plan that offers DR.
 */
export async function getDrOverview(_ctx: StaffContext) {
  const vault = await db.recoveryVault.findFirst({
    orderBy: { createdAt: "desc" },
    include: {
      azureSubscription: { select: { displayName: true, subscriptionId: true } },
      fabrics: {
        orderBy: { friendlyName: "asc" },
        include: {
          containers: {
            orderBy: { friendlyName: "asc" },
            include: {
              tenant: { select: { name: true, slug: true } },
              tenantSubscription: { select: { name: true } },
              setup: true,
              _count: { select: { protectedItems: true } },
            },
          },
        },
      },
      networks: { orderBy: { friendlyName: "asc" }, include: { setup: { select: { id: true } } } },
    },
  });
  const subscriptions = await db.azureSubscription.findMany({
    where: { state: "active" },
    select: { id: true, displayName: true, subscriptionId: true },
    orderBy: { displayName: "asc" },
  });
  const tenantSubscriptions = await db.tenantSubscription.findMany({
    where: { state: "active", drContainer: null, plan: { offersDr: true } },
    select: { id: true, name: true, tenant: { select: { name: true } } },
    orderBy: [{ tenant: { name: "asc" } }, { name: "asc" }],
  });
  const lastOperation = vault
    ? await db.operation.findFirst({
        where: { targetId: vault.id },
        orderBy: { createdAt: "desc" },
        select: { id: true, kind: true, state: true, errorMessage: true },
      })
    : null;
  // Only the dates: the sealed settings themselves are opened by the download route alone.
  const credentials = vault
    ? await db.sealedSecret.findFirst({
        where: { purpose: vaultCredentialsPurpose(vault.id), expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true, expiresAt: true },
      })
    : null;
  return { vault, subscriptions, tenantSubscriptions, lastOperation, credentials };
}

/** Admin: one cloud's setup page. */
export async function getCloudSetup(_ctx: StaffContext, containerId: string) {
  const container = await db.protectionContainer.findUnique({
    where: { id: containerId },
    include: {
      vault: true,
      fabric: true,
      tenant: true,
      tenantSubscription: { select: { id: true, name: true } },
      setup: { include: { vmNetwork: true } },
    },
  });
  if (!container) throw new NotFound("Cloud");
  const networks = await db.drVmNetwork.findMany({
    where: {
      vaultId: container.vaultId,
      OR: [{ tenantId: null }, ...(container.tenantId ? [{ tenantId: container.tenantId }] : [])],
    },
    orderBy: { friendlyName: "asc" },
  });
  const operations = container.setup
    ? await db.operation.findMany({
        where: { targetId: container.setup.id },
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, state: true, createdAt: true, errorMessage: true, input: true },
      })
    : [];
  return { container, networks, operations };
}

/**
 * Tenant: the cloud the provider assigned to this tenant, whether its plan offers DR, the VM networks it may map (only
 * those the provider gave it) and the setup's steps. Null when no cloud is assigned to the tenant.
 */
export async function getTenantDrSetup(ctx: TenantContext) {
  const container = await db.protectionContainer.findFirst({
    where: { tenantId: ctx.tenantId, isMissing: false },
    orderBy: { assignedAt: "asc" },
    include: {
      vault: { select: { region: true } },
      tenantSubscription: { select: { id: true, name: true, plan: { select: { name: true, offersDr: true } } } },
      setup: true,
    },
  });
  if (!container?.tenantSubscription) return null;
  const networks = await db.drVmNetwork.findMany({
    where: { vaultId: container.vaultId, tenantId: ctx.tenantId },
    orderBy: { friendlyName: "asc" },
    select: { id: true, friendlyName: true },
  });
  const operations = container.setup
    ? await db.operation.findMany({
        where: { targetId: container.setup.id, tenantId: ctx.tenantId },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, state: true },
      })
    : [];
  return { container, tenantSubscription: container.tenantSubscription, networks, operations };
}

/** Tenant: the cloud's VMs with their protection, and the setup's facts, all filtered by the caller's tenant. */
export async function getTenantDr(ctx: TenantContext) {
  const setup = await db.tenantDrSetup.findFirst({
    where: { tenantId: ctx.tenantId },
    include: {
      container: { select: { id: true, friendlyName: true, vms: true, vault: { select: { region: true } } } },
      tenantSubscription: { select: { plan: { select: { offersDr: true, quotaProtectedVms: true } } } },
    },
  });
  if (!setup) return null;
  const items = await db.protectedItem.findMany({ where: { tenantId: ctx.tenantId }, orderBy: { vmName: "asc" } });
  const vms = (setup.container.vms as OnPremVm[]).map((vm) => ({
    ...vm,
    protectedItem: items.find((i) => i.armName === vm.armName) ?? null,
  }));
  const isReady = [setup.targetsState, setup.policyState, setup.mappingState].every((s) => s === "succeeded");
  // An action on a VM (a failover, a commit) changes its row only when it ends: the page follows it while it runs.
  const isActing =
    items.length > 0 &&
    (await db.operation.count({
      where: { tenantId: ctx.tenantId, targetType: "ProtectedItem", state: { in: ["queued", "running"] } },
    })) > 0;
  return { setup, vms, items: items.map((i) => ({ ...i, failoverState: failoverState(i) })), isReady, isActing };
}

export async function getProtectedItemDetail(ctx: TenantContext, id: string) {
  const item = await db.protectedItem.findFirst({
    where: { id, tenantId: ctx.tenantId },
    include: {
      container: {
        select: {
          friendlyName: true,
          setup: {
            select: { copyFrequencySeconds: true, recoveryPointHours: true, vnetName: true, storageAccount: true },
          },
        },
      },
    },
  });
  if (!item) throw notFoundInTenant(ctx, "Protected VM", { type: "ProtectedItem", id });
  const operations = await db.operation.findMany({
    where: { targetId: item.id, tenantId: ctx.tenantId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, kind: true, state: true, percent: true, createdAt: true },
  });
  const rpo = await db.rpoSample.findMany({
    where: { protectedItemId: item.id, tenantId: ctx.tenantId },
    orderBy: { at: "desc" },
    take: 48,
    select: { at: true, rpoSeconds: true },
  });
  return { item: { ...item, failoverState: failoverState(item) }, operations, rpo: rpo.reverse() };
}

export { getDrDashboard } from "./dashboard";
