import type { TenantContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { InvalidInput, NotFound } from "@/lib/errors";
import { enqueueLbChange, throwIfProbeNeeded } from "./changes";
import { lockTenantSubscription } from "@/lib/tenancy/plan-offer";
import { getLbForChange, probeOf, ruleOf, throwIfErrors } from "./guards";
import { findByName, ruleAdditionErrors, withoutRule, type RuleAddition } from "./lb-rules";
import { ADD_RULE, childTarget, modelOf, pendingChanges, probesGoing, REMOVE_RULE, withPending } from "./model";
import type { AddRuleInput, RemoveRuleInput } from "./schema";

/**
 * "Add rule" on any frontend (HTTPS 443 on PublicVIP2 next to its HTTP rule, issue 12): a rule and, when asked, a new
 * probe. Checked under the subscription's lock against the cached load balancer plus changes still in flight, so a
 * clash is a field error before any ARM call; the job saves it as one PUT of the load balancer with If-Match.
 */
export async function addRule(ctx: TenantContext, input: AddRuleInput) {
  return db.$transaction(async (tx) => {
    const lb0 = await getLbForChange(tx, ctx, input.loadBalancerId);
    await lockTenantSubscription(tx, lb0.tenantSubscriptionId);
    const lb = await getLbForChange(tx, ctx, input.loadBalancerId);
    const cached = modelOf(lb);
    const pending = await pendingChanges(tx, lb.id);
    const model = withPending(cached, pending);
    // A frontend still being added is not in Azure yet: a rule saved before it lands would be refused there.
    const frontend = findByName(cached.frontends, input.frontendName);
    if (!frontend) {
      const isPending = pending.frontends.some(
        (f) => f.frontendName.toLowerCase() === input.frontendName.toLowerCase(),
      );
      throw new InvalidInput({
        frontendName: [
          isPending
            ? `${input.frontendName} is still being added; add rules to it once it has landed.`
            : `Frontend ${input.frontendName} does not exist.`,
        ],
      });
    }
    const probe = input.probeChoice === "new" ? probeOf(input) : null;
    const probeName = probe?.name ?? findByName(model.probes, input.probeChoice)?.name ?? input.probeChoice;
    const addition: RuleAddition = { probe, rule: ruleOf(input, frontend.name, probeName) };
    const errors = ruleAdditionErrors(model, addition);
    const probeGoing = !probe && probesGoing(cached, pending).find((p) => p.toLowerCase() === probeName.toLowerCase());
    if (probeGoing)
      (errors.probeChoice ??= []).push(
        `${probeGoing} is being removed with its rule; choose another probe or create one.`,
      );
    throwIfErrors(errors);
    return enqueueLbChange(
      tx,
      ctx,
      lb,
      { kind: ADD_RULE, input: { addition } },
      { id: childTarget(lb.id, "rules", addition.rule.name), name: `${lb.name} / ${addition.rule.name}` },
    );
  });
}

/**
 * Removes a rule and the probe only it used; its frontend stays, even when this was its last rule. Under the
 * subscription's lock, and refused while a queued addition or rule edit uses that probe: the job deletes what only
 * this rule uses in Azure, which knows nothing of the queued change.
 */
export async function removeRule(ctx: TenantContext, input: RemoveRuleInput) {
  return db.$transaction(async (tx) => {
    const lb0 = await getLbForChange(tx, ctx, input.loadBalancerId);
    await lockTenantSubscription(tx, lb0.tenantSubscriptionId);
    const lb = await getLbForChange(tx, ctx, input.loadBalancerId);
    const cached = modelOf(lb);
    const rule = findByName(cached.rules, input.ruleName);
    if (!rule) throw new NotFound("Load-balancing rule");
    throwIfProbeNeeded(withoutRule(cached, rule.name).removedProbes, await pendingChanges(tx, lb.id), rule.name);
    return enqueueLbChange(
      tx,
      ctx,
      lb,
      { kind: REMOVE_RULE, input: { ruleName: rule.name } },
      { id: childTarget(lb.id, "rules", rule.name), name: `${lb.name} / ${rule.name}` },
    );
  });
}
