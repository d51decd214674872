import {
  ArmError,
  mergeTags,
  missingPortalTags,
  PORTAL_EXTRA_TAG,
  PORTAL_TAG,
  portalTags,
  type AzureAccess,
  type LoadBalancerInfo,
  type Tags,
} from "@/lib/azure";
import { db } from "@/lib/db/client";
import { kinds } from "@/lib/operations/kinds";

type Owner = { tenant: { id: string; slug: string }; plan: string };

const hasOperationTag = (tags: Tags) => Object.keys(tags).some((name) => name.toLowerCase() === PORTAL_TAG.operation);

/**
 * The operations that created a load balancer and its public IPs: lb.create for the load balancer and its first
 * public IP, lb.addFrontend for each later one (both name the IP's row in their input). None for one found in Azure.
 */
async function creatingOperations(loadBalancerId: string) {
  const ops = await db.operation.findMany({
    where: {
      kind: { in: [kinds.lb.create, kinds.lb.addFrontend] },
      OR: [{ targetId: loadBalancerId }, { targetId: { startsWith: `${loadBalancerId}/` } }],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, input: true },
  });
  const byIpRow = new Map<string, string>();
  for (const op of ops) {
    const ipRow = (op.input as { publicIpAddressId?: unknown }).publicIpAddressId;
    if (typeof ipRow === "string" && !byIpRow.has(ipRow)) byIpRow.set(ipRow, op.id);
  }
  return { loadBalancer: ops.find((o) => o.kind === kinds.lb.create)?.id, byIpRow };
}

/**
 * The portal's tags on a load balancer the refresh has just read and on its frontends' public IPs (issue 15 point 1),
 * decided from that read (getLoadBalancer reads each public IP for its address anyway, so no extra read): what each
 * lacks is merged in with the Tags API, so one made before the portal tagged, or found in the tenant's group, gets
 * them, the customer's own tags stay and portal-operation is never replaced. Nothing is sent when none is missing;
 * the creating operations are looked up only when something is. A refused write is noted, not fatal to the refresh.
 */
export async function addMissingLbTags(
  note: (detail: string) => void,
  access: AzureAccess,
  lb: { id: string; tenantSubscriptionId: string },
  info: LoadBalancerInfo,
  owner: Owner,
) {
  const wanted = portalTags({ ...owner, extra: { [PORTAL_EXTRA_TAG.loadBalancer]: lb.id } });
  const ips = info.publicIps ?? [];
  const needs = (tags: Tags) => !hasOperationTag(tags) || Object.keys(missingPortalTags(tags, wanted)).length > 0;
  if (!needs(info.tags) && !ips.some((ip) => needs(ip.tags))) return;
  const creators = await creatingOperations(lb.id);
  const rows = ips.length
    ? await db.publicIpAddress.findMany({
        where: { tenantSubscriptionId: lb.tenantSubscriptionId, loadBalancerId: lb.id },
        select: { id: true, azureResourceId: true },
      })
    : [];
  const rowOf = new Map(rows.map((r) => [r.azureResourceId?.toLowerCase(), r.id]));
  const withOperation = (operationId: string | undefined) =>
    operationId ? { ...wanted, [PORTAL_TAG.operation]: operationId } : wanted;
  const targets = [
    { id: info.id, name: info.name, tags: info.tags, wanted: withOperation(creators.loadBalancer) },
    ...ips.map((ip) => {
      const row = rowOf.get(ip.id.toLowerCase());
      return {
        id: ip.id,
        name: ip.id.split("/").at(-1) ?? ip.id,
        tags: ip.tags,
        wanted: withOperation(row ? creators.byIpRow.get(row) : undefined),
      };
    }),
  ];
  for (const target of targets) {
    const missing = missingPortalTags(target.tags, target.wanted);
    if (!Object.keys(missing).length) continue;
    try {
      await mergeTags(access, target.id, missing);
      note(`${target.name}: the portal's tags added`);
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      note(`${target.name}: tags not added (${error.code}: ${error.message})`);
    }
  }
}
