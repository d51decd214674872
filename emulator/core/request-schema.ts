import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { invalidPropertyType, requiredPropertyMissing } from "./errors.js";
import type { JsonBody } from "./plugin.js";

/**
 * Request bodies are read the way Azure's resource providers deserialize them before any business rule runs:
 * a property of the wrong JSON type or a missing required one is a 400 InvalidRequestContent naming its JSON
 * path, so handlers never see (and never echo) `undefined`, `null` or `[object Object]` (issue 17 point 8).
 * A JSON null is read as an absent property (Newtonsoft semantics for reference types), except in PATCH bodies,
 * where null means "remove".
 */
export type JsonSchema = Record<string, unknown>;

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

const TYPE_NAMES: Record<string, string> = {
  string: "System.String",
  integer: "System.Int32",
  number: "System.Double",
  boolean: "System.Boolean",
  object: "Object",
  array: "Array",
};

function jsonPath(instancePath: string): string {
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

function toArmError(body: unknown, e: ErrorObject) {
  const path = jsonPath(e.instancePath);
  if (e.keyword === "required") {
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    return requiredPropertyMissing(path ? `${path}.${missing}` : missing);
  }
  const expected = String((e.params as { type?: string }).type ?? "");
  return invalidPropertyType(path, valueAt(body, e.instancePath), TYPE_NAMES[expected] ?? expected);
}

/** Removes null-valued properties (recursively) so handlers read them as absent. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
    return out;
  }
  return value;
}

/** Validates a body against a route's schema; throws the ARM error for the first problem. */
export function checkBody(schema: JsonSchema, body: JsonBody): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(body)) throw toArmError(body, validate.errors![0]);
}

/** Small builders for the route schemas: types only, plus the properties Azure requires. */
export const s = {
  str: { type: "string" },
  int: { type: "integer" },
  num: { type: "number" },
  bool: { type: "boolean" },
  any: {},
  obj(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
    return { type: "object", properties, ...(required.length ? { required } : {}) };
  },
  arr(items: JsonSchema): JsonSchema {
    return { type: "array", items };
  },
  map(values: JsonSchema): JsonSchema {
    return { type: "object", additionalProperties: values };
  },
  /** A sub-resource reference `{ id }`. */
  ref: { type: "object", properties: { id: { type: "string" } } } as JsonSchema,
};
