import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInput, NotFound } from "./errors";
import { boundId, parseBound, parseInput, urlSlug } from "./parse";

const schema = z.object({ name: z.string().min(1, "Enter a name."), notes: z.string().optional() });

const refusal = (input: FormData | Record<string, unknown>) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof InvalidInput) return error.fieldErrors;
    throw error;
  }
  throw new Error("accepted");
};

describe("parseInput", () => {
  it("refuses control characters in any field of a form, beside that field, with the schema's own errors", () => {
    const form = new FormData();
    form.set("name", "");
    form.set("notes", "line one\nline two\u0000");
    expect(refusal(form)).toEqual({
      notes: ["Remove the control characters (such as NUL or text-direction marks) from this field."],
      name: ["Enter a name."],
    });
  });

  it("refuses a text-direction override in a name that the schema alone would accept", () => {
    expect(Object.keys(refusal({ name: "fz\u202egnp.exe\u202c" }))).toEqual(["name"]);
  });

  it("accepts what the schema accepts when no field holds control characters", () => {
    expect(parseInput(schema, { name: "web-01", notes: "two\nlines" })).toEqual({
      name: "web-01",
      notes: "two\nlines",
    });
  });
});

describe("bound action arguments (issue 16)", () => {
  it("accepts ids and slugs as the portal writes them", () => {
    expect(boundId("cmf0k3x2b0000abcd1234efgh")).toBe("cmf0k3x2b0000abcd1234efgh");
    expect(parseBound(urlSlug, "contoso")).toBe("contoso");
  });

  it("treats anything else as naming nothing: an object, a NUL, a path, an empty string", () => {
    for (const value of [{ slug: "contoso" }, ["contoso"], "id\u0000", "../admin", "", 42, null])
      expect(() => boundId(value)).toThrow(NotFound);
    expect(() => parseBound(urlSlug, { toString: () => "contoso" })).toThrow(NotFound);
    expect(() => parseBound(urlSlug, "Contoso")).toThrow(NotFound);
  });
});
