/**
 * Rewrites the vendored spec index (api-versions.json) from GitHub: for each route family, every folder
 * under its stable/ directory that holds one of the family's spec files. Needs network access; set
 * GITHUB_TOKEN to lift GitHub's anonymous rate limit. Run: node --import tsx emulator/specs/refresh.ts
 * With --examples it also re-reads every vendored x-ms-example from its source path; with --specs it re-vendors the
 * OpenAPI files of openapi/SOURCES.json whole, with what they $ref and their examples (refresh-openapi.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiVersionIndex, FamilyEntry } from "./api-versions.js";
import { refreshOpenApi } from "./refresh-openapi.js";

const here = (file: string) => new URL(`./${file}`, import.meta.url);
const STABLE = /^\d{4}-\d{2}-\d{2}$/;

function headers(): Record<string, string> {
  const h: Record<string, string> = { accept: "application/vnd.github+json", "user-agent": "emulator-specs-refresh" };
  if (process.env.GITHUB_TOKEN) h.authorization = `Bearer ${process.env.GITHUB_TOKEN}`;
  return h;
}

async function github<T>(repo: string, path: string): Promise<T> {
  const res = await fetch(`https://api.github.com/repos/${repo}/${path}`, { headers: headers() });
  if (!res.ok) throw new Error(`GitHub ${res.status} for ${path}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface ContentEntry {
  name: string;
  path: string;
  type: "file" | "dir";
  sha: string;
}
interface TreeEntry {
  path: string;
  type: "blob" | "tree";
}

/** Paths (relative to the stable/ folder) of every file under it; one trees call, or per folder when truncated. */
async function filesUnder(repo: string, folder: string, ref: string): Promise<string[]> {
  const parent = folder.slice(0, folder.lastIndexOf("/"));
  const siblings = await github<ContentEntry[]>(repo, `contents/${parent}?ref=${ref}`);
  const stable = siblings.find((e) => e.path === folder);
  if (!stable) throw new Error(`${folder} not found at ${ref}`);
  const tree = await github<{ tree: TreeEntry[]; truncated: boolean }>(repo, `git/trees/${stable.sha}?recursive=1`);
  if (!tree.truncated) return tree.tree.filter((t) => t.type === "blob").map((t) => t.path);
  const versions = await github<ContentEntry[]>(repo, `contents/${folder}?ref=${ref}`);
  const files: string[] = [];
  for (const v of versions.filter((e) => e.type === "dir")) {
    const inner = await github<{ tree: TreeEntry[] }>(repo, `git/trees/${v.sha}?recursive=1`);
    files.push(...inner.tree.filter((t) => t.type === "blob").map((t) => `${v.name}/${t.path}`));
  }
  return files;
}

function versionsHolding(files: string[], family: FamilyEntry): string[] {
  const wanted = family.specFile.split("|");
  const versions = new Set<string>();
  for (const file of files) {
    const slash = file.indexOf("/");
    const version = file.slice(0, slash);
    if (STABLE.test(version) && wanted.includes(file.slice(slash + 1))) versions.add(version);
  }
  return [...versions].sort();
}

async function refreshApiVersions(ref: string): Promise<void> {
  const index = JSON.parse(readFileSync(here("api-versions.json"), "utf8")) as ApiVersionIndex;
  const listings = new Map<string, string[]>();
  for (const [name, family] of Object.entries(index.families)) {
    if (!listings.has(family.specFolder)) {
      listings.set(family.specFolder, await filesUnder(index.repository, family.specFolder, ref));
    }
    const found = versionsHolding(listings.get(family.specFolder)!, family);
    if (found.length === 0) throw new Error(`no stable version of ${name} under ${family.specFolder}`);
    family.apiVersions = found;
    family.evidence = `stable/ folder listing of ${family.specFolder} at ${ref}`;
    console.log(`${name}: ${found.length} versions, newest ${found.at(-1)}`);
  }
  index.snapshot = new Date().toISOString().slice(0, 10);
  writeFileSync(here("api-versions.json"), `${JSON.stringify(index, null, 2)}\n`);
}

/**
 * Each vendored example keeps its `source` (spec path @ commit), its parameters and its documented status codes;
 * response bodies are left out to keep the set small. This re-reads every one from `ref` and rewrites it.
 */
async function refreshExamples(ref: string): Promise<void> {
  const dir = fileURLToPath(here("examples/"));
  for (const rp of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const name of readdirSync(join(dir, rp.name)).filter((n) => n.endsWith(".json"))) {
      const file = join(dir, rp.name, name);
      const vendored = JSON.parse(readFileSync(file, "utf8")) as { source: string; operationId: string };
      const path = vendored.source.split("@")[0];
      const res = await fetch(`https://raw.githubusercontent.com/Azure/azure-rest-api-specs/${ref}/${path}`);
      if (!res.ok) throw new Error(`${res.status} for ${path}`);
      const full = (await res.json()) as {
        title?: string;
        operationId?: string;
        parameters: unknown;
        responses: Record<string, unknown>;
      };
      const trimmed = {
        title: full.title ?? name.replace(/\.json$/, ""),
        operationId: full.operationId ?? vendored.operationId,
        source: `${path}@${ref}`,
        parameters: full.parameters,
        responses: Object.fromEntries(Object.keys(full.responses).map((code) => [code, {}])),
      };
      writeFileSync(file, `${JSON.stringify(trimmed, null, 2)}\n`);
      console.log(`example ${rp.name}/${name}`);
    }
  }
}

const ref = process.env.SPECS_REF ?? "main";
await refreshApiVersions(ref);
if (process.argv.includes("--examples")) await refreshExamples(ref);
if (process.argv.includes("--specs")) await refreshOpenApi(ref);
