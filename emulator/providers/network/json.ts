import type { JsonBody } from "../../core/plugin.js";

/** Small helpers for the loosely typed ARM JSON the network RP reads and writes. */
export type Json = JsonBody;

export const sameId = (a: unknown, b: unknown): boolean =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

export function refOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" && id.length > 0 ? id : undefined;
}

export const lastSegment = (id: string): string => id.split("/").filter(Boolean).pop() ?? id;

export const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
