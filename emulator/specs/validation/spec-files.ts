import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The vendored Azure OpenAPI (swagger 2.0) files under emulator/specs/openapi/, laid out as in
 * azure-rest-api-specs (`specification/...`) so their relative `$ref`s resolve unchanged. Files are read on first
 * use and kept; the operation index (method + path template + api-version → file) is built once, from JSON.parse
 * of each spec file (no dereferencing: refs are followed lazily, only for the operations that are validated).
 */
export const OPENAPI_DIR = fileURLToPath(new URL("../openapi/", import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SwaggerNode = Record<string, any>;

export interface SpecOperation {
  /** Repository-relative path of the spec file (`specification/...`). */
  file: string;
  apiVersion: string;
  method: string;
  pathTemplate: string;
  operationId: string;
  node: SwaggerNode;
}

const documents = new Map<string, SwaggerNode | null>();

/** A spec document by repository-relative path; null when it is not vendored. */
export function loadDocument(file: string): SwaggerNode | null {
  if (documents.has(file)) return documents.get(file)!;
  const abs = join(OPENAPI_DIR, file);
  const doc = existsSync(abs) ? (JSON.parse(readFileSync(abs, "utf8")) as SwaggerNode) : null;
  documents.set(file, doc);
  return doc;
}

/** Puts a document in place of (or beside) the vendored ones: for tests of the conversion rules. */
export function registerDocument(file: string, doc: SwaggerNode): void {
  documents.set(file, doc);
  index = undefined;
  found.clear();
}

/** Resolves `other.json#/definitions/X` (or `#/definitions/X`) seen in `file` to its file and JSON pointer. */
export function resolveRef(file: string, ref: string): { file: string; pointer: string } {
  const [target, pointer = ""] = ref.split("#");
  const resolved = target ? relative(OPENAPI_DIR, resolve(OPENAPI_DIR, dirname(file), target)) : file;
  return { file: resolved.split("\\").join("/"), pointer };
}

/** The node a JSON pointer names in a document, or undefined (a missing file or definition). */
export function nodeAt(file: string, pointer: string): SwaggerNode | undefined {
  const doc = loadDocument(file);
  if (!doc) return undefined;
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<SwaggerNode | undefined>((n, key) => n?.[key], doc);
}

/** `/Subscriptions/{subscriptionId}/resourcegroups/{name}` → `/subscriptions/{}/resourcegroups/{}`. */
export function normalizeTemplate(path: string): string {
  return path.replace(/\{[^}]+\}/g, "{}").toLowerCase();
}

const METHODS = ["get", "put", "post", "patch", "delete", "head"];
let index: Map<string, SpecOperation> | undefined;

function specFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) {
      if (name !== "examples") specFiles(abs, out);
    } else if (name.endsWith(".json")) out.push(abs);
  }
  return out;
}

function buildIndex(): Map<string, SpecOperation> {
  const map = new Map<string, SpecOperation>();
  const files = specFiles(join(OPENAPI_DIR, "specification")).map((abs) =>
    relative(OPENAPI_DIR, abs).split("\\").join("/"),
  );
  for (const file of new Set([...files, ...documents.keys()])) {
    const doc = loadDocument(file);
    const apiVersion = doc?.info?.version as string | undefined;
    if (!doc?.paths || !apiVersion || /common-types/.test(file)) continue;
    for (const [pathTemplate, item] of Object.entries(doc.paths as Record<string, SwaggerNode>)) {
      for (const method of METHODS) {
        const node = item[method] as SwaggerNode | undefined;
        if (!node) continue;
        const op = {
          file,
          apiVersion,
          method: method.toUpperCase(),
          pathTemplate,
          operationId: node.operationId,
          node,
        };
        for (const template of scopeExpansions(pathTemplate))
          map.set(operationKey(op.method, template, apiVersion), op);
      }
    }
  }
  return map;
}

/**
 * Extension-resource paths are published once under `/{scope}/…` (Cost Management's query); the emulator routes
 * them per scope it models, so such an operation is indexed under each of those scopes too (the `scope` parameter's
 * list in costmanagement.json: subscription, resource group, billing scopes, management group).
 */
const BILLING_ACCOUNT = "/providers/Microsoft.Billing/billingAccounts/{billingAccountId}";
const SCOPES = [
  "/subscriptions/{subscriptionId}",
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",
  BILLING_ACCOUNT,
  `${BILLING_ACCOUNT}/departments/{departmentId}`,
  `${BILLING_ACCOUNT}/enrollmentAccounts/{enrollmentAccountId}`,
  `${BILLING_ACCOUNT}/billingProfiles/{billingProfileId}`,
  `${BILLING_ACCOUNT}/billingProfiles/{billingProfileId}/invoiceSections/{invoiceSectionId}`,
  `${BILLING_ACCOUNT}/customers/{customerId}`,
  "/providers/Microsoft.Management/managementGroups/{managementGroupId}",
];
function scopeExpansions(template: string): string[] {
  if (!template.startsWith("/{scope}/")) return [template];
  return [template, ...SCOPES.map((scope) => scope + template.slice("/{scope}".length))];
}

export const operationKey = (method: string, template: string, apiVersion: string) =>
  `${method.toUpperCase()} ${normalizeTemplate(template)} ${apiVersion}`;

/** The spec operation for an emulator route template at an api-version, when a spec for it is vendored. */
export function findOperation(method: string, template: string, apiVersion: string): SpecOperation | undefined {
  index ??= buildIndex();
  const raw = `${method} ${template} ${apiVersion}`;
  if (!found.has(raw)) found.set(raw, index.get(operationKey(method, template, apiVersion)));
  return found.get(raw);
}
const found = new Map<string, SpecOperation | undefined>();

/** Every indexed operation (for tests and the refresh tool). */
export function allOperations(): SpecOperation[] {
  index ??= buildIndex();
  return [...index.values()];
}

/** The operation's parameters with `$ref`ed ones resolved (they may live in common-types). */
export function parametersOf(op: SpecOperation): { param: SwaggerNode; file: string }[] {
  const pathItem = loadDocument(op.file)?.paths?.[op.pathTemplate] as SwaggerNode | undefined;
  const raw = [...((pathItem?.parameters as SwaggerNode[]) ?? []), ...((op.node.parameters as SwaggerNode[]) ?? [])];
  return raw.map((p) => {
    if (!p.$ref) return { param: p, file: op.file };
    const target = resolveRef(op.file, p.$ref as string);
    return { param: nodeAt(target.file, target.pointer) ?? {}, file: target.file };
  });
}
