import type { TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { Conflict, InvalidInput, type FieldErrors } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { assertWithinQuota, getPlanOffer, lockTenantSubscription } from "@/lib/tenancy/plan-offer";
import { getLbForChange, probeOf, publicIpNameTaken, ruleOf, throwIfErrors } from "./guards";
import {
  frontendAdditionErrors,
  merge,
  nameProblem,
  probeErrors,
  publicIpErrors,
  ruleErrors,
  type FrontendAddition,
  type PublicIpChoice,
} from "./lb-rules";
import { ADD_FRONTEND, frontendTarget, modelOf, pendingChanges, probesGoing, withPending } from "./model";
import type { AddFrontendInput, CreateLoadBalancerInput } from "./schema";
import { kinds } from "@/lib/operations/kinds";

export { removeFrontend, updateProbe, updateRule, refreshLoadBalancers } from "./changes";
export { addRule, removeRule } from "./rule-changes";

const RG_NAME = /^[-\w._()]{1,89}[-\w_()]$/;

/**
 * A public load balancer with its first frontend (a new public IP), a backend pool of the tenant's VMs, a probe and a
 * rule. Checks everything Azure would refuse, then — under the tenant subscription's lock — quota and names, writes the
 * load balancer as Creating and enqueues lb.create. `resourceGroup` places it outside the tenant subscription's own group
 * (the demo's "MultiVIPLBRG"); that group must belong to no other tenant subscription.
 */
export async function createLoadBalancer(
  ctx: TenantContext,
  input: CreateLoadBalancerInput,
  options: { resourceGroup?: string } = {},
) {
  const offer = await getPlanOffer(ctx, input.tenantSubscriptionId);
  const resourceGroup = options.resourceGroup ?? offer.resourceGroup;
  const errors: FieldErrors = {};
  const add = (field: string, message: string | null) => message && (errors[field] ??= []).push(message);
  if (!offer.regions.some((r) => r.name === input.region)) add("region", "This region is not offered.");
  add("name", nameProblem(input.name, "load balancer"));
  add("frontendName", nameProblem(input.frontendName, "frontend"));
  add("backendPool", nameProblem(input.backendPool, "backend pool"));
  if (input.sku === "Basic")
    add("sku", "Basic load balancers and Basic public IPs were retired on 30 September 2025; choose Standard.");
  const ip = publicIpErrors(
    { sku: input.sku, region: input.region },
    { mode: "new", name: input.publicIpName, allocation: input.publicIpAllocation, sku: input.sku },
  );
  delete ip.publicIpSku;
  const probe = probeOf(input);
  const rule = ruleOf(input, input.frontendName, probe.name);
  const model = {
    sku: input.sku,
    frontends: [{ name: input.frontendName }],
    backendPools: [{ name: input.backendPool }],
    probes: [probe],
    rules: [],
  };
  const members = await db.virtualMachine.findMany({
    where: { id: { in: input.memberVmIds }, tenantId: ctx.tenantId, tenantSubscriptionId: offer.tenantSubscriptionId },
    select: { id: true, name: true, region: true, provisioningState: true },
  });
  if (members.length !== new Set(input.memberVmIds).size) add("memberVmIds", "Some of these VMs no longer exist.");
  for (const vm of members) {
    if (vm.region !== input.region)
      add(
        "memberVmIds",
        `${vm.name} is in ${vm.region}; a load balancer reaches VMs in its own region (${input.region}).`,
      );
    if (["Failed", "Deleting"].includes(vm.provisioningState))
      add("memberVmIds", `${vm.name} is ${vm.provisioningState.toLowerCase()}.`);
  }
  if (!RG_NAME.test(resourceGroup)) add("form", `${resourceGroup} is not a valid resource group name.`);
  throwIfErrors(merge(errors, ip, probeErrors(probe), ruleErrors(model, rule, [])));

  try {
    return await db.$transaction(async (tx) => {
      await lockTenantSubscription(tx, offer.tenantSubscriptionId);
      if (resourceGroup !== offer.resourceGroup) {
        const owner = await tx.tenantSubscription.findFirst({
          where: {
            resourceGroup: { equals: resourceGroup, mode: "insensitive" },
            id: { not: offer.tenantSubscriptionId },
          },
          select: { id: true },
        });
        const other = await tx.loadBalancer.findFirst({
          where: {
            resourceGroup: { equals: resourceGroup, mode: "insensitive" },
            tenantSubscriptionId: { not: offer.tenantSubscriptionId },
            tenantSubscription: { plan: { azureSubscriptionId: offer.azureSubscriptionId } },
          },
          select: { id: true },
        });
        if (owner || other) throw new Conflict(`Resource group ${resourceGroup} belongs to another subscription.`);
      }
      await assertWithinQuota(
        tx,
        offer.tenantSubscriptionId,
        { publicIps: 1, loadBalancers: 1 },
        "Release unused public IPs or ask your provider for a larger plan.",
      );
      const ts = { id: offer.tenantSubscriptionId, resourceGroup: offer.resourceGroup };
      if (await publicIpNameTaken(tx, ts, resourceGroup, input.publicIpName))
        throw new InvalidInput({ publicIpName: [`A public IP address named ${input.publicIpName} already exists.`] });
      const lb = await tx.loadBalancer.create({
        data: {
          tenantId: ctx.tenantId,
          tenantSubscriptionId: offer.tenantSubscriptionId,
          name: input.name,
          resourceGroup,
          region: input.region,
          sku: input.sku,
          frontends: [{ name: input.frontendName, publicIpName: input.publicIpName }],
          backendPools: [{ name: input.backendPool, memberNicIpConfigIds: [] }],
          probes: [probe],
          rules: [rule],
        },
      });
      const publicIp = await tx.publicIpAddress.create({
        data: {
          tenantId: ctx.tenantId,
          tenantSubscriptionId: offer.tenantSubscriptionId,
          name: input.publicIpName,
          resourceGroup,
          region: input.region,
          sku: input.sku,
          allocation: input.publicIpAllocation,
          loadBalancerId: lb.id,
          frontendName: input.frontendName,
        },
      });
      const operation = await enqueueOperation(tx, {
        kind: kinds.lb.create,
        tenantId: ctx.tenantId,
        actorId: ctx.user.id,
        azureSubscriptionId: offer.azureSubscriptionId,
        target: { type: "LoadBalancer", id: lb.id, name: lb.name },
        input: { loadBalancerId: lb.id, publicIpAddressId: publicIp.id, memberVmIds: members.map((m) => m.id) },
      });
      await recordAudit(
        {
          action: "lb.create",
          actor: ctx.user,
          tenantId: ctx.tenantId,
          target: { type: "LoadBalancer", id: lb.id, name: lb.name },
          detail: { resourceGroup, region: input.region, sku: input.sku, members: members.map((m) => m.name) },
        },
        tx,
      );
      return { id: lb.id, operationId: operation.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new InvalidInput({ name: [`A load balancer named ${input.name} already exists in ${resourceGroup}.`] });
    }
    throw error;
  }
}

/**
 * "Add frontend IP": a public IP (new, or an unattached one), a frontend, a probe (new or existing) and a rule. Checked
 * against the cached load balancer plus additions still in flight, under the subscription's lock, so a conflict is a
 * field error before any ARM call. The job re-reads Azure and saves the whole change as one PUT with If-Match.
 */
export async function addFrontend(ctx: TenantContext, input: AddFrontendInput) {
  return db.$transaction(async (tx) => {
    const lb0 = await getLbForChange(tx, ctx, input.loadBalancerId);
    await lockTenantSubscription(tx, lb0.tenantSubscriptionId);
    const lb = await getLbForChange(tx, ctx, input.loadBalancerId);
    const pending = await pendingChanges(tx, lb.id);
    const model = withPending(modelOf(lb), pending);

    let publicIp: PublicIpChoice;
    let existingRowId: string | undefined;
    if (input.publicIpMode === "existing") {
      const row = await tx.publicIpAddress.findFirst({
        where: { id: input.existingPublicIpId, tenantId: ctx.tenantId, tenantSubscriptionId: lb.tenantSubscriptionId },
      });
      if (!row || !row.azureResourceId || row.provisioningState !== "Succeeded")
        throw new InvalidInput({ existingPublicIpId: ["Choose a public IP address that exists."] });
      const user = row.loadBalancerId
        ? `${row.frontendName ?? "a frontend"}${row.loadBalancerId === lb.id ? "" : " of another load balancer"}`
        : null;
      publicIp = {
        mode: "existing",
        id: row.azureResourceId,
        name: row.name,
        sku: row.sku,
        region: row.region,
        attachedTo: user,
      };
      existingRowId = row.id;
    } else {
      publicIp = {
        mode: "new",
        name: input.publicIpName!,
        allocation: input.publicIpAllocation,
        sku: input.publicIpSku,
      };
    }
    const probe = input.probeChoice === "new" ? probeOf(input) : null;
    const addition: FrontendAddition = {
      frontendName: input.frontendName,
      publicIp,
      probe,
      rule: ruleOf(input, input.frontendName, probe?.name ?? input.probeChoice),
    };
    const errors = frontendAdditionErrors(model, addition);
    const probeGoing =
      !probe && probesGoing(modelOf(lb), pending).find((p) => p.toLowerCase() === input.probeChoice.toLowerCase());
    if (probeGoing)
      (errors.probeChoice ??= []).push(
        `${probeGoing} is being removed with its rule; choose another probe or create one.`,
      );
    if (
      publicIp.mode === "new" &&
      !errors.publicIpName &&
      (await publicIpNameTaken(tx, lb.tenantSubscription, lb.resourceGroup, publicIp.name))
    ) {
      errors.publicIpName = [`A public IP address named ${publicIp.name} already exists.`];
    }
    if (
      publicIp.mode === "new" &&
      pending.frontends.some(
        (p) => p.publicIp.mode === "new" && p.publicIp.name.toLowerCase() === publicIp.name.toLowerCase(),
      )
    ) {
      errors.publicIpName = [`${publicIp.name} is being created for another frontend.`];
    }
    throwIfErrors(errors);
    if (publicIp.mode === "new")
      await assertWithinQuota(
        tx,
        lb.tenantSubscriptionId,
        { publicIps: 1 },
        "Release unused public IPs or ask your provider for a larger plan.",
      );

    const row = existingRowId
      ? await tx.publicIpAddress.update({
          where: { id: existingRowId },
          data: { loadBalancerId: lb.id, frontendName: input.frontendName },
        })
      : await tx.publicIpAddress.create({
          data: {
            tenantId: ctx.tenantId,
            tenantSubscriptionId: lb.tenantSubscriptionId,
            name: publicIp.name,
            resourceGroup: lb.resourceGroup,
            region: lb.region,
            sku: publicIp.sku,
            allocation: input.publicIpAllocation,
            loadBalancerId: lb.id,
            frontendName: input.frontendName,
          },
        });
    await tx.loadBalancer.update({ where: { id: lb.id }, data: { provisioningState: "Updating", errorMessage: null } });
    const operation = await enqueueOperation(tx, {
      kind: ADD_FRONTEND,
      tenantId: ctx.tenantId,
      actorId: ctx.user.id,
      azureSubscriptionId: lb.tenantSubscription.plan.azureSubscriptionId,
      target: {
        type: "LoadBalancer",
        id: frontendTarget(lb.id, input.frontendName),
        name: `${lb.name} / ${input.frontendName}`,
      },
      input: { loadBalancerId: lb.id, publicIpAddressId: row.id, addition },
    });
    if (operation.deduplicated)
      throw new InvalidInput({ frontendName: [`${input.frontendName} is being added already.`] });
    await recordAudit(
      {
        action: ADD_FRONTEND,
        actor: ctx.user,
        tenantId: ctx.tenantId,
        target: { type: "LoadBalancer", id: lb.id, name: lb.name },
        detail: {
          frontend: input.frontendName,
          publicIp: publicIp.name,
          probe: probe?.name ?? input.probeChoice,
          rule: addition.rule.name,
        },
      },
      tx,
    );
    return { loadBalancerId: lb.id, operationId: operation.id };
  });
}
