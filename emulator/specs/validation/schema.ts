import Ajv from "ajv-draft-04";
import type { ErrorObject, ValidateFunction } from "ajv-draft-04";
import { loadDocument, nodeAt, resolveRef, type SwaggerNode } from "./spec-files.js";

/**
 * Swagger 2.0 schemas → JSON Schema draft-04 for ajv, the way Azure's resource providers read bodies:
 * - request mode leaves out readOnly properties (Azure ignores them in requests) and their `required` entries;
 * - unknown properties are allowed (`additionalProperties: false` is not carried over: most RPs ignore extras);
 * - enums are checked case-insensitively, and only when `x-ms-enum.modelAsString` is not true (then any string goes);
 * - `x-nullable` admits null; in replies a null also stands for an absent optional property (one not `required` and
 *   not `x-nullable: false`), as Azure's own examples send it (Query_Usage's `nextLink: null`, `location: null`);
 * - a `$ref` to a polymorphic base (`discriminator`) validates against the derived definition whose
 *   `x-ms-discriminator-value` (or name) matches the value sent; an unknown value is read as the base type;
 * - formats, patterns and ranges are left to the RP handlers, which answer them with their own codes.
 * Definitions are registered once per mode under a synthetic id and compiled lazily, so a recursive model
 * (a subnet's NSG's subnets …) costs nothing until a request reaches it.
 */
export type Mode = "request" | "response";

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false, unicodeRegExp: false });
const ids = new Map<string, string>();

interface EnumKeyword {
  values: string[];
  name: string;
}
interface DiscriminatorKeyword {
  property: string;
  mapping: Record<string, string>;
}

ajv.addKeyword({
  keyword: "x-azure-enum",
  type: "string",
  schemaType: "object",
  errors: true,
  validate: function azureEnum(schema: EnumKeyword, data: string, _parent?: unknown, cxt?: { instancePath: string }) {
    if (schema.values.some((v) => v.toLowerCase() === data.toLowerCase())) return true;
    (azureEnum as { errors?: Partial<ErrorObject>[] }).errors = [
      {
        keyword: "x-azure-enum",
        instancePath: cxt?.instancePath ?? "",
        params: { name: schema.name, allowed: schema.values },
        message: `must be one of ${schema.values.join(", ")}`,
      },
    ];
    return false;
  },
});

ajv.addKeyword({
  keyword: "x-azure-discriminator",
  type: "object",
  schemaType: "object",
  errors: true,
  validate: function discriminate(
    schema: DiscriminatorKeyword,
    data: Record<string, unknown>,
    _parent?: unknown,
    cxt?: { instancePath: string },
  ) {
    const value = data[schema.property];
    const id = typeof value === "string" ? schema.mapping[value.toLowerCase()] : undefined;
    if (!id) return true;
    const validate = ajv.getSchema(id)!;
    if (validate(data)) return true;
    (discriminate as { errors?: Partial<ErrorObject>[] }).errors = (validate.errors ?? []).map((e) => ({
      ...e,
      instancePath: (cxt?.instancePath ?? "") + e.instancePath,
    }));
    return false;
  },
});

function isReadOnly(node: SwaggerNode, file: string): boolean {
  if (node.readOnly === true) return true;
  if (typeof node.$ref !== "string") return false;
  const t = resolveRef(file, node.$ref);
  return nodeAt(t.file, t.pointer)?.readOnly === true;
}

/** Definitions in `file` that derive (directly or not) from the definition at `pointer`. */
function descendants(file: string, pointer: string): { name: string; node: SwaggerNode }[] {
  const defs = (loadDocument(file)?.definitions ?? {}) as Record<string, SwaggerNode>;
  const found: { name: string; node: SwaggerNode }[] = [];
  const visit = (parentPointer: string) => {
    for (const [name, node] of Object.entries(defs)) {
      const parents = ((node.allOf as SwaggerNode[]) ?? []).filter((s) => typeof s.$ref === "string");
      const derives = parents.some((s) => {
        const t = resolveRef(file, s.$ref as string);
        return t.file === file && t.pointer === parentPointer;
      });
      if (derives && !found.some((f) => f.name === name)) {
        found.push({ name, node });
        visit(`/definitions/${name}`);
      }
    }
  };
  visit(pointer);
  return found;
}

