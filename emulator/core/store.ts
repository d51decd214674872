import { ArmError } from "./errors.js";
import { parseResourceId } from "./ids.js";
import { emptyState, type State, type StoredResource, type Subscription, type Principal } from "./state.js";

const key = (id: string) => id.replace(/\/+$/, "").toLowerCase();

/** Told of every resource write and removal: `before` undefined on create, `after` undefined on delete. */
export type ResourceListener = (before: StoredResource | undefined, after: StoredResource | undefined) => void;

/**
 * The one in-memory store. Resources are keyed by lowercased ARM id; the casing used on create is kept in
 * the record. Every mutation marks the store dirty so the snapshot file is rewritten (debounced).
 */
export class Store {
  state: State;
  private onChange: () => void;
  private listeners: ResourceListener[] = [];

  constructor(state: State = emptyState(), onChange: () => void = () => {}) {
    this.state = state;
    this.onChange = onChange;
  }

  setOnChange(fn: () => void): void {
    this.onChange = fn;
  }

  /** Billing-style observers (emulator/providers/billing): they see each change of a resource once, in order. */
  addListener(listener: ResourceListener): void {
    this.listeners.push(listener);
  }

  markDirty(): void {
    this.onChange();
  }

  replace(state: State): void {
    this.state = state;
    this.markDirty();
  }

  getResource(id: string): StoredResource | undefined {
    return this.state.resources[key(id)];
  }

  /** Creates or replaces a resource. `body.id` and `body.type` should be set; `id` wins for the key. */
  putResource(id: string, body: Record<string, unknown>, internal?: Record<string, unknown>): StoredResource {
    const existing = this.getResource(id);
    const parsed = parseResourceId(id);
    if (!parsed.subscriptionId) throw new ArmError(500, "InternalServerError", `Not a subscription resource id: ${id}`);
    const record: StoredResource = {
      id: existing?.id ?? id,
      subscriptionId: parsed.subscriptionId,
      resourceGroup: parsed.resourceGroup,
      type: (parsed.type ?? "").toLowerCase(),
      body: { ...body, id: existing?.id ?? id },
      internal: internal ?? existing?.internal ?? {},
      createdAtMs: existing?.createdAtMs ?? Date.now(),
    };
    this.state.resources[key(id)] = record;
    for (const l of this.listeners) l(existing, record);
    this.markDirty();
    return record;
  }

  /** Removes a resource and everything beneath it (child resources, or a resource group's contents). */
  deleteTree(id: string): number {
    const k = key(id);
    let n = 0;
    for (const rk of Object.keys(this.state.resources)) {
      if (rk === k || rk.startsWith(k + "/")) {
        const gone = this.state.resources[rk];
        delete this.state.resources[rk];
        for (const l of this.listeners) l(gone, undefined);
        n++;
      }
    }
    if (n) this.markDirty();
    return n;
  }

  /** Resources whose id starts with `scope` (a subscription, group or parent resource), optionally of one type. */
  listResources(filter: { scope?: string; type?: string; subscriptionId?: string } = {}): StoredResource[] {
    const scope = filter.scope ? key(filter.scope) + "/" : undefined;
    const type = filter.type?.toLowerCase();
    return Object.entries(this.state.resources)
      .filter(([k, r]) => (!scope || k.startsWith(scope)) && (!type || r.type === type))
      .filter(
        ([, r]) => !filter.subscriptionId || r.subscriptionId.toLowerCase() === filter.subscriptionId.toLowerCase(),
      )
      .map(([, r]) => r);
  }

  getSubscription(id: string): Subscription | undefined {
    const lower = id.toLowerCase();
    return Object.values(this.state.subscriptions).find((s) => s.subscriptionId.toLowerCase() === lower);
  }

  /** The app's home principal (never one of its service principals in other directories). */
  findPrincipalByAppId(appId: string): Principal | undefined {
    const lower = appId.toLowerCase();
    return Object.values(this.state.principals).find((p) => p.appId.toLowerCase() === lower && !p.homeTenantId);
  }

  /** The app's principal in one directory: its home principal there, or its service principal once available. */
  findPrincipalIn(appId: string, tenantId: string, nowMs = Date.now()): Principal | undefined {
    const app = appId.toLowerCase();
    const tenant = tenantId.toLowerCase();
    return Object.values(this.state.principals).find(
      (p) =>
        p.appId.toLowerCase() === app &&
        p.tenantId.toLowerCase() === tenant &&
        (p.availableAfterMs === undefined || p.availableAfterMs <= nowMs),
    );
  }

  findPrincipalByObjectId(objectId: string): Principal | undefined {
    const lower = objectId.toLowerCase();
    return Object.values(this.state.principals).find((p) => p.objectId.toLowerCase() === lower);
  }

  /** RP-private state bucket, created on first use. */
  ext<T extends object>(name: string, init: () => T): T {
    if (!this.state.ext[name]) this.state.ext[name] = init();
    return this.state.ext[name] as T;
  }
}
