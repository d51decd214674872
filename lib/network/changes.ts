import type { TenantContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { lockTenantSubscription } from "@/lib/tenancy/plan-offer";
import { getLbForChange, probeOf, ruleOf, throwIfErrors } from "./guards";
import { findByName, probeErrors, ruleErrors, withoutFrontend } from "./lb-rules";
import {
  childTarget,
  frontendTarget,
  modelOf,
  pendingChanges,
  probesGoing,
  probesNeeded,
  withPending,
  type CachedFrontend,
  type PendingChanges,
} from "./model";
import type { RemoveFrontendInput, UpdateProbeInput, UpdateRuleInput } from "./schema";
import { kinds, type OperationInput } from "@/lib/operations/kinds";

type Lb = Awaited<ReturnType<typeof getLbForChange>>;

type LbChangeKind =
  typeof kinds.lb.update | typeof kinds.lb.removeFrontend | typeof kinds.lb.addRule | typeof kinds.lb.removeRule;
/** A change of one load balancer: its kind, and that kind's input but for the load balancer's id. */
export type LbChange = {
  [K in LbChangeKind]: { kind: K; input: Omit<OperationInput<K>, "loadBalancerId"> };
}[LbChangeKind];

export async function enqueueLbChange(
  tx: Tx,
  ctx: TenantContext,
  lb: Lb,
  { kind, input }: LbChange,
  target: { id: string; name: string },
) {
  await tx.loadBalancer.update({ where: { id: lb.id }, data: { provisioningState: "Updating", errorMessage: null } });
  const operation = await enqueueOperation(tx, {
    kind,
    tenantId: ctx.tenantId,
    actorId: ctx.user.id,
    azureSubscriptionId: lb.tenantSubscription.plan.azureSubscriptionId,
    target: { type: "LoadBalancer", ...target },
    input: { loadBalancerId: lb.id, ...input },
  });
  if (operation.deduplicated)
    throw new Conflict(`${target.name} is being changed already; wait for that operation to finish.`);
  await recordAudit(
    {
      action: kind,
      actor: ctx.user,
      tenantId: ctx.tenantId,
      target: { type: "LoadBalancer", id: lb.id, name: lb.name },
      detail: { target: target.name, ...input },
    },
    tx,
  );
  return { loadBalancerId: lb.id, operationId: operation.id };
}

/** Removes a frontend with its rules and the probes nothing else uses; its public IP is released or kept unattached. */
export async function removeFrontend(ctx: TenantContext, input: RemoveFrontendInput) {
  return db.$transaction(async (tx) => {
    const lb0 = await getLbForChange(tx, ctx, input.loadBalancerId);
    await lockTenantSubscription(tx, lb0.tenantSubscriptionId);
    const lb = await getLbForChange(tx, ctx, input.loadBalancerId);
    const model = modelOf(lb);
    const frontend = findByName(model.frontends as CachedFrontend[], input.frontendName);
    if (!frontend) throw new NotFound("Frontend");
    if (model.frontends.length <= 1)
      throw new Conflict(
        `${frontend.name} is the load balancer's only frontend; Azure keeps rules and pools only on a load balancer with a frontend.`,
      );
    const pending = await pendingChanges(tx, lb.id);
    if (pending.frontends.some((a) => a.frontendName.toLowerCase() === frontend.name.toLowerCase()))
      throw new Conflict(`${frontend.name} is still being added.`);
    if (
      [...pending.rules.map((a) => a.rule), ...pending.ruleUpdates].some(
        (r) => r.frontendName.toLowerCase() === frontend.name.toLowerCase(),
      )
    ) {
      throw new Conflict(
        `A rule is still being added to or moved onto ${frontend.name}; remove the frontend once it has landed.`,
      );
    }
    throwIfProbeNeeded(withoutFrontend(model, frontend.name).removedProbes, pending, frontend.name);
    const publicIp = frontend.publicIpId
      ? await tx.publicIpAddress.findFirst({
          where: {
            tenantSubscriptionId: lb.tenantSubscriptionId,
            azureResourceId: { equals: frontend.publicIpId, mode: "insensitive" },
          },
          select: { id: true },
        })
      : null;
    return enqueueLbChange(
      tx,
      ctx,
      lb,
      {
        kind: kinds.lb.removeFrontend,
        input: {
          frontendName: frontend.name,
          publicIp: input.publicIp,
          publicIpId: frontend.publicIpId ?? null,
          publicIpAddressId: publicIp?.id ?? null,
        },
      },
      { id: frontendTarget(lb.id, frontend.name), name: `${lb.name} / ${frontend.name}` },
    );
  });
}

export async function updateProbe(ctx: TenantContext, input: UpdateProbeInput) {
  return db.$transaction(async (tx) => {
    const lb = await getLbForChange(tx, ctx, input.loadBalancerId);
    const current = findByName(modelOf(lb).probes, input.probeName);
    if (!current) throw new NotFound("Health probe");
    const probe = { ...probeOf(input), name: current.name };
    throwIfErrors(probeErrors(probe));
    return enqueueLbChange(
      tx,
      ctx,
      lb,
      { kind: kinds.lb.update, input: { change: { probe } } },
      { id: childTarget(lb.id, "probes", probe.name), name: `${lb.name} / ${probe.name}` },
    );
  });
}

/**
 * Edit rule, which can also move a rule to another frontend or port: checked like Add rule, under the subscription's
 * lock against the cached load balancer plus the changes still in flight, so a move and a concurrent Add rule cannot
 * both take one frontend port.
 */
export async function updateRule(ctx: TenantContext, input: UpdateRuleInput) {
  return db.$transaction(async (tx) => {
    const lb0 = await getLbForChange(tx, ctx, input.loadBalancerId);
    await lockTenantSubscription(tx, lb0.tenantSubscriptionId);
    const lb = await getLbForChange(tx, ctx, input.loadBalancerId);
    const cached = modelOf(lb);
    const current = findByName(cached.rules, input.ruleName);
    if (!current) throw new NotFound("Load-balancing rule");
    const pending = await pendingChanges(tx, lb.id);
    const model = withPending(cached, pending);
    const frontendName = input.frontendName
      ? (findByName(cached.frontends, input.frontendName)?.name ?? input.frontendName)
      : current.frontendName;
    const rule = { ...ruleOf(input, frontendName, input.probeChoice || undefined), name: current.name };
    // Azure fixes enableFloatingIP when the rule is created.
    if (rule.floatingIp !== current.floatingIp)
      throw new InvalidInput({
        floatingIp: [
          "Floating IP cannot change after the rule is created; remove the rule's frontend and add it again.",
        ],
      });
    const errors = ruleErrors(
      model,
      rule,
      model.rules.filter((r) => r.name.toLowerCase() !== current.name.toLowerCase()),
    );
    if (!errors.frontendName && !findByName(cached.frontends, frontendName))
      errors.frontendName = [`${frontendName} is still being added; move rules to it once it has landed.`];
    const probeGoing =
      rule.probeName && probesGoing(cached, pending).find((p) => p.toLowerCase() === rule.probeName!.toLowerCase());
    if (probeGoing)
      (errors.probeChoice ??= []).push(`${probeGoing} is being removed with its rule; choose another probe.`);
    throwIfErrors(errors);
    return enqueueLbChange(
      tx,
      ctx,
      lb,
      { kind: kinds.lb.update, input: { change: { rule } } },
      { id: childTarget(lb.id, "rules", rule.name), name: `${lb.name} / ${rule.name}` },
    );
  });
}

/** A removal that would delete a probe a queued addition or rule edit still needs is refused until that change lands. */
export function throwIfProbeNeeded(removedProbes: string[], pending: PendingChanges, what: string) {
  const needed = probesNeeded(pending).map((p) => p.toLowerCase());
  const probe = removedProbes.find((p) => needed.includes(p.toLowerCase()));
  if (probe)
    throw new Conflict(
      `Removing ${what} would delete ${probe}, which a rule still being added or changed uses; try again once that change has landed.`,
    );
}

/**
 * Reads the tenant's load balancers from Azure: the one given, or every one in the tenant subscription's resource group
 * and the groups of its known load balancers (found ones are added to the portal).
 */
export async function refreshLoadBalancers(
  ctx: TenantContext,
  target: { tenantSubscriptionId: string } | { loadBalancerId: string },
) {
  return db.$transaction(async (tx) => {
    if ("loadBalancerId" in target) {
      const lb = await getLbForChange(tx, ctx, target.loadBalancerId);
      return enqueueOperation(tx, {
        kind: kinds.lb.refresh,
        tenantId: ctx.tenantId,
        actorId: ctx.user.id,
        azureSubscriptionId: lb.tenantSubscription.plan.azureSubscriptionId,
        target: { type: "LoadBalancer", id: lb.id, name: lb.name },
        input: { tenantSubscriptionId: lb.tenantSubscriptionId, loadBalancerId: lb.id },
      });
    }
    const ts = await tx.tenantSubscription.findFirst({
      where: { id: target.tenantSubscriptionId, tenantId: ctx.tenantId, state: "active" },
      select: { id: true, name: true, plan: { select: { azureSubscriptionId: true } } },
    });
    if (!ts) throw new NotFound("Subscription");
    return enqueueOperation(tx, {
      kind: kinds.lb.refresh,
      tenantId: ctx.tenantId,
      actorId: ctx.user.id,
      azureSubscriptionId: ts.plan.azureSubscriptionId,
      target: { type: "TenantSubscription", id: ts.id, name: `${ts.name} load balancers` },
      input: { tenantSubscriptionId: ts.id },
    });
  });
}
