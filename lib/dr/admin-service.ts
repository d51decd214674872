import type { StaffContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { enqueueOperation, enqueueOperationNow } from "@/lib/jobs/enqueue";
import { readDiscovery } from "@/lib/subscriptions/discovery";
import type { AssignCloudInput, RegisterVaultInput } from "./schema";
import { kinds } from "@/lib/operations/kinds";

/** Provider-side DR: the vault, the fabric cache, which tenant owns which VMM cloud, and each tenant's setup. */
export async function registerVault(ctx: StaffContext, input: RegisterVaultInput) {
  const sub = await db.azureSubscription.findUnique({
    where: { id: input.azureSubscriptionId },
    select: { id: true, state: true, displayName: true },
  });
  if (!sub) throw new InvalidInput({ azureSubscriptionId: ["Choose an onboarded subscription."] });
  if (sub.state !== "active")
    throw new InvalidInput({ azureSubscriptionId: [`${sub.displayName} is not active; validate it first.`] });
  return db.$transaction(async (tx) => {
    const vault = await tx.recoveryVault.upsert({
      where: {
        azureSubscriptionId_resourceGroup_name: {
          azureSubscriptionId: sub.id,
          resourceGroup: input.resourceGroup,
          name: input.name,
        },
      },
      create: {
        azureSubscriptionId: sub.id,
        resourceGroup: input.resourceGroup,
        name: input.name,
        region: input.region,
      },
      update: {},
    });
    if (vault.region !== input.region)
      throw new InvalidInput({ region: [`${vault.name} already exists in ${vault.region}; a vault cannot move.`] });
    await recordAudit(
      {
        action: "dr.registerVault",
        actor: ctx.user,
        target: { type: "RecoveryVault", id: vault.id, name: vault.name },
        detail: { region: vault.region, resourceGroup: vault.resourceGroup },
      },
      tx,
    );
    const op = await enqueueOperation(tx, {
      kind: kinds.dr.registerVault,
      tenantId: null,
      actorId: ctx.user.id,
      azureSubscriptionId: sub.id,
      target: { type: "RecoveryVault", id: vault.id, name: vault.name },
      input: { vaultId: vault.id },
    });
    return { vaultId: vault.id, operationId: op.id };
  });
}

export async function refreshFabric(ctx: StaffContext | null, vaultId: string) {
  const vault = await db.recoveryVault.findUnique({ where: { id: vaultId } });
  if (!vault) throw new NotFound("Recovery vault");
  return enqueueOperationNow({
    kind: kinds.dr.refreshFabric,
    tenantId: null,
    actorId: ctx?.user.id ?? null,
    azureSubscriptionId: vault.azureSubscriptionId,
    target: { type: "RecoveryVault", id: vault.id, name: vault.name },
    input: { vaultId },
  });
}

/**
 * One cloud belongs to one tenant subscription. The tenant's Azure subscription (the plan's) must offer the vault's
 * region: every replica of this VMM server lands there, so a subscription that cannot deploy there cannot recover.
 * With the cloud the provider gives the tenant its on-premises VM network(s): the only ones its owner may map later.
 * Assigning the same cloud to the same subscription again gives it the networks named, if they are free or already its own.
 */
export async function assignCloud(ctx: StaffContext, input: AssignCloudInput) {
  const container = await db.protectionContainer.findUnique({
    where: { id: input.containerId },
    include: { vault: true },
  });
  if (!container) throw new NotFound("Cloud");
  const isReassign = container.tenantSubscriptionId === input.tenantSubscriptionId;
  if (container.tenantSubscriptionId && !isReassign)
    throw new Conflict(`${container.friendlyName} is already assigned to another tenant. Remove its DR setup first.`);
  const ts = await db.tenantSubscription.findUnique({
    where: { id: input.tenantSubscriptionId },
    include: { tenant: true, plan: { include: { azureSubscription: true } } },
  });
  if (!ts || ts.state !== "active")
    throw new InvalidInput({ tenantSubscriptionId: ["Choose an active tenant subscription."] });
  const errors: Record<string, string[]> = {};
  // A cloud on a plan without DR could never be protected: its owner may not set it up nor protect a VM (issue 12, 8c).
  if (!isReassign && !ts.plan.offersDr)
    errors.tenantSubscriptionId = [
      `${ts.plan.name}, the plan of ${ts.name}, does not offer disaster recovery. Choose a subscription on a plan that does.`,
    ];
  const regions = readDiscovery(ts.plan.azureSubscription.discovery).regions.map((r) => r.name);
  if (!isReassign && !errors.tenantSubscriptionId && !regions.includes(container.vault.region)) {
    errors.tenantSubscriptionId = [
      `${ts.plan.azureSubscription.displayName} cannot deploy to ${container.vault.region}, the vault's region: replicas of this cloud could not be recovered there.`,
    ];
  }
  const networks = await db.drVmNetwork.findMany({
    where: { id: { in: input.vmNetworkIds }, vaultId: container.vaultId },
    select: { id: true, friendlyName: true, tenantId: true },
  });
  const unknown = input.vmNetworkIds.filter((id) => !networks.some((n) => n.id === id));
  const others = networks.filter((n) => n.tenantId && n.tenantId !== ts.tenantId).map((n) => n.friendlyName);
  const networkErrors = [
    ...(unknown.length
      ? ["Choose VM networks of this vault's VMM servers; refresh the VMM servers if one is missing."]
      : []),
    ...(others.length
      ? [`${others.join(", ")} ${others.length === 1 ? "is" : "are"} already given to another tenant.`]
      : []),
  ];
  if (networkErrors.length) errors.vmNetworkIds = networkErrors;
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  try {
    return await db.$transaction(async (tx) => {
      if (!isReassign) {
        const claimed = await tx.protectionContainer.updateMany({
          where: { id: container.id, tenantSubscriptionId: null },
          data: { tenantId: ts.tenantId, tenantSubscriptionId: ts.id, assignedAt: new Date() },
        });
        if (claimed.count === 0)
          throw new Conflict(`${container.friendlyName} was assigned a moment ago; reload and check.`);
      }
      const given = await tx.drVmNetwork.updateMany({
        where: { id: { in: input.vmNetworkIds }, OR: [{ tenantId: null }, { tenantId: ts.tenantId }] },
        data: { tenantId: ts.tenantId },
      });
      if (given.count !== input.vmNetworkIds.length)
        throw new Conflict("One of those VM networks was given to another tenant a moment ago; reload and check.");
      await recordAudit(
        {
          action: "dr.assignCloud",
          actor: ctx.user,
          tenantId: ts.tenantId,
          target: { type: "ProtectionContainer", id: container.id, name: container.friendlyName },
          detail: {
            tenantSubscription: ts.name,
            tenant: ts.tenant.slug,
            vmNetworks: networks.map((n) => n.friendlyName),
          },
        },
        tx,
      );
      return { ...container, tenantId: ts.tenantId, tenantSubscriptionId: ts.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025")) {
      throw new Conflict("That cloud or tenant subscription was assigned a moment ago; reload and check.");
    }
    throw error;
  }
}
