/**
 * Rewrites the vendored spec index (api-versions.json) from GitHub: for each route family, every folder
 * under its stable/ directory that holds one of the family's spec files. Needs network access; set
 * GITHUB_TOKEN to lift GitHub's anonymous rate limit. Run: node --import tsx emulator/specs/refresh.ts
 * With --examples it also re-downloads the vendored x-ms-examples listed in examples/manifest.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { ApiVersionIndex, FamilyEntry } from "./api-versions.js";

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

interface ExampleManifest {
  repository: string;
  examples: { file: string; source: string }[];
}

async function refreshExamples(ref: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(here("examples/manifest.json"), "utf8")) as ExampleManifest;
  for (const ex of manifest.examples) {
    const res = await fetch(`https://raw.githubusercontent.com/${manifest.repository}/${ref}/${ex.source}`);
    if (!res.ok) throw new Error(`${res.status} for ${ex.source}`);
    const target = here(`examples/${ex.file}`);
    mkdirSync(dirname(target.pathname), { recursive: true });
    writeFileSync(target, `${JSON.stringify(await res.json(), null, 2)}\n`);
    console.log(`example ${ex.file}`);
  }
}

const ref = process.env.SPECS_REF ?? "main";
await refreshApiVersions(ref);
if (process.argv.includes("--examples")) await refreshExamples(ref);
