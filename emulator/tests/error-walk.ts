import type { JsonBody } from "../core/plugin.js";

/** Text that must never reach a client in an error: JavaScript's renderings of missing or unprintable values. */
// Azure's own wordings are allowed: Compute's "Required parameter 'x' is missing (null)." (AZURE-FACTS §5) and
// the deserializer's "Error converting value {null} to type …".
export const LEAKED_VALUE = /undefined|\[object Object\]|NaN|(?<!is missing \(|\{)\bnull\b/;

type Path = (string | number)[];
export interface Mutation {
  label: string;
  body: JsonBody;
}

const WRONG_VALUES: [string, unknown][] = [
  ["null", null],
  ["an object", { unexpected: true }],
  ["a number", 12345],
  ["a string", "x"],
  ["an array", []],
];

function leaves(value: unknown, path: Path, out: Path[]): void {
  if (path.length) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, [...path, k], out);
}

function edit(
  body: JsonBody,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy as JsonBody;
}

const show = (path: Path) =>
  path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .slice(1);

/** Every property of a valid body removed, and set to each wrong JSON type in turn. */
export function mutations(body: JsonBody): Mutation[] {
  const paths: Path[] = [];
  leaves(body, [], paths);
  const out: Mutation[] = [];
  for (const path of paths) {
    out.push({
      label: `${show(path)} removed`,
      body: edit(body, path, (parent, key) => {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      }),
    });
    for (const [what, value] of WRONG_VALUES)
      out.push({ label: `${show(path)} as ${what}`, body: edit(body, path, (parent, key) => (parent[key] = value)) });
  }
  return out;
}

/** Every message in an ARM error body (top level and nested details). */
export function errorMessages(body: unknown): string[] {
  const error = (body as { error?: unknown } | undefined)?.error ?? body;
  const out: string[] = [];
  const walk = (e: unknown) => {
    if (!e || typeof e !== "object") return;
    const m = (e as { message?: unknown }).message;
    if (m !== undefined) out.push(typeof m === "string" ? m : `non-string message: ${JSON.stringify(m)}`);
    for (const d of ((e as { details?: unknown[] }).details ?? []) as unknown[]) walk(d);
  };
  walk(error);
  return out;
}
