import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInput } from "./errors";
import { parseInput } from "./parse";

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
