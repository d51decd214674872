import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestEmulator } from "../../testing.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../../seed.js";
import { OPERATIONS } from "./operations.js";
import { exampleLocation, Prerequisites } from "./prerequisites.js";

/**
 * Replays the vendored x-ms-examples (emulator/specs/examples) against a running emulator as an outside client
 * would: each on the demo state, with its prerequisites created first, at the example's own api-version, into
 * the provider subscription (the example's subscription id is rewritten). An example passes when the emulator
 * answers one of the status codes the example documents.
 */
export interface Example {
  file: string;
  title: string;
  operationId: string;
  source: string;
  parameters: Record<string, unknown>;
  responses: Record<string, unknown>;
}
export interface ExampleResult {
  file: string;
  operationId: string;
  passed: boolean;
  detail: string;
}

export const EXAMPLES_DIR = fileURLToPath(new URL("../examples/", import.meta.url));

export function loadExamples(dir = EXAMPLES_DIR): Example[] {
  const out: Example[] = [];
  for (const rp of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(dir, rp.name))
      .filter((n) => n.endsWith(".json"))
      .sort()) {
      const file = `${rp.name}/${f}`;
      out.push({ file, ...(JSON.parse(readFileSync(join(dir, file), "utf8")) as Omit<Example, "file">) });
    }
  }
  return out;
}

const PLACEHOLDER = /\{([^}]+)\}/g;
const PLACEHOLDER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
/** What a user types for an example's `{your-password}`: a password Azure's complexity rules accept. */
const FILLED_PASSWORD = "Str0ng!Passw0rd#2024";

/**
 * The body as a user fills an example in before sending it: a `{…}` placeholder in a password becomes a real
 * password, any other (`{your-username}`, `…/networkInterfaces/{existing-nic-name}`) its own name without braces.
 */
export function fillPlaceholders(value: unknown, key = ""): unknown {
  if (typeof value === "string") {
    if (!/\{[^}]+\}/.test(value)) return value;
    return /password/i.test(key) ? FILLED_PASSWORD : value.replace(PLACEHOLDER, (_, name: string) => name);
  }
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, key));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, k)]));
  return value;
}

function requestOf(example: Example) {
  const op = OPERATIONS[example.operationId];
  if (!op) return undefined;
  const params = example.parameters;
  const exampleSub = String(params.subscriptionId ?? "");
  // The example's subscription, and the all-zero placeholder some examples put in a scope beside another id.
  const subs = [exampleSub, PLACEHOLDER_SUBSCRIPTION].filter(Boolean);
  const rewrite = <T>(v: T): T =>
    JSON.parse(subs.reduce((text, sub) => text.split(sub).join(PROVIDER_SUBSCRIPTION_ID), JSON.stringify(v))) as T;
  const pathNames = [...op.path.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const values: Record<string, string> = { ...rewrite(params as Record<string, string>) };
  values.subscriptionId = PROVIDER_SUBSCRIPTION_ID;
  // A `{scope}` is a path of its own (x-ms-skip-url-encoding): its slashes stay, a leading one is dropped.
  const path = op.path.replace(PLACEHOLDER, (_, name: string) =>
    name === "scope"
      ? String(values[name] ?? "").replace(/^\/+|\/+$/g, "")
      : encodeURIComponent(String(values[name] ?? "")),
  );
  // The body is the object parameter; an array beside it (PublicIpAddressCreateCustomizedValues' `zones`) is not.
  const objects = Object.keys(params).filter(
    (k) => !pathNames.includes(k) && k !== "api-version" && typeof params[k] === "object" && params[k] !== null,
  );
  const bodyName = objects.find((k) => !Array.isArray(params[k])) ?? objects[0];
  const body = bodyName ? fillPlaceholders(rewrite(params[bodyName])) : undefined;
  // Scalar parameters that are not in the path are query parameters ($expand, $filter, forceDeletion …).
  const query = Object.entries(params)
    .filter(([k, v]) => !pathNames.includes(k) && k !== "api-version" && (typeof v !== "object" || v === null))
    .map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("");
  return { op, path, body, query, apiVersion: String(params["api-version"]), values };
}

/**
 * The resource an example needs to exist first: for a PUT its parent (for child resources), for anything else the
 * resource it acts on (its path without a trailing action or collection segment). Undefined for top-level lists.
 */
function needed(method: string, path: string): string | undefined {
  const segments = path.split("/").filter(Boolean);
  const providers = segments.findIndex((s) => s.toLowerCase() === "providers");
  if (providers < 0) return undefined;
  const base = providers + 2;
  const trimmed = (segments.length - base) % 2 === 1 ? segments.slice(0, -1) : segments;
  const resource = method === "PUT" ? trimmed.slice(0, -2) : trimmed;
  return resource.length >= base + 2 ? `/${resource.join("/")}` : undefined;
}

export async function replayExample(emu: TestEmulator, example: Example): Promise<ExampleResult> {
  const result = (passed: boolean, detail: string) => ({
    file: example.file,
    operationId: example.operationId,
    passed,
    detail,
  });
  const request = requestOf(example);
  if (!request) return result(false, `operation ${example.operationId} is not modelled by the emulator`);
  const expected = Object.keys(example.responses);
  const pre = new Prerequisites(emu, exampleLocation(request.body), request.body);
  try {
    const { values } = request;
    if (values.resourceGroupName) await pre.group(PROVIDER_SUBSCRIPTION_ID, values.resourceGroupName);
    const first = needed(request.op.method, request.path);
    if (first) await pre.ensure(first);
    for (const id of Prerequisites.referencedIds(request.body)) await pre.ensure(id);
  } catch (e) {
    return result(false, (e as Error).message);
  }
  const res = await emu.arm(
    PROVIDER_APP_ID,
    request.op.method,
    `${request.path}?api-version=${request.apiVersion}${request.query}`,
    request.body,
  );
  const passed = expected.includes(String(res.status));
  const error = res.body?.error ? ` ${res.body.error.code}: ${res.body.error.message}` : "";
  return result(passed, `${request.op.method} ${res.status} (documented ${expected.join("|")})${passed ? "" : error}`);
}

/** Every vendored example, each on the same starting state. */
export async function replayAll(emu: TestEmulator, examples = loadExamples()): Promise<ExampleResult[]> {
  const baseline = await emu.control.snapshot();
  const results: ExampleResult[] = [];
  for (const example of examples) {
    await emu.control.restore({ state: baseline });
    results.push(await replayExample(emu, example));
  }
  return results;
}
