/**
 * The portal's tags on the Azure resources it creates (issue 15 point 1): the one place that names them and builds
 * them. They split Azure's cost data by tenant (Cost Management groups by `portal-tenant`) and let the helpdesk find
 * a resource's owner from the Azure portal.
 *
 * - `portal-tenant`: the tenant's slug. Readable in the Azure portal, never changed once the tenant exists, and what
 *   cost reconciliation groups by (lib/pricing/tenant-tag.ts; reconciliation maps a slug or an id to its tenant).
 * - `portal-tenant-id`: the tenant's id, stable whatever its slug or name.
 * - `portal-plan`: the id of the plan whose Azure subscription holds the resource.
 * - `portal-operation`: the id of the portal operation that created the resource (shown at /operations/{id}). Kept as
 *   first written: a later sync or operation never replaces it.
 *
 * Azure's tag rules (Learn, "Use tags to organize your Azure resources"): at most 50 tags per resource (storage
 * accounts 15), names at most 512 characters (storage accounts 128), values at most 256, names without `<>%&\?/`.
 * Tag names are case-insensitive, values case-sensitive.
 */
export const PORTAL_TAG = {
  tenant: "portal-tenant",
  tenantId: "portal-tenant-id",
  plan: "portal-plan",
  operation: "portal-operation",
} as const;

/** Tags that name what a resource is for; the builders' `extra`. */
export const PORTAL_EXTRA_TAG = {
  vm: "portal-vm",
  loadBalancer: "portal-lb",
  tenantSubscription: "portal-tenant-subscription",
  role: "portal-role",
  /** On the VM and NIC a DR failover creates: the protected item they fail over. */
  protectedItem: "portal-protected-item",
} as const;

export type Tags = Record<string, string>;

export const TAG_LIMITS = {
  maxTags: 50,
  maxTagsStorage: 15,
  maxNameLength: 512,
  maxNameLengthStorage: 128,
  maxValueLength: 256,
} as const;

const FORBIDDEN_NAME_CHARS = /[<>%&\\?/]/;

export type TagOwner = {
  /** The tenant (slug and id); absent for the provider's own resources (e.g. its recovery vault). */
  tenant?: { id: string; slug: string };
  /** The plan's id. */
  plan?: string;
  /** The creating operation's id. */
  operationId?: string;
  extra?: Tags;
};

/** Problems with a set of tags as Azure would see them; empty when Azure would take them. */
export function tagProblems(tags: Tags, opts: { storage?: boolean } = {}): string[] {
  const problems: string[] = [];
  const maxTags = opts.storage ? TAG_LIMITS.maxTagsStorage : TAG_LIMITS.maxTags;
  const maxName = opts.storage ? TAG_LIMITS.maxNameLengthStorage : TAG_LIMITS.maxNameLength;
  const names = Object.keys(tags);
  if (names.length > maxTags) problems.push(`${names.length} tags: at most ${maxTags} are allowed`);
  const seen = new Set<string>();
  for (const name of names) {
    const value = tags[name];
    if (name.trim() === "") problems.push("A tag name must not be empty");
    if (name.length > maxName) problems.push(`Tag name '${name.slice(0, 40)}…' is longer than ${maxName} characters`);
    if (FORBIDDEN_NAME_CHARS.test(name)) problems.push(`Tag name '${name}' contains one of < > % & \\ ? /`);
    if (value.length > TAG_LIMITS.maxValueLength)
      problems.push(`The value of tag '${name}' is longer than ${TAG_LIMITS.maxValueLength} characters`);
    const lower = name.toLowerCase();
    if (seen.has(lower)) problems.push(`Tag name '${name}' is given twice (tag names are case-insensitive)`);
    seen.add(lower);
  }
  return problems;
}

/**
 * The portal's tags for a resource it creates. Throws when the result would break Azure's tag rules (a programming
 * error: the values are ids and slugs).
 */
export function portalTags(owner: TagOwner, opts: { storage?: boolean } = {}): Tags {
  const tags: Tags = {};
  if (owner.tenant) {
    tags[PORTAL_TAG.tenant] = owner.tenant.slug;
    tags[PORTAL_TAG.tenantId] = owner.tenant.id;
  }
  if (owner.plan) tags[PORTAL_TAG.plan] = owner.plan;
  if (owner.operationId) tags[PORTAL_TAG.operation] = owner.operationId;
  for (const [name, value] of Object.entries(owner.extra ?? {})) tags[name] = value;
  const problems = tagProblems(tags, opts);
  if (problems.length) throw new Error(`Portal tags refused: ${problems.join("; ")}`);
  return tags;
}

/** Names whose value a later writer keeps as it is: the resource was created by the operation first written. */
const KEPT_AS_WRITTEN: ReadonlySet<string> = new Set([PORTAL_TAG.operation]);

/**
 * The sync's retag decision: the tags of `wanted` that `current` lacks (compared by name case-insensitively, as Azure
 * does) or holds with another value (except `portal-operation`, kept as first written). Empty when nothing needs
 * writing. Merged with ARM's Tags API (operation Merge), so the customer's own tags stay; when the resource's tag
 * count would pass Azure's limit, the tags that fit are returned in the order of `wanted` (tenant first).
 */
export function missingPortalTags(
  current: Tags | null | undefined,
  wanted: Tags,
  opts: { storage?: boolean } = {},
): Tags {
  const have = new Map<string, string>();
  for (const [name, value] of Object.entries(current ?? {})) have.set(name.toLowerCase(), value);
  const maxTags = opts.storage ? TAG_LIMITS.maxTagsStorage : TAG_LIMITS.maxTags;
  let count = have.size;
  const missing: Tags = {};
  for (const [name, value] of Object.entries(wanted)) {
    const lower = name.toLowerCase();
    const existing = have.get(lower);
    if (existing === value) continue;
    if (existing !== undefined) {
      if (!KEPT_AS_WRITTEN.has(lower)) missing[name] = value;
      continue;
    }
    if (count >= maxTags) continue;
    missing[name] = value;
    count++;
  }
  return missing;
}

/**
 * The tags to PUT on a resource that may already exist: a PUT replaces a resource's tags, so it carries the resource's
 * own (`current`, as read; null or undefined when it does not exist yet) with the portal's missing ones added
 * (missingPortalTags: portal-operation stays as first written). A customer's tags survive a re-run or a retry; a tag
 * the portal gives a new value keeps no second spelling of its name (names are case-insensitive).
 */
export function withMissingPortalTags(
  current: Tags | null | undefined,
  wanted: Tags,
  opts: { storage?: boolean } = {},
): Tags {
  const missing = missingPortalTags(current, wanted, opts);
  const replaced = new Set(Object.keys(missing).map((name) => name.toLowerCase()));
  const kept = Object.entries(current ?? {}).filter(([name]) => !replaced.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...missing };
}
