import { ok, type RequestContext, type RouteDef } from "../../core/plugin.js";
import { resourceNotFound } from "../../core/errors.js";
import { DISK_API_VERSIONS, DISK_TYPE, NS, PATHS } from "./constants.js";
import { diskManagedBy } from "./disk-model.js";
import { operationNotAllowed } from "./errors.js";

/** Managed disks: read, list and delete (disks are created by VMs); an attached disk cannot be deleted. */
const base = { apiVersions: DISK_API_VERSIONS, resourceType: DISK_TYPE } as const;
const diskId = (ctx: RequestContext) =>
  `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}/providers/Microsoft.Compute/disks/${ctx.params.diskName}`;

function getDisk(ctx: RequestContext) {
  const d = ctx.store.getResource(diskId(ctx));
  if (!d || d.type !== DISK_TYPE.toLowerCase())
    throw resourceNotFound(DISK_TYPE, ctx.params.diskName, ctx.params.resourceGroupName);
  return d;
}

function deleteDisk(ctx: RequestContext) {
  const d = ctx.store.getResource(diskId(ctx));
  if (!d) return { status: 204 };
  const owner = diskManagedBy(d);
  if (owner) throw operationNotAllowed(`Disk ${String(d.body.name)} is attached to VM ${owner}.`);
  const op = ctx.lro.begin({
    resourceId: d.id,
    kind: "delete",
    durationSeconds: 5,
    apiVersion: ctx.apiVersion,
    namespace: NS,
    location: String(d.body.location),
  });
  return ctx.lro.reply(op, ctx.url(""), { status: 202 });
}

const sorted = <T extends { id: string }>(items: T[]) => items.sort((a, b) => a.id.localeCompare(b.id));

export const diskRoutes: RouteDef[] = [
  { ...base, method: "GET", path: PATHS.disk, operation: "read", handler: (ctx) => ok(getDisk(ctx).body) },
  { ...base, method: "DELETE", path: PATHS.disk, operation: "delete", handler: deleteDisk },
  {
    ...base,
    method: "GET",
    path: PATHS.disksInGroup,
    operation: "read",
    handler: (ctx) =>
      ok(
        ctx.page(
          sorted(
            ctx.store.listResources({
              scope: `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`,
              type: DISK_TYPE,
            }),
          ).map((d) => d.body),
        ),
      ),
  },
  {
    ...base,
    method: "GET",
    path: PATHS.disksInSubscription,
    operation: "read",
    handler: (ctx) =>
      ok(
        ctx.page(
          sorted(ctx.store.listResources({ subscriptionId: ctx.params.subscriptionId, type: DISK_TYPE })).map(
            (d) => d.body,
          ),
        ),
      ),
  },
];
