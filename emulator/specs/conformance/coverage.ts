import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { OPERATIONS } from "./operations.js";
import type { Example } from "./replay.js";

/**
 * Issue 17 point 5's denominator: every `x-ms-examples` reference of the vendored OpenAPI files, each matched to the
 * vendored example that is its copy, or given the reason it is not vendored: its operation is not modelled, or the
 * file is not in the index of Azure/azure-rest-api-specs this repository was built from (`not-in-index.json`).
 */
const OPENAPI_DIR = fileURLToPath(new URL("../openapi/", import.meta.url));
const NOT_IN_INDEX = new URL("./not-in-index.json", import.meta.url);

export interface Reference {
  /** The spec file that references it, relative to openapi/. */
  spec: string;
  operationId: string;
  title: string;
  /** The example's path in Azure's repository. */
  path: string;
}

/**
 * An example's identity across Azure's folder reorganisation: `Microsoft.Storage/stable/2026-09-01/examples/X.json`
 * and `Microsoft.Storage/Storage/stable/2026-09-01/examples/X.json` are the same api-version's example, moved
 * (the repository keeps both layouts for some versions); the key drops the folder between the namespace and stable/.
 */
export function exampleKey(path: string): string {
  const p = path.split("@")[0];
  return p.replace(/(\/resource-manager\/[^/]+)\/(?:[^/]+\/)?stable\//, "$1/stable/").toLowerCase();
}

function specFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? specFiles(join(dir, d.name), `${prefix}${d.name}/`)
      : d.name.endsWith(".json") && d.name !== "SOURCES.json"
        ? [`${prefix}${d.name}`]
        : [],
  );
}

type PathItem = Record<string, { operationId?: string; "x-ms-examples"?: Record<string, { $ref: string }> }>;

/** Every x-ms-examples reference in the vendored spec files, as paths in Azure's repository. */
export function referencedExamples(dir = OPENAPI_DIR): Reference[] {
  const out: Reference[] = [];
  for (const spec of specFiles(dir)) {
    const doc = JSON.parse(readFileSync(join(dir, spec), "utf8")) as {
      paths?: Record<string, PathItem>;
      "x-ms-paths"?: Record<string, PathItem>;
    };
    for (const item of [...Object.values(doc.paths ?? {}), ...Object.values(doc["x-ms-paths"] ?? {})]) {
      for (const op of Object.values(item)) {
        if (!op || typeof op !== "object" || !op.operationId) continue;
        for (const [title, ref] of Object.entries(op["x-ms-examples"] ?? {})) {
          const path = posix.normalize(posix.join(posix.dirname(spec), ref.$ref));
          out.push({ spec, operationId: op.operationId, title, path });
        }
      }
    }
  }
  return out;
}

export const notInIndex = (): Set<string> =>
  new Set(
    (JSON.parse(readFileSync(NOT_IN_INDEX, "utf8")) as { paths: string[] }).paths.map((p) =>
      exampleKey(`specification/${p}`),
    ),
  );

export type Status =
  | { kind: "vendored"; file: string }
  | { kind: "not modelled" }
  | { kind: "not in index" }
  | { kind: "obtainable, not vendored" };

export interface Coverage {
  references: (Reference & { status: Status })[];
  /** Vendored examples no vendored spec file references (other api-versions or commits): replayed, counted apart. */
  extra: Example[];
}

export function coverage(examples: Example[], refs = referencedExamples(), missing = notInIndex()): Coverage {
  const byKey = new Map(examples.map((e) => [exampleKey(e.source), e]));
  const used = new Set<string>();
  const references = refs.map((ref) => {
    const key = exampleKey(ref.path);
    const vendored = byKey.get(key);
    let status: Status;
    if (vendored) {
      used.add(key);
      status = { kind: "vendored", file: vendored.file };
    } else if (!OPERATIONS[ref.operationId]) status = { kind: "not modelled" };
    else if (missing.has(key)) status = { kind: "not in index" };
    else status = { kind: "obtainable, not vendored" };
    return { ...ref, status };
  });
  const extra = examples.filter((e) => !used.has(exampleKey(e.source)));
  return { references, extra };
}

export interface Tally {
  referenced: number;
  notModelled: number;
  notInIndex: number;
  /** Referenced examples of modelled operations the index holds: the denominator. */
  obtainable: number;
  vendored: number;
  passed: number;
  failed: number;
  extraPassed: number;
  extraFailed: number;
}

/** The figures `npm run emulator:conformance` prints, from the replay's results and the coverage. */
export function tally(results: { file: string; passed: boolean }[], cov: Coverage): Tally {
  const passedFiles = new Set(results.filter((r) => r.passed).map((r) => r.file));
  const count = (kind: Status["kind"]) => cov.references.filter((r) => r.status.kind === kind).length;
  const vendored = cov.references.flatMap((r) => (r.status.kind === "vendored" ? [r.status.file] : []));
  const passed = vendored.filter((f) => passedFiles.has(f)).length;
  const extraPassed = cov.extra.filter((e) => passedFiles.has(e.file)).length;
  return {
    referenced: cov.references.length,
    notModelled: count("not modelled"),
    notInIndex: count("not in index"),
    obtainable: count("vendored") + count("obtainable, not vendored"),
    vendored: vendored.length,
    passed,
    failed: vendored.length - passed,
    extraPassed,
    extraFailed: cov.extra.length - extraPassed,
  };
}

export const percent = (t: Tally): string => `${((100 * t.passed) / Math.max(1, t.obtainable)).toFixed(1)} %`;
