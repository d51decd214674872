import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import { invalidPropertyType, requiredPropertyMissing, type ArmError } from "../../core/errors.js";
import { findOperation, parametersOf, type SpecOperation } from "./spec-files.js";
import { validatorFor } from "./schema.js";

/**
 * Requests and responses checked against the vendored spec of the api-version used (issue 17 points 3 and 4).
 * A route whose operation has no vendored spec at that api-version is not checked here (its own `bodySchema`,
 * if any, still applies).
 */
const TYPE_NAMES: Record<string, string> = {
  string: "System.String",
  integer: "System.Int32",
  number: "System.Double",
  boolean: "System.Boolean",
  object: "Object",
  array: "Array",
};

/** `/properties/ipConfigurations/0/name` → `properties.ipConfigurations[0].name` (Newtonsoft's JSON path). */
export function jsonPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), "");
}

function valueAt(body: unknown, instancePath: string): unknown {
  return instancePath
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (v, p) => (v as Record<string, unknown> | undefined)?.[p.replace(/~1/g, "/").replace(/~0/g, "~")],
      body,
    );
}

/** The error Azure's deserializer gives for the first problem ajv found. */
export function armErrorFor(body: unknown, e: ErrorObject): ArmError {
  const path = jsonPath(e.instancePath);
  if (e.keyword === "required") {
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    return requiredPropertyMissing(path ? `${path}.${missing}` : missing);
  }
  const value = valueAt(body, e.instancePath);
  if (e.keyword === "x-azure-enum") {
    return invalidPropertyType(path, value, (e.params as { name: string }).name);
  }
  const declared = (e.params as { type?: string | string[] }).type;
  const expected = (Array.isArray(declared) ? declared.find((t) => t !== "null") : declared) ?? "";
  return invalidPropertyType(path, value, TYPE_NAMES[expected] ?? expected);
}

function bodyParameter(op: SpecOperation) {
  return parametersOf(op).find((p) => p.param.in === "body" && p.param.schema);
}

/** Per route template and api-version: its spec operation and request validator, resolved once (null: none). */
const requestChecks = new Map<string, { op: SpecOperation; validate?: ValidateFunction } | null>();

function requestCheck(method: string, template: string, apiVersion: string) {
  const key = `${method} ${template} ${apiVersion}`;
  let check = requestChecks.get(key);
  if (check === undefined) {
    const op = findOperation(method, template, apiVersion);
    const param = op && bodyParameter(op);
    check = op
      ? {
          op,
          validate: param
            ? validatorFor(
                `request|${op.file}|${op.method} ${op.pathTemplate}`,
                param.param.schema,
                param.file,
                "request",
              )
            : undefined,
        }
      : null;
    requestChecks.set(key, check);
  }
  return check;
}

/**
 * Validates a request body against the spec of (method, route template, api-version). Returns undefined when no
 * spec is vendored for it; throws Azure's 400 for the first problem; otherwise returns the operation.
 */
export function checkRequest(
  method: string,
  template: string,
  apiVersion: string,
  body: unknown,
): SpecOperation | undefined {
  const check = requestCheck(method, template, apiVersion);
  if (!check) return undefined;
  if (check.validate && !check.validate(body)) throw armErrorFor(body, check.validate.errors![0]);
  return check.op;
}

/**
 * The mismatch between a response and the spec's schema for its status code (or `default` for errors), as one
 * readable line, or undefined when it matches or nothing is vendored for it.
 */
export function responseMismatch(
  method: string,
  template: string,
  apiVersion: string,
  status: number,
  body: unknown,
): string | undefined {
  const op = findOperation(method, template, apiVersion);
  if (!op) return undefined;
  const responses = (op.node.responses ?? {}) as Record<string, { schema?: Record<string, unknown> }>;
  const declared = responses[String(status)] ?? (status >= 400 ? responses.default : undefined);
  if (!declared) {
    if (status >= 400) return undefined;
    return `${op.operationId} (${op.file}) documents no ${status} response; it documents ${Object.keys(responses).join(", ")}`;
  }
  if (!declared.schema || body === undefined) return undefined;
  const validate = validatorFor(
    `response|${status}|${op.file}|${op.method} ${op.pathTemplate}`,
    declared.schema,
    op.file,
    "response",
  );
  if (validate(body)) return undefined;
  const e = validate.errors![0];
  const where = jsonPath(e.instancePath) || "(body)";
  const detail =
    e.keyword === "required"
      ? `required property '${String((e.params as { missingProperty: string }).missingProperty)}' is missing`
      : `${e.message ?? e.keyword} (got ${JSON.stringify(valueAt(body, e.instancePath)) ?? "nothing"})`;
  return `${op.operationId} ${status} at api-version ${apiVersion} does not match ${op.file}: ${where}: ${detail}`;
}
