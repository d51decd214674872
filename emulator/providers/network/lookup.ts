import type { Store } from "../../core/store.js";
import type { StoredResource } from "../../core/state.js";
import { asArray, type Json, sameId } from "./json.js";

/** Splits `…/{parent}/{collection}/{name}` into the stored parent's id, the collection and the child name. */
export function splitChildId(id: string): { parentId: string; collection: string; name: string } {
  const parts = id.split("/");
  return {
    parentId: parts.slice(0, -2).join("/"),
    collection: parts[parts.length - 2] ?? "",
    name: parts[parts.length - 1] ?? "",
  };
}

export function childrenOf(body: Json | undefined, collection: string): Json[] {
  const props = (body?.properties ?? {}) as Json;
  const key = Object.keys(props).find((k) => k.toLowerCase() === collection.toLowerCase());
  return key ? asArray(props[key]) : [];
}

export const findByName = (items: Json[], name: string): Json | undefined => items.find((i) => sameId(i.name, name));

/** Resolves a child resource id (a subnet, an LB pool, …) to its stored parent and the inline item. */
export function findChild(store: Store, id: string | undefined): { parent: StoredResource; child: Json } | undefined {
  if (!id) return undefined;
  const { parentId, collection, name } = splitChildId(id);
  const parent = store.getResource(parentId);
  const child = parent ? findByName(childrenOf(parent.body, collection), name) : undefined;
  return parent && child ? { parent, child } : undefined;
}

export const childId = (parentId: string, collection: string, name: string) => `${parentId}/${collection}/${name}`;
