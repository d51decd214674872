import { ArmError } from "../../core/errors.js";
import { resourceGroupId } from "../../core/ids.js";
import { ok, type RequestContext, type Reply, type RouteDef } from "../../core/plugin.js";
import type { Store } from "../../core/store.js";
import { apiVersionsFor } from "../../specs/api-versions.js";

/**
 * Cost Management's tag inheritance setting (Settings_GetByScope / CreateOrUpdateByScope / DeleteByScope / List,
 * `{scope}/providers/Microsoft.CostManagement/settings/taginheritance`) at subscription scope, and what it does to cost
 * data (Learn, "Group and allocate costs using tag inheritance"): when on, the resource group's tags are applied to
 * the usage records of the resources in it, not to the resources themselves. `preferContainerTags` decides a tag the
 * resource has too: false keeps the resource's value, true applies the group's. Off by default, as in Azure.
 *
 * - PUT with `properties.preferContainerTags` (a boolean) turns it on; PUT with empty properties turns it off (the
 *   FinOps toolkit's module disables it so), as does DELETE. GET of a setting never written, or deleted, answers 404
 *   (Azure's answer for that case was not found: a reader treats 404 and empty properties alike, as off).
 * - Azure applies inherited tags to the current month's usage onwards: here to every day from the first of the month
 *   in which it was turned on, computed when queried.
 * - Subscription tags are not modelled by the emulator, so only resource group tags are inherited.
 */
const TYPE = "taginheritance";
// The Cost Management family's versions (specs/api-versions.json, where every route takes them from). The settings
// operations exist from 2022-10-01-preview on, so the older ones here are accepted more leniently than Azure would.
const API_VERSIONS = apiVersionsFor("costManagement");

export type TagInheritance = { preferContainerTags: boolean; enabledAtMs: number };
type Settings = { tagInheritance: Record<string, TagInheritance | { off: true }> };

const settingsOf = (store: Store) => store.ext<Settings>("cost-management-settings", () => ({ tagInheritance: {} }));

/** The subscription's setting when inheritance is on, else null. */
export function tagInheritanceOf(store: Store, subscriptionId: string): TagInheritance | null {
  const s = settingsOf(store).tagInheritance[subscriptionId.toLowerCase()];
  return s && !("off" in s) ? s : null;
}

/**
 * Writes the subscription's setting: `prefer` a boolean turns inheritance on (keeping the month it was first on from
 * when it already was), undefined turns it off, null removes the setting.
 */
export function setTagInheritance(
  store: Store,
  subscriptionId: string,
  prefer: boolean | undefined | null,
  nowMs: number,
) {
  const all = settingsOf(store).tagInheritance;
  const key = subscriptionId.toLowerCase();
  const before = all[key];
  if (prefer === null) delete all[key];
  else if (prefer === undefined) all[key] = { off: true };
  else
    all[key] = {
      preferContainerTags: prefer,
      enabledAtMs: before && !("off" in before) ? before.enabledAtMs : nowMs,
    };
  store.markDirty();
}

const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
/** The first instant whose usage carries inherited tags. */
export const inheritsFrom = (s: TagInheritance) => monthStart(s.enabledAtMs);

/** A usage record's tags with its resource group's applied (names compare case-insensitively, as Azure's do). */
export function inheritedTags(
  store: Store,
  seg: { subscriptionId: string; resourceGroup: string; tags: Record<string, string> },
  setting: TagInheritance,
): Record<string, string> {
  const group = seg.resourceGroup ? store.getResource(resourceGroupId(seg.subscriptionId, seg.resourceGroup)) : null;
  const containerTags = (group?.body.tags ?? {}) as Record<string, string>;
  const out = { ...seg.tags };
  for (const [name, value] of Object.entries(containerTags)) {
    const own = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase());
    if (own === undefined) out[name] = value;
    else if (setting.preferContainerTags) out[own] = value;
  }
  return out;
}

function settingBody(subscriptionId: string, properties: Record<string, unknown>) {
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.CostManagement/settings/${TYPE}`,
    name: TYPE,
    type: "Microsoft.CostManagement/Settings",
    kind: TYPE,
    properties,
  };
}

function checkType(ctx: RequestContext) {
  if (String(ctx.params.type).toLowerCase() !== TYPE)
    throw new ArmError(400, "BadRequest", `Setting type '${ctx.params.type}' is not supported; use '${TYPE}'.`);
}

function read(ctx: RequestContext): Reply {
  checkType(ctx);
  const sub = ctx.params.subscriptionId;
  const s = settingsOf(ctx.store).tagInheritance[sub.toLowerCase()];
  if (!s) throw new ArmError(404, "NotFound", `The setting '${TYPE}' was not found at scope 'subscriptions/${sub}'.`);
  return ok(settingBody(sub, "off" in s ? {} : { preferContainerTags: s.preferContainerTags }));
}

function write(ctx: RequestContext): Reply {
  checkType(ctx);
  const sub = ctx.params.subscriptionId;
  if (ctx.body.kind !== TYPE) throw new ArmError(400, "BadRequest", `kind must be '${TYPE}'.`);
  const prefer = (ctx.body.properties ?? {}).preferContainerTags;
  if (prefer !== undefined && typeof prefer !== "boolean")
    throw new ArmError(400, "BadRequest", "properties.preferContainerTags must be true or false.");
  setTagInheritance(ctx.store, sub, prefer, ctx.clock.now());
  return ok(settingBody(sub, prefer === undefined ? {} : { preferContainerTags: prefer }));
}

function remove(ctx: RequestContext): Reply {
  checkType(ctx);
  setTagInheritance(ctx.store, ctx.params.subscriptionId, null, ctx.clock.now());
  return { status: 200 };
}

function list(ctx: RequestContext): Reply {
  const sub = ctx.params.subscriptionId;
  const s = settingsOf(ctx.store).tagInheritance[sub.toLowerCase()];
  const value = s ? [settingBody(sub, "off" in s ? {} : { preferContainerTags: s.preferContainerTags })] : [];
  return ok({ value });
}

const base = {
  apiVersions: API_VERSIONS,
  resourceType: "Microsoft.CostManagement/settings",
  requiresRegistration: false,
} as const;
const one = "/subscriptions/{subscriptionId}/providers/Microsoft.CostManagement/settings/{type}";

export const settingsRoutes: RouteDef[] = [
  { ...base, method: "GET", path: one, operation: "read", handler: read },
  { ...base, method: "PUT", path: one, operation: "write", handler: write },
  { ...base, method: "DELETE", path: one, operation: "delete", handler: remove },
  {
    ...base,
    method: "GET",
    path: "/subscriptions/{subscriptionId}/providers/Microsoft.CostManagement/settings",
    operation: "read",
    handler: list,
  },
];
