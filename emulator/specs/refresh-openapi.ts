import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { apiVersionIndex, type ApiFamily } from "./api-versions.js";
import { OPERATIONS } from "./conformance/operations.js";
import { extractOperations, extractText } from "./extract-openapi.js";

/**
 * Re-vendors the OpenAPI files listed in openapi/SOURCES.json (`wanted`: per route family, the api-versions the
 * portal's SDKs speak and the newest stable one) from azure-rest-api-specs at `ref`, whole, with every file they
 * `$ref` (common-types, sibling files), then every x-ms-example the emulator's modelled operations reference
 * (conformance/operations.ts) into examples/<rp>/. A file SOURCES.json lists with `extract` is written as an extract
 * again (the same operations and what they reach, extract-openapi.ts), not whole. Needs network access
 * (GITHUB_TOKEN lifts the rate limit).
 */
export const SOURCES = fileURLToPath(new URL("./openapi/SOURCES.json", import.meta.url));
const OPENAPI = fileURLToPath(new URL("./openapi/", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("./examples/", import.meta.url));

export interface SourcesFile {
  $comment: string;
  repository: string;
  /** `folder`: the stable/ folder a version was vendored from when it is not the family's (an older layout). */
  wanted: { family: ApiFamily; apiVersion: string; files: string[]; folder?: string }[];
  /** `omit`: definitions of an extract's file that are not followed (extract-openapi.ts). */
  files: { path: string; commit: string; bytes: number; extract?: string[]; omit?: string[]; note?: string }[];
}

/** Example folder per family (the replay reads examples/<rp>/). */
const EXAMPLE_DIR: Record<string, string> = {
  resources: "resources",
  subscriptions: "subscriptions",
  compute: "compute",
  disks: "compute",
  resourceSkus: "compute",
  network: "network",
  storage: "storage",
  recoveryServicesVaults: "recovery-services",
  siteRecovery: "site-recovery",
  costManagement: "cost-management",
};

async function raw(repo: string, commit: string, path: string): Promise<string> {
  const res = await fetch(`https://raw.githubusercontent.com/${repo}/${commit}/${path}`);
  if (!res.ok) throw new Error(`${res.status} for ${path}@${commit}`);
  return res.text();
}

async function commitOf(repo: string, ref: string): Promise<string> {
  const headers: Record<string, string> = { accept: "application/vnd.github+json", "user-agent": "emulator-specs" };
  if (process.env.GITHUB_TOKEN) headers.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;
  const res = await fetch(`https://api.github.com/repos/${repo}/commits/${ref}`, { headers });
  if (!res.ok) throw new Error(`GitHub ${res.status} resolving ${ref}`);
  return ((await res.json()) as { sha: string }).sha;
}

/** Every `$ref` string in a document, and every x-ms-examples ref of the operations the emulator models. */
export function referencesOf(doc: unknown): { files: string[]; examples: { operationId: string; ref: string }[] } {
  const files = new Set<string>();
  const examples: { operationId: string; ref: string }[] = [];
  const walk = (node: unknown, operationId?: string, inExamples = false): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, operationId, inExamples));
    if (!node || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    const opId = typeof obj.operationId === "string" ? obj.operationId : operationId;
    for (const [key, value] of Object.entries(obj)) {
      if (key === "$ref" && typeof value === "string") {
        const target = value.split("#")[0];
        if (inExamples) {
          if (opId && OPERATIONS[opId]) examples.push({ operationId: opId, ref: target });
        } else if (target) files.add(target);
      } else walk(value, opId, inExamples || key === "x-ms-examples");
    }
  };
  walk(doc);
  return { files: [...files], examples };
}

/** An example as the replay keeps it: parameters and documented status codes, response bodies left out. */
export function trimExample(full: Record<string, unknown>, operationId: string, source: string) {
  return {
    title: (full.title as string | undefined) ?? posix.basename(source.split("@")[0], ".json"),
    operationId: (full.operationId as string | undefined) ?? operationId,
    source,
    parameters: full.parameters,
    responses: Object.fromEntries(Object.keys((full.responses as object) ?? {}).map((code) => [code, {}])),
  };
}

