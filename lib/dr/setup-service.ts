import type { StaffContext, TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { addressSpaceProblem } from "./rules";
import type { SetupStep, SetupTenantInput } from "./schema";
import { kinds } from "@/lib/operations/kinds";

/**
 * Who sets a tenant's DR up: an admin, for any cloud assigned to a tenant, or the tenant's owner, for the cloud the
 * provider assigned to their own subscription when its plan offers DR. Both go through the functions below.
 */
export type SetupActor = StaffContext | TenantContext;
const isTenant = (actor: SetupActor): actor is TenantContext => "tenantId" in actor;
/** A tenant caller only ever finds rows of its own tenant: another tenant's cloud or setup is NotFound, like a typo. */
const scope = (actor: SetupActor) => (isTenant(actor) ? { tenantId: actor.tenantId } : {});

/**
 * The VM networks a setup may map. The provider gives a tenant its networks when it assigns the cloud, so a tenant's owner
 * maps only those; an admin may also map an unclaimed one, which the setup then gives to the tenant.
 */
const networkScope = (actor: SetupActor, tenantId: string) =>
  isTenant(actor) ? { tenantId: actor.tenantId } : { OR: [{ tenantId: null }, { tenantId }] };

function assertOwnerMaySetUp(ctx: TenantContext, plan: { offersDr: boolean } | null | undefined) {
  if (ctx.role !== "owner") throw new Forbidden(`Only an owner of ${ctx.tenantName} can set up disaster recovery.`);
  if (ctx.tenantState === "suspended")
    throw new Forbidden(`${ctx.tenantName} is suspended: changes are disabled until your provider reactivates it.`);
  if (!plan?.offersDr)
    throw new Forbidden("Your plan does not include disaster recovery. Ask your provider for a plan that offers it.");
}

/**
 * Saves the tenant's DR settings and runs the three steps as one operation. Everything that can be checked without
 * Azure is checked here, so a bad form never reaches ARM: the cloud's owner, the VM network's owner (the caller's tenant), the overlap with
 * the tenant's networks, a storage name already used by another setup.
 */
export async function setupTenant(actor: SetupActor, input: SetupTenantInput) {
  const container = await db.protectionContainer.findFirst({
    where: { id: input.containerId, ...scope(actor) },
    include: { tenantSubscription: { select: { plan: { select: { offersDr: true } } } } },
  });
  if (!container) throw new NotFound("Cloud");
  if (!container.tenantSubscriptionId || !container.tenantId)
    throw new Conflict(`Assign ${container.friendlyName} to a tenant subscription first.`);
  if (isTenant(actor)) assertOwnerMaySetUp(actor, container.tenantSubscription?.plan);
  if (container.tenantSubscriptionId !== input.tenantSubscriptionId) {
    throw new InvalidInput({
      tenantSubscriptionId: [
        `${container.friendlyName} belongs to another tenant subscription; its replicas can only go to that tenant's Azure subscription.`,
      ],
    });
  }
  const tenantId = container.tenantId;
  const errors: Record<string, string[]> = {};
  const network = await db.drVmNetwork.findFirst({
    where: { id: input.vmNetworkId, vaultId: container.vaultId, ...networkScope(actor, tenantId) },
  });
  if (!network) {
    errors.vmNetworkId = [
      isTenant(actor)
        ? "This is not one of your networks. Ask your provider to give you this VM network."
        : "This VM network is mapped for another tenant, or does not exist.",
    ];
  }
  const others = [
    ...(await db.virtualNetwork.findMany({ where: { tenantId }, select: { name: true, addressSpace: true } })),
    ...(
      await db.tenantDrSetup.findMany({
        where: { tenantId, containerId: { not: container.id } },
        select: { vnetName: true, addressSpace: true },
      })
    ).map((s) => ({ name: s.vnetName, addressSpace: s.addressSpace })),
  ];
  const overlap = addressSpaceProblem(input.addressSpace, others);
  if (overlap) errors.addressSpace = [overlap];
  const taken = await db.tenantDrSetup.findFirst({
    where: { storageAccount: input.storageAccount, containerId: { not: container.id } },
    select: { id: true },
  });
  if (taken) errors.storageAccount = ["Another DR setup already uses this storage account name."];
  if (Object.keys(errors).length) throw new InvalidInput(errors);

  const data = {
    resourceGroup: input.resourceGroup,
    storageAccount: input.storageAccount,
    vnetName: input.vnetName,
    addressSpace: input.addressSpace,
    subnetName: input.subnetName,
    subnetPrefix: input.subnetPrefix,
    policyName: input.policyName,
    copyFrequencySeconds: input.copyFrequencySeconds,
    recoveryPointHours: input.recoveryPointHours,
    appConsistentHours: input.appConsistentHours,
    initialReplicationStart: input.initialReplicationStart,
    vmNetworkId: input.vmNetworkId,
    targetsState: "pending",
    policyState: "pending",
    mappingState: "pending",
    lastError: null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const setup = await tx.tenantDrSetup.upsert({
        where: { containerId: container.id },
        create: { tenantId, tenantSubscriptionId: container.tenantSubscriptionId!, containerId: container.id, ...data },
        update: data,
      });
      const claimed = await tx.drVmNetwork.updateMany({
        where: { id: input.vmNetworkId, OR: [{ tenantId: null }, { tenantId }] },
        data: { tenantId },
      });
      if (claimed.count === 0)
        throw new InvalidInput({ vmNetworkId: ["This VM network was given to another tenant a moment ago."] });
      await recordAudit(
        {
          action: "dr.setupTenant",
          actor: actor.user,
          tenantId,
          target: { type: "TenantDrSetup", id: setup.id, name: container.friendlyName },
          detail: {
            policy: input.policyName,
            storageAccount: input.storageAccount,
            vnet: input.vnetName,
            selfService: isTenant(actor),
          },
        },
        tx,
      );
      const op = await enqueueOperation(tx, {
        kind: kinds.dr.setupTenant,
        tenantId,
        actorId: actor.user.id,
        target: { type: "TenantDrSetup", id: setup.id, name: `${container.friendlyName} DR setup` },
        input: { setupId: setup.id },
      });
      return { setupId: setup.id, operationId: op.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new InvalidInput({ vmNetworkId: ["This VM network is already mapped for another tenant."] });
    throw error;
  }
}

/** Runs one of the three setup steps again (after fixing something in Azure, say). */
export async function rerunSetupStep(actor: SetupActor, setupId: string, step: SetupStep) {
  const setup = await db.tenantDrSetup.findFirst({
    where: { id: setupId, ...scope(actor) },
    include: { container: true, tenantSubscription: { select: { plan: { select: { offersDr: true } } } } },
  });
  if (!setup) throw new NotFound("DR setup");
  if (isTenant(actor)) assertOwnerMaySetUp(actor, setup.tenantSubscription.plan);
  return db.$transaction(async (tx) => {
    await recordAudit(
      {
        action: "dr.setupTenant",
        actor: actor.user,
        tenantId: setup.tenantId,
        target: { type: "TenantDrSetup", id: setup.id, name: setup.container.friendlyName },
        detail: { rerun: step, selfService: isTenant(actor) },
      },
      tx,
    );
    return enqueueOperation(tx, {
      kind: kinds.dr.setupTenant,
      tenantId: setup.tenantId,
      actorId: actor.user.id,
      target: { type: "TenantDrSetup", id: setup.id, name: `${setup.container.friendlyName} DR setup` },
      input: { setupId, only: step },
    });
  });
}
