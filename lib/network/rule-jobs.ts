import type { LoadBalancerInfo } from "@/lib/azure";
import { Conflict } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define-job";
import { settleState } from "./cache";
import { findByName, hasErrors, ruleAdditionErrors, withoutRule, withRule, type RuleAddition } from "./lb-rules";
import { ADD_RULE, REMOVE_RULE } from "./model";
import { errorMessages as messages, saveAndRefresh } from "./save";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Re-checks the rule against the load balancer as read now; null when an earlier save of this very rule landed. */
export function applyRule(current: LoadBalancerInfo, addition: RuleAddition) {
  const { rule } = addition;
  const existing = findByName(current.rules, rule.name);
  if (
    existing &&
    same(existing.frontendName, rule.frontendName) &&
    existing.frontendPort === rule.frontendPort &&
    existing.protocol === rule.protocol
  )
    return null;
  const errors = ruleAdditionErrors(current, addition);
  if (hasErrors(errors))
    throw new Conflict(
      `${current.name} changed since this was requested and the rule no longer fits: ${messages(errors)} Nothing was changed.`,
    );
  return withRule(current, addition);
}

/** lb.addRule: the rule (and its new probe) applied to the load balancer as read now, saved with If-Match. */
export const addRuleJob = defineJob({
  kind: ADD_RULE,
  async run({ loadBalancerId, addition }, op) {
    const what = `Apply ${[addition.probe?.name, addition.rule.name].filter(Boolean).join(", ")} on ${addition.rule.frontendName}`;
    await saveAndRefresh(op, loadBalancerId, what, (current) => applyRule(current, addition));
  },
  onSucceeded: ({ loadBalancerId }) => settleState(loadBalancerId, null),
  onFailed: ({ loadBalancerId, addition }, { message }) =>
    settleState(loadBalancerId, `Adding rule ${addition.rule.name} failed: ${message}`),
});

/** lb.removeRule: one If-Match save without the rule and the probe only it used; the frontend stays. */
export const removeRuleJob = defineJob({
  kind: REMOVE_RULE,
  async run({ loadBalancerId, ruleName }, op) {
    await saveAndRefresh(op, loadBalancerId, `Remove ${ruleName} and its unused probe`, (current) => {
      if (!findByName(current.rules, ruleName)) return null;
      const { model, removedProbes } = withoutRule(current, ruleName);
      op.note(`Removes probes: ${removedProbes.join(", ") || "none"}`);
      return model;
    });
  },
  onSucceeded: ({ loadBalancerId }) => settleState(loadBalancerId, null),
  onFailed: ({ loadBalancerId, ruleName }, { message }) =>
    settleState(loadBalancerId, `Removing rule ${ruleName} failed: ${message}`),
});