/**
 * The repository paths `--specs` re-reads: each wanted file under its version's folder, which is the family's
 * stable/ folder of api-versions.json unless the entry names the one it was vendored from (network 2026-01-01 is
 * vendored from Microsoft.Network/stable, the layout whose files reference network.json; the family's folder now
 * holds Microsoft.Network/Network/stable, TypeSpec-generated files that reference common.json instead).
 */
export function wantedPaths(sources: SourcesFile): { path: string; family: ApiFamily }[] {
  return sources.wanted.flatMap((w) => {
    const folder = w.folder ?? apiVersionIndex.families[w.family]?.specFolder;
    if (!folder) console.warn(`no family ${w.family} in api-versions.json: skipped`);
    return folder ? w.files.map((f) => ({ path: `${folder}/${w.apiVersion}/${f}`, family: w.family })) : [];
  });
}

export async function refreshOpenApi(ref: string): Promise<void> {
  const sources = JSON.parse(readFileSync(SOURCES, "utf8")) as SourcesFile;
  const commit = await commitOf(sources.repository, ref);
  const queue = wantedPaths(sources);
  const seen = new Set<string>();
  const files: SourcesFile["files"] = [];
  let examples = 0;
  // Files vendored as extracts stay extracts: the same operations, re-read from `ref` (extract-openapi.ts).
  const previous = new Map(sources.files.map((f) => [f.path, f]));
  const extracted = new Map<string, Record<string, unknown>>();
  while (queue.length) {
    const { path, family } = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = await raw(sources.repository, commit, path).catch((e: Error) => {
      console.warn(`not vendored: ${e.message}`);
      return undefined;
    });
    if (text === undefined) continue;
    const extract = previous.get(path)?.extract;
    if (extract) extracted.set(path, JSON.parse(text) as Record<string, unknown>);
    mkdirSync(dirname(join(OPENAPI, path)), { recursive: true });
    writeFileSync(join(OPENAPI, path), text);
    files.push({
      path,
      commit,
      bytes: Buffer.byteLength(text),
      ...(extract ? { extract, omit: previous.get(path)?.omit, note: previous.get(path)?.note } : {}),
    });
    const refs = referencesOf(JSON.parse(text));
    for (const f of refs.files) {
      const target = posix.normalize(posix.join(posix.dirname(path), f));
      // An extract follows only into files vendored before (its whole neighbours are not wanted).
      if (!extract || previous.has(target)) queue.push({ path: target, family });
    }
    for (const e of refs.examples) {
      const examplePath = posix.normalize(posix.join(posix.dirname(path), e.ref));
      const full = JSON.parse(await raw(sources.repository, commit, examplePath)) as Record<string, unknown>;
      const dir = join(EXAMPLES, EXAMPLE_DIR[family] ?? family);
      mkdirSync(dir, { recursive: true });
      const base = posix.basename(examplePath, ".json");
      const version = /\/(\d{4}-\d{2}-\d{2})\//.exec(examplePath)?.[1] ?? "";
      const plain = join(dir, `${base}.json`);
      const taken =
        existsSync(plain) &&
        !(JSON.parse(readFileSync(plain, "utf8")) as { source: string }).source.startsWith(`${examplePath}@`);
      const out = taken ? join(dir, `${base}-${version}.json`) : plain;
      writeFileSync(out, `${JSON.stringify(trimExample(full, e.operationId, `${examplePath}@${commit}`), null, 2)}\n`);
      examples++;
    }
    console.log(`spec ${path} (${text.length} chars)`);
  }
  const extracts = extractOperations(
    extracted,
    new Map([...extracted.keys()].map((p) => [p, previous.get(p)!.extract!])),
    new Map([...extracted.keys()].map((p) => [p, previous.get(p)!.omit ?? []])),
  );
  for (const [path, doc] of extracts) {
    const text = extractText(doc);
    writeFileSync(join(OPENAPI, path), text);
    const entry = files.find((f) => f.path === path)!;
    entry.bytes = Buffer.byteLength(text);
  }
  sources.files = files;
  writeFileSync(SOURCES, `${JSON.stringify(sources, null, 2)}\n`);
  console.log(`${files.length} spec files, ${examples} examples at ${commit}`);
}
