/**
 * Readers for ARM resources in either shape: the REST JSON (recorded payloads, fields under `properties`) or the modular
 * SDKs' models, which flatten `properties` into the object. The mappers use these so one function serves both.
 */
export type Json = Record<string, unknown>;

export const obj = (x: unknown): Json => (x && typeof x === "object" && !Array.isArray(x) ? (x as Json) : {});

/** The object with its `properties` lifted to the top, as the SDK would have flattened them. */
export const flat = (x: unknown): Json => {
  const o = obj(x);
  return o.properties && typeof o.properties === "object" ? { ...o, ...obj(o.properties) } : o;
};

export const items = (x: unknown): Json[] => (Array.isArray(x) ? x.map(flat) : []);
export const str = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);
export const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
/** A number Azure may send as a string (Site Recovery's `initialReplicationProgressPercentage` is `type: string`). */
export const numeric = (x: unknown): number | undefined =>
  typeof x === "string" && x.trim() !== "" ? num(Number(x)) : num(x);
export const bool = (x: unknown): boolean => x === true;
/** The `id` of a `{ id }` sub-resource reference. */
export const idOf = (ref: unknown): string | undefined => str(obj(ref).id);

/** `/subscriptions/…/resourceGroups/{rg}/…` → rg, as Azure spelled it. */
export function resourceGroupOf(id: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? "";
}

export const lastSegment = (id: string): string => id.split("/").filter(Boolean).at(-1) ?? "";

/** Drops undefined fields so our types compare cleanly and optional fields stay absent. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
