import type { Store } from "./store.js";
import type { Clock } from "./clock.js";
import { addDirectory, addPrincipal, addSubscription, assignRole } from "./directory.js";

/** What a plugin's `seed` receives: the store plus the identity helpers, and the demo seed's ids. */
export interface SeedContext {
  store: Store;
  clock: Clock;
  /** Ids created by the demo seed, e.g. ids.subscriptions.contoso. */
  ids: {
    tenants: Record<string, string>;
    subscriptions: Record<string, string>;
  };
  addDirectory: (d: Parameters<typeof addDirectory>[1]) => ReturnType<typeof addDirectory>;
  addPrincipal: (p: Parameters<typeof addPrincipal>[1]) => ReturnType<typeof addPrincipal>;
  addSubscription: (s: Parameters<typeof addSubscription>[1]) => ReturnType<typeof addSubscription>;
  assignRole: (a: Parameters<typeof assignRole>[1]) => ReturnType<typeof assignRole>;
  /** Creates a resource directly in its final state (no LRO). */
  putResource: Store["putResource"];
}

export function createSeedContext(store: Store, clock: Clock, ids: SeedContext["ids"]): SeedContext {
  return {
    store,
    clock,
    ids,
    addDirectory: (d) => addDirectory(store, d),
    addPrincipal: (p) => addPrincipal(store, p),
    addSubscription: (s) => addSubscription(store, s),
    assignRole: (a) => assignRole(store, a),
    putResource: (id, body, internal) => store.putResource(id, body, internal),
  };
}