function register(key: string, build: (id: string) => SwaggerNode): string {
  const known = ids.get(key);
  if (known) return known;
  const id = `https://emulator.invalid/spec/${ids.size}`;
  ids.set(key, id);
  // draft-04: the id keyword is `id`, and a `$ref` hides its siblings, so the body goes under allOf.
  ajv.addSchema({ id, allOf: [build(id)] });
  return id;
}

function definitionId(file: string, pointer: string, mode: Mode): string {
  return register(`${mode}|${file}#${pointer}`, () => convert(nodeAt(file, pointer) ?? {}, file, mode));
}

function polymorphicId(file: string, pointer: string, mode: Mode, property: string): string {
  return register(`${mode}|poly|${file}#${pointer}`, () => {
    const mapping: Record<string, string> = {};
    const base = nodeAt(file, pointer)!;
    const baseValue = (base["x-ms-discriminator-value"] as string | undefined) ?? pointer.split("/").pop()!;
    mapping[baseValue.toLowerCase()] = definitionId(file, pointer, mode);
    for (const d of descendants(file, pointer)) {
      const value = (d.node["x-ms-discriminator-value"] as string | undefined) ?? d.name;
      mapping[value.toLowerCase()] = definitionId(file, `/definitions/${d.name}`, mode);
    }
    return { allOf: [{ $ref: mapping[baseValue.toLowerCase()] }], "x-azure-discriminator": { property, mapping } };
  });
}

/** One swagger schema node (from `file`) as a draft-04 schema; `$ref`s become ids of registered definitions. */
export function convert(node: SwaggerNode, file: string, mode: Mode, inAllOf = false): SwaggerNode {
  if (!node || typeof node !== "object") return {};
  if (typeof node.$ref === "string") {
    const t = resolveRef(file, node.$ref);
    const target = nodeAt(t.file, t.pointer);
    if (!target) return {}; // a file or definition that is not vendored: nothing to check against
    const ref = {
      $ref:
        !inAllOf && typeof target.discriminator === "string"
          ? polymorphicId(t.file, t.pointer, mode, target.discriminator)
          : definitionId(t.file, t.pointer, mode),
    };
    return node["x-nullable"] === true ? { anyOf: [{ type: "null" }, ref] } : ref;
  }
  const out: SwaggerNode = {};
  if (typeof node.type === "string" && node.type !== "file") {
    out.type = node["x-nullable"] === true ? [node.type, "null"] : node.type;
  }
  if (node.properties && typeof node.properties === "object") {
    out.properties = {};
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    for (const [name, prop] of Object.entries(node.properties as Record<string, SwaggerNode>)) {
      if (mode === "request" && isReadOnly(prop, file)) continue;
      const converted = convert(prop, file, mode);
      const nullable = mode === "response" && !required.has(name) && prop["x-nullable"] !== false;
      // The converted schema first: when both fail, ajv's first error is the real mismatch, not "must be null".
      out.properties[name] = nullable ? { anyOf: [converted, { type: "null" }] } : converted;
    }
    out.type ??= node["x-nullable"] === true ? ["object", "null"] : "object";
  }
  if (Array.isArray(node.required)) {
    const props = (node.properties ?? {}) as Record<string, SwaggerNode>;
    const required = (node.required as string[]).filter(
      (name) => mode === "response" || !props[name] || !isReadOnly(props[name], file),
    );
    if (required.length) out.required = required;
  }
  if (node.items && typeof node.items === "object") out.items = convert(node.items as SwaggerNode, file, mode);
  if (node.additionalProperties && typeof node.additionalProperties === "object") {
    out.additionalProperties = convert(node.additionalProperties as SwaggerNode, file, mode);
  }
  if (Array.isArray(node.enum) && (node.type === undefined || node.type === "string")) {
    const xEnum = node["x-ms-enum"] as { name?: string; modelAsString?: boolean } | undefined;
    if (xEnum?.modelAsString !== true) {
      out["x-azure-enum"] = { values: (node.enum as unknown[]).map(String), name: xEnum?.name ?? "String" };
    }
  }
  if (Array.isArray(node.allOf)) {
    out.allOf = (node.allOf as SwaggerNode[]).map((s) => convert(s, file, mode, true));
  }
  return out;
}

const compiled = new Map<string, ValidateFunction>();

/** A compiled validator for a schema node of a spec file, cached under `key`. */
export function validatorFor(key: string, node: SwaggerNode, file: string, mode: Mode): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    const schema = convert(node, file, mode);
    validate = ajv.compile({ id: `https://emulator.invalid/op/${compiled.size}`, allOf: [schema] });
    compiled.set(key, validate);
  }
  return validate;
}
