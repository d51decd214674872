import { getLoadBalancer, isNotFound, listLoadBalancers } from "@/lib/azure";
import { db } from "@/lib/db/client";
import { Conflict } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define-job";
import { loadLbForJob, markMissing, refreshCache, settleState, writeCache } from "./cache";
import { findByName, hasErrors, probeErrors, replaceProbe, replaceRule, ruleErrors } from "./lb-rules";
import { errorMessages as messages, saveAndRefresh } from "./save";
import { kinds } from "@/lib/operations/kinds";
import { addMissingLbTags } from "./refresh-tags";

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** lb.update: a changed probe or rule, applied to the load balancer as read now and saved with If-Match. */
export const updateLoadBalancerJob = defineJob({
  kind: kinds.lb.update,
  async run({ loadBalancerId, change }, op) {
    const what = change.probe ? `Change probe ${change.probe.name}` : `Change rule ${change.rule?.name}`;
    await saveAndRefresh(op, loadBalancerId, what, (current) => {
      if (change.probe) {
        const existing = findByName(current.probes, change.probe.name);
        if (!existing) throw new Conflict(`Probe ${change.probe.name} no longer exists.`);
        if (sameJson({ ...existing, name: change.probe.name }, change.probe)) return null;
        const errors = probeErrors(change.probe);
        if (hasErrors(errors)) throw new Conflict(`Probe ${change.probe.name} cannot be saved: ${messages(errors)}`);
        return replaceProbe(current, change.probe);
      }
      const rule = change.rule!;
      const existing = findByName(current.rules, rule.name);
      if (!existing) throw new Conflict(`Rule ${rule.name} no longer exists.`);
      const errors = ruleErrors(
        current,
        rule,
        current.rules.filter((r) => r !== existing),
      );
      if (hasErrors(errors))
        throw new Conflict(
          `${current.name} changed since this was requested: ${messages(errors)} Nothing was changed.`,
        );
      return replaceRule(current, rule);
    });
  },
  onSucceeded: ({ loadBalancerId }) => settleState(loadBalancerId, null),
  onFailed: ({ loadBalancerId }, { message }) => settleState(loadBalancerId, message),
});

/**
 * lb.refresh: reads one load balancer, or lists those in the tenant subscription's resource group and the groups of
 * its known load balancers: new ones join the portal (isDiscovered), gone ones are marked Missing.
 */
export const refreshLoadBalancersJob = defineJob({
  kind: kinds.lb.refresh,
  async run({ tenantSubscriptionId, loadBalancerId }, op) {
    if (loadBalancerId) {
      const { lb, azureSubscriptionId } = await loadLbForJob(loadBalancerId);
      await op.plan(["Read load balancer"]);
      const access = await op.azureAccess(azureSubscriptionId);
      await op.step("Read load balancer", async () => {
        const info = await getLoadBalancer(access, lb.resourceGroup, lb.name);
        // Gone from Azure: refreshCache reads it once more and marks it Missing.
        if (!info) return refreshCache(access, lb);
        await writeCache(lb, info);
        await addMissingLbTags(op.note, access, lb, info, {
          tenant: lb.tenantSubscription.tenant,
          plan: lb.tenantSubscription.planId,
        });
        return true;
      });
      return;
    }
    const ts = await db.tenantSubscription.findUniqueOrThrow({
      where: { id: tenantSubscriptionId },
      select: {
        id: true,
        tenantId: true,
        resourceGroup: true,
        planId: true,
        tenant: { select: { id: true, slug: true } },
        plan: { select: { azureSubscriptionId: true } },
      },
    });
    const known = await db.loadBalancer.findMany({
      where: { tenantSubscriptionId },
      select: { id: true, name: true, resourceGroup: true, provisioningState: true },
    });
    const groups = [
      ...new Map([ts.resourceGroup, ...known.map((k) => k.resourceGroup)].map((g) => [g.toLowerCase(), g])).values(),
    ];
    await op.plan(["Read load balancers"]);
    const access = await op.azureAccess(ts.plan.azureSubscriptionId);
    await op.step("Read load balancers", async () => {
      for (const group of groups) {
        const found = await listLoadBalancers(access, group).catch((e) => (isNotFound(e) ? [] : Promise.reject(e)));
        for (const summary of found) {
          const info = await getLoadBalancer(access, group, summary.name);
          if (!info) continue;
          const row = await db.loadBalancer.upsert({
            where: {
              tenantSubscriptionId_resourceGroup_name: { tenantSubscriptionId, resourceGroup: group, name: info.name },
            },
            create: {
              tenantId: ts.tenantId,
              tenantSubscriptionId,
              name: info.name,
              resourceGroup: group,
              region: info.location,
              sku: info.sku,
              isDiscovered: true,
              provisioningState: "Succeeded",
            },
            update: {},
          });
          await writeCache(row, info);
          await addMissingLbTags(op.note, access, row, info, { tenant: ts.tenant, plan: ts.planId });
          if (row.provisioningState === "Missing")
            await db.loadBalancer.update({
              where: { id: row.id },
              data: { provisioningState: "Succeeded", errorMessage: null },
            });
        }
        const names = new Set(found.map((f) => f.name.toLowerCase()));
        const gone = known.filter(
          (k) =>
            k.resourceGroup.toLowerCase() === group.toLowerCase() &&
            !names.has(k.name.toLowerCase()) &&
            !["Creating", "Failed"].includes(k.provisioningState),
        );
        for (const k of gone)
          await db.$transaction((tx) => markMissing(tx, { id: k.id, resourceGroup: group }, new Date()));
        op.note(`${group}: ${found.length} load balancer(s)`);
      }
    });
  },
});
