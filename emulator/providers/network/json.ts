import type { JsonBody } from "../../core/plugin.js";
import { invalidJsonReference, missingReferenceId } from "./errors.js";

/** Small helpers for the loosely typed ARM JSON the network RP reads and writes. */
export type Json = JsonBody;

export const sameId = (a: unknown, b: unknown): boolean =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

export function refOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && id.length > 0 ? id : undefined;
}

/**
 * The id of a reference the client sent at `path` (e.g. `properties.ipConfigurations[0].properties.subnet`), or
 * undefined when the property is absent or null; a reference without an id, or that is not an object, is refused.
 */
export function refAt(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalidJsonReference(path, value);
  const id = refOf(value);
  if (!id) throw missingReferenceId(path);
  return id;
}

export const lastSegment = (id: string): string => id.split("/").filter(Boolean).pop() ?? id;

export const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
