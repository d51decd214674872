import {
  deletePublicIp,
  ensurePublicIp,
  getPublicIp,
  readTags,
  withMissingPortalTags,
  type AzureAccess,
  type LoadBalancerInfo,
  type PublicIpInfo,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { Conflict, type FieldErrors } from "@/lib/errors";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { recordPublicIpUsage, stepEndedAt } from "@/lib/usage/record";
import { lbTags, loadLbForJob, refreshCache, settleState } from "./cache";
import {
  additionPresent,
  findByName,
  frontendAdditionErrors,
  hasErrors,
  withAddition,
  withoutFrontend,
  type FrontendAddition,
} from "./lb-rules";
import { REFRESH, saveSteps, saveWithIfMatch } from "./save";
import { kinds } from "@/lib/operations/kinds";

const messages = (errors: FieldErrors) =>
  Object.values(errors)
    .flatMap((m) => m ?? [])
    .join(" ");
const resourceGroupOf = (id: string) => id.split("/")[4] ?? "";
const lastSegment = (id: string) => id.split("/").at(-1) ?? "";

function releaseStep(op: JobContext, access: AzureAccess, publicIpId: string) {
  return op
    .arm(access)
    .lro<unknown>(`Release public IP ${lastSegment(publicIpId)}`, () =>
      deletePublicIp(access, resourceGroupOf(publicIpId), lastSegment(publicIpId)),
    );
}

/**
 * A frontend's own public IP: Standard and Static, as a Standard load balancer's frontend requires. Its tags are read
 * first (one read): a retried PUT would otherwise replace the tags the address carries since the first attempt.
 */
export async function ensureFrontendPublicIp(
  access: AzureAccess,
  ip: { resourceGroup: string; name: string; region: string },
  tags: Record<string, string>,
) {
  const id = `/subscriptions/${access.subscriptionId}/resourceGroups/${ip.resourceGroup}/providers/Microsoft.Network/publicIPAddresses/${ip.name}`;
  return ensurePublicIp(access, {
    resourceGroup: ip.resourceGroup,
    name: ip.name,
    location: ip.region,
    sku: "Standard",
    allocation: "Static",
    tags: withMissingPortalTags(await readTags(access, id), tags),
  });
}

/** Re-checks the addition against the load balancer as read now: what fitted when requested may not any more. */
export function applyAddition(current: LoadBalancerInfo, addition: FrontendAddition, publicIpId: string) {
  if (additionPresent(current, addition, publicIpId)) return null;
  const publicIp =
    addition.publicIp.mode === "existing" ? { ...addition.publicIp, attachedTo: null } : addition.publicIp;
  const errors = frontendAdditionErrors({ ...current, region: current.location }, { ...addition, publicIp });
  if (hasErrors(errors))
    throw new Conflict(
      `${current.name} changed since this was requested and the new frontend no longer fits: ${messages(errors)} Nothing was changed.`,
    );
  return withAddition(current, addition, publicIpId);
}

/**
 * lb.addFrontend: the public IP first (a new one is a PUT of its own), then the frontend, probe and rule in one PUT of
 * the whole load balancer with If-Match, re-read and re-applied on 412. A new public IP is released again when the
 * addition turns out not to fit, so a refused change leaves nothing behind.
 */
export const addFrontendJob = defineJob({
  kind: kinds.lb.addFrontend,
  async run({ loadBalancerId, publicIpAddressId, addition }, op) {
    const { lb, ref, azureSubscriptionId } = await loadLbForJob(loadBalancerId);
    const ip = await db.publicIpAddress.findUniqueOrThrow({ where: { id: publicIpAddressId } });
    const isNew = addition.publicIp.mode === "new";
    const ipStep = isNew ? `Create public IP ${ip.name}` : `Check public IP ${ip.name}`;
    const what = `Apply ${[addition.frontendName, addition.probe?.name, addition.rule.name].filter(Boolean).join(", ")}`;
    await op.plan([ipStep, ...saveSteps(what), REFRESH]);
    const access = await op.azureAccess(azureSubscriptionId);
    const arm = op.arm(access);

    const publicIpId = isNew
      ? (await arm.lro<PublicIpInfo>(ipStep, () => ensureFrontendPublicIp(access, ip, lbTags(lb, op.operationId)))).id
      : await op.step(ipStep, async () => {
          const found = await getPublicIp(access, resourceGroupOf(ip.azureResourceId!), ip.name);
          if (!found) throw new Conflict(`Public IP ${ip.name} no longer exists in Azure.`);
          if (
            found.attachedTo &&
            !found.attachedTo
              .toLowerCase()
              .startsWith(`${lb.azureResourceId}/frontendIPConfigurations/${addition.frontendName}`.toLowerCase())
          ) {
            throw new Conflict(`Public IP ${ip.name} is in use by ${found.attachedTo}.`);
          }
          op.note(found.ipAddress ?? "no address yet");
          return found.id;
        });
    if (isNew) {
      const info = await getPublicIp(access, ip.resourceGroup, ip.name);
      await db.$transaction(async (tx) => {
        await tx.publicIpAddress.update({
          where: { id: ip.id },
          data: { azureResourceId: publicIpId, ipAddress: info?.ipAddress ?? null, provisioningState: "Succeeded" },
        });
        const at = await stepEndedAt(tx, op.operationId, ipStep);
        await recordPublicIpUsage(tx, ip.id, at, { source: "operation", operationId: op.operationId });
      });
    }
    try {
      await saveWithIfMatch(op, access, ref, {
        what,
        before: [ipStep],
        after: [REFRESH],
        apply: (current) => applyAddition(current, addition, publicIpId),
      });
    } catch (error) {
      if (error instanceof Conflict && isNew) {
        await releaseStep(op, access, publicIpId);
        await deleteIpRow(op.operationId, ip.id, publicIpId);
      }
      throw error;
    }
    await op.step(REFRESH, () => refreshCache(access, lb, { source: "operation", operationId: op.operationId }));
  },
  onSucceeded: ({ loadBalancerId }) => settleState(loadBalancerId, null),
  async onFailed({ loadBalancerId, publicIpAddressId, addition }, { message }) {
    const ip = await db.publicIpAddress.findUnique({ where: { id: publicIpAddressId } });
    // An address Azure never made counts for nothing; one that exists stays, unattached, to reuse or release.
    if (ip && addition.publicIp.mode === "new" && !ip.azureResourceId)
      await db.publicIpAddress.delete({ where: { id: ip.id } });
    else if (ip)
      await db.publicIpAddress.update({ where: { id: ip.id }, data: { loadBalancerId: null, frontendName: null } });
    await settleState(loadBalancerId, `Adding ${addition.frontendName} failed: ${message}`);
  },
});

/** The portal forgets an address Azure has deleted; its metered hours end when the release step did. */
async function deleteIpRow(operationId: string, publicIpAddressId: string, publicIpId: string) {
  await db.$transaction(async (tx) => {
    await tx.publicIpAddress.deleteMany({ where: { id: publicIpAddressId } });
    const at = await stepEndedAt(tx, operationId, `Release public IP ${lastSegment(publicIpId)}`);
    await recordPublicIpUsage(tx, publicIpAddressId, at, { source: "operation", operationId });
  });
}

/** lb.removeFrontend: one If-Match save without the frontend, its rules and probes nothing else uses; then the public IP. */
export const removeFrontendJob = defineJob({
  kind: kinds.lb.removeFrontend,
  async run({ loadBalancerId, frontendName, publicIp, publicIpId, publicIpAddressId }, op) {
    const { lb, ref, azureSubscriptionId } = await loadLbForJob(loadBalancerId);
    const what = `Remove ${frontendName}, its rules and unused probes`;
    const release = publicIp === "release" && publicIpId;
    const after = [...(release ? [`Release public IP ${lastSegment(publicIpId)}`] : []), REFRESH];
    await op.plan([...saveSteps(what), ...after]);
    const access = await op.azureAccess(azureSubscriptionId);
    await saveWithIfMatch(op, access, ref, {
      what,
      before: [],
      after,
      apply: (current) => {
        if (!findByName(current.frontends, frontendName)) return null;
        if (current.inboundNatRules.some((r) => r.frontendName.toLowerCase() === frontendName.toLowerCase()))
          throw new Conflict(`Inbound NAT rules use ${frontendName}; remove them in Azure first.`);
        const { model, removedRules, removedProbes } = withoutFrontend(current, frontendName);
        if (!model.frontends.length)
          throw new Conflict(
            `${frontendName} is the only frontend left; Azure keeps rules and pools only on a load balancer with a frontend.`,
          );
        op.note(`Removes rules: ${removedRules.join(", ") || "none"}; probes: ${removedProbes.join(", ") || "none"}`);
        return model;
      },
    });
    if (release) {
      await releaseStep(op, access, publicIpId);
      if (publicIpAddressId) await deleteIpRow(op.operationId, publicIpAddressId, publicIpId);
    } else if (publicIpAddressId) {
      await db.publicIpAddress.updateMany({
        where: { id: publicIpAddressId },
        data: { loadBalancerId: null, frontendName: null },
      });
    }
    await op.step(REFRESH, () => refreshCache(access, lb, { source: "operation", operationId: op.operationId }));
  },
  onSucceeded: ({ loadBalancerId }) => settleState(loadBalancerId, null),
  onFailed: ({ loadBalancerId, frontendName }, { message }) =>
    settleState(loadBalancerId, `Removing ${frontendName} failed: ${message}`),
});
