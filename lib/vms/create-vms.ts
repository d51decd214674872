import type { TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { sealForJobs } from "@/lib/crypto/sealed-secrets";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { InvalidInput, notFoundInTenant } from "@/lib/errors";
import { enqueueOperations } from "@/lib/jobs/enqueue";
import { assertWithinQuota, getPlanOffer, lockTenantSubscription, type PlanOffer } from "@/lib/tenancy/plan-offer";
import { bulkNames } from "./rules";
import { parseImageKey, type CreateVmInput } from "./schema";
import { kinds } from "@/lib/operations/kinds";

// A bulk of 50 writes its VMs, operations and jobs in a few statements, and waits behind other bulks for the row lock.
const bulkTransaction = { timeout: 60_000, maxWait: 30_000 };

/**
 * Creates one VM, or N with a name prefix: checks the request against the plan, then — in one transaction that holds
 * the tenant subscription's row lock, so concurrent submits queue up — checks quota, writes the VMs as Creating and
 * enqueues one vm.create operation each. Returns at once; the worker does the Azure work.
 */
export async function createVms(ctx: TenantContext, input: CreateVmInput) {
  const offer = await getPlanOffer(ctx, input.tenantSubscriptionId);
  const choice = checkAgainstPlan(offer, input);
  const names = input.count > 1 ? bulkNames(input.name, input.count) : [input.name];

  try {
    return await db.$transaction(async (tx) => {
      await lockTenantSubscription(tx, offer.tenantSubscriptionId);
      await assertWithinQuota(
        tx,
        offer.tenantSubscriptionId,
        { vms: names.length, vcpus: names.length * choice.size.vCpus, publicIps: input.publicIp ? names.length : 0 },
        "Delete resources or ask your provider for a larger plan.",
      );
      const network = await defaultOrChosenNetwork(tx, ctx, offer, input);
      const vms = await tx.virtualMachine.createManyAndReturn({
        data: names.map((name) => ({
          tenantId: ctx.tenantId,
          tenantSubscriptionId: offer.tenantSubscriptionId,
          name,
          region: input.region,
          size: choice.size.name,
          vcpus: choice.size.vCpus,
          memoryMb: choice.size.memoryMb,
          osType: choice.image.osType,
          imagePublisher: choice.image.publisher,
          imageOffer: choice.image.offer,
          imageSku: choice.image.sku,
          imageVersion: choice.image.version,
          adminUsername: input.adminUsername,
          sshPublicKey: input.authType === "ssh" ? input.sshPublicKey : null,
          networkName: network.name,
          subnetName: "default",
          hasPublicIp: input.publicIp,
          dataDisks: Array.from({ length: input.dataDiskCount }, (_, lun) => ({ lun, sizeGb: input.dataDiskSizeGb })),
        })),
        select: { id: true, name: true },
      });
      // One sealed copy of the password per VM: each job discards its own once the VM PUT has taken it.
      const passwords =
        input.authType === "password"
          ? await sealForJobs(tx, "vm.adminPassword", input.adminPassword!, vms.length)
          : [];
      const operations = await enqueueOperations(
        tx,
        vms.map((vm, i) => ({
          kind: kinds.vm.create,
          tenantId: ctx.tenantId,
          actorId: ctx.user.id,
          azureSubscriptionId: offer.azureSubscriptionId,
          target: { type: "VirtualMachine", id: vm.id, name: vm.name },
          input: { vmId: vm.id, passwordSecretId: passwords[i] },
        })),
      );
      const created = vms.map((vm, i) => ({ id: vm.id, name: vm.name, operationId: operations[i].id }));
      await recordAudit(
        {
          action: "vm.create",
          actor: ctx.user,
          tenantId: ctx.tenantId,
          target: { type: "VirtualMachine", id: created[0].id, name: names.join(", ").slice(0, 200) },
          detail: { count: names.length, size: choice.size.name, region: input.region },
        },
        tx,
      );
      return created;
    }, bulkTransaction);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InvalidInput({
        name: [
          names.length > 1
            ? "One of these names is already used in this subscription."
            : "A VM with this name already exists in this subscription.",
        ],
      });
    }
    throw error;
  }
}

function checkAgainstPlan(offer: PlanOffer, input: CreateVmInput) {
  const errors: Record<string, string[]> = {};
  if (!offer.regions.some((r) => r.name === input.region)) errors.region = ["This region is not offered."];
  const size = offer.sizes.find((s) => s.name === input.size);
  if (!size) errors.size = ["Your plan does not offer this size."];
  else if (!size.regions.includes(input.region)) errors.size = [`${size.name} is not available in this region.`];
  else if (input.dataDiskCount > size.maxDataDisks)
    errors.dataDiskCount = [`${size.name} takes at most ${size.maxDataDisks} data disks.`];
  const key = parseImageKey(input.image);
  const image =
    key && offer.images.find((i) => i.publisher === key.publisher && i.offer === key.offer && i.sku === key.sku);
  if (!image) errors.image = ["Your plan does not offer this image."];
  else if (image.osType !== input.osType) errors.image = ["The image and the OS do not match; choose the image again."];
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  return { size: size!, image: image! };
}

/** The region's default network (10.N.0.0/16 with a "default" /24) is recorded on first use; Azure gets it in the job. */
async function defaultOrChosenNetwork(tx: Tx, ctx: TenantContext, offer: PlanOffer, input: CreateVmInput) {
  if (input.network !== "default") {
    const chosen = await tx.virtualNetwork.findFirst({
      where: { id: input.network, tenantId: ctx.tenantId, tenantSubscriptionId: offer.tenantSubscriptionId },
    });
    if (!chosen) throw notFoundInTenant(ctx, "Virtual network", { type: "VirtualNetwork", id: input.network });
    if (chosen.region !== input.region)
      throw new InvalidInput({
        network: [`${chosen.name} is in ${chosen.region}; choose a network in ${input.region}.`],
      });
    return chosen;
  }
  const name = `vnet-${input.region}`;
  const existing = await tx.virtualNetwork.findUnique({
    where: { tenantSubscriptionId_name: { tenantSubscriptionId: offer.tenantSubscriptionId, name } },
  });
  if (existing) return existing;
  const count = await tx.virtualNetwork.count({ where: { tenantSubscriptionId: offer.tenantSubscriptionId } });
  const octet = 1 + count;
  return tx.virtualNetwork.create({
    data: {
      tenantId: ctx.tenantId,
      tenantSubscriptionId: offer.tenantSubscriptionId,
      name,
      region: input.region,
      addressSpace: `10.${octet}.0.0/16`,
      subnets: [{ name: "default", prefix: `10.${octet}.0.0/24` }],
      isDefault: true,
    },
  });
}
