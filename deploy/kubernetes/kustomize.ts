/**
 * The part of kustomize these manifests use, so the tests can render an overlay without kubectl: resources (files and
 * directories), namespace, images, and patches given as strategic-merge files. Anything else in a kustomization.yaml
 * is refused, so the manifests cannot drift into features the tests do not render.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, parseAllDocuments } from "yaml";

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
};
type Kustomization = {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
};

const supported = new Set(["apiVersion", "kind", "resources", "namespace", "images", "patches"]);
const clusterScoped = new Set(["Namespace"]);

export function readYamlFile(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, "utf8")).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
    return doc.toJS() as K8sObject;
  });
}

export function renderKustomization(dir: string): K8sObject[] {
  const k = parse(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) as Kustomization;
  const unknown = Object.keys(k).filter((key) => !supported.has(key));
  if (unknown.length) throw new Error(`${dir}: kustomization fields the tests cannot render: ${unknown.join(", ")}`);

  const objects = (k.resources ?? []).flatMap((entry) => {
    const target = path.join(dir, entry);
    return statSync(target).isDirectory() ? renderKustomization(target) : readYamlFile(target);
  });
  for (const { path: file } of k.patches ?? []) {
    for (const patch of readYamlFile(path.join(dir, file))) {
      const target = objects.find((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (!target) throw new Error(`${file}: no ${patch.kind} ${patch.metadata.name} to patch`);
      Object.assign(target, strategicMerge(target, patch));
    }
  }
  for (const o of objects) {
    if (k.namespace && !clusterScoped.has(o.kind)) o.metadata.namespace = k.namespace;
    for (const c of podContainers(o)) c.image = retag(c.image, k.images ?? []);
  }
  return objects;
}

/** Maps merge key by key; lists of named items (containers, env, volumes) merge by name; other lists are replaced. */
export function strategicMerge<T>(target: T, patch: unknown): T {
  if (Array.isArray(target) && Array.isArray(patch) && patch.every(isNamed) && target.every(isNamed)) {
    const merged = target.map((item) => {
      const update = patch.find((p) => p.name === item.name);
      return update ? strategicMerge(item, update) : item;
    });
    return [...merged, ...patch.filter((p) => !target.some((t) => t.name === p.name))] as T;
  }
  if (isMap(target) && isMap(patch)) {
    const merged: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(patch))
      merged[key] = key in target ? strategicMerge(target[key], value) : value;
    return merged as T;
  }
  return patch as T;
}

/** The containers of a Deployment's or a Job's pod template. */
export function podContainers(o: K8sObject): { name: string; image: string; [field: string]: unknown }[] {
  const spec = (o.spec as { template?: { spec?: { containers?: []; initContainers?: [] } } } | undefined)?.template
    ?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

function retag(image: string, images: NonNullable<Kustomization["images"]>) {
  const [, name, tag] = /^(.+?)(?::([^:/]+))?$/.exec(image)!;
  const rule = images.find((i) => i.name === name);
  if (!rule) return image;
  return `${rule.newName ?? name}:${rule.newTag ?? tag ?? "latest"}`;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNamed = (v: unknown): v is { name: string } => isMap(v) && typeof v.name === "string";
