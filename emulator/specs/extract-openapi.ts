import { posix } from "node:path";

/**
 * Extracts of Azure's OpenAPI files (issue 17 point 1: only the modelled operations, a few MB at most): from whole
 * swagger documents, keep the paths whose operationId is listed and every definition or parameter they reach,
 * following `$ref`s across the given files (not into x-ms-examples), each kept node copied verbatim and in its
 * original order, so `JSON.stringify(doc, null, 2)` gives Azure's text for what is kept. A file listed with no
 * operations keeps only what the others reach (network.json's shared definitions). A `$ref` into a file that is not
 * given is left as it is (the validator does not check what it cannot resolve). Derived types of a discriminator are
 * not reached by `$ref` from their base, so an extract carries only those another kept node names. `omit` names
 * definitions of a file that are not followed (network 2026-03-01 keeps NICs, subnets and public IPs in one 780 KB
 * file beside private endpoints, private link services, route tables and NAT gateways, which the emulator does not
 * model): a `$ref` to one is left as it is and, like a `$ref` into a file that is not given, is not checked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const METHODS = ["get", "put", "post", "patch", "delete", "head"];

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "x-ms-examples") continue;
      if (key === "$ref" && typeof value === "string") out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

export function extractOperations(
  docs: Map<string, Doc>,
  keep: Map<string, string[]>,
  omit: Map<string, string[]> = new Map(),
): Map<string, Doc> {
  const kept = new Map<string, Set<string>>([...keep.keys()].map((f) => [f, new Set<string>()]));
  const queue: { file: string; node: unknown }[] = [];
  for (const [file, operationIds] of keep) {
    const paths = (docs.get(file)?.paths ?? {}) as Record<string, Doc>;
    for (const [template, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        if (!operationIds.includes(item[method]?.operationId)) continue;
        kept.get(file)!.add(`paths|${template}|${method}`);
        queue.push({ file, node: item[method] });
        if (item.parameters) {
          kept.get(file)!.add(`paths|${template}|parameters`);
          queue.push({ file, node: item.parameters });
        }
      }
    }
  }
  while (queue.length) {
    const { file, node } = queue.shift()!;
    for (const ref of refsIn(node)) {
      const [target, pointer = ""] = ref.split("#");
      const targetFile = target ? posix.normalize(posix.join(posix.dirname(file), target)) : file;
      const [, section, name] = pointer.split("/");
      const doc = docs.get(targetFile);
      if (!doc || !kept.has(targetFile) || !name || doc[section]?.[name] === undefined) continue;
      if (section === "definitions" && omit.get(targetFile)?.includes(name)) continue;
      const key = `${section}|${name}`;
      if (kept.get(targetFile)!.has(key)) continue;
      kept.get(targetFile)!.add(key);
      queue.push({ file: targetFile, node: doc[section][name] });
    }
  }
  const out = new Map<string, Doc>();
  for (const [file, keys] of kept) {
    const doc = docs.get(file);
    if (!doc) continue;
    const extract: Doc = {};
    for (const [key, value] of Object.entries(doc)) {
      if (key === "paths") {
        extract.paths = {};
        for (const [template, item] of Object.entries(value as Record<string, Doc>)) {
          const entries = Object.entries(item).filter(([k]) => keys.has(`paths|${template}|${k}`));
          if (entries.length) extract.paths[template] = Object.fromEntries(entries);
        }
      } else if (key === "definitions" || key === "parameters") {
        const entries = Object.entries(value as Doc).filter(([name]) => keys.has(`${key}|${name}`));
        if (entries.length) extract[key] = Object.fromEntries(entries);
      } else extract[key] = value;
    }
    out.set(file, extract);
  }
  return out;
}

/** The text of an extract as Azure lays its files out (two-space JSON, final newline). */
export const extractText = (doc: Doc) => `${JSON.stringify(doc, null, 2)}\n`;
