import { describe, expect, it } from "vitest";
import { ArmError } from "./errors.js";
import { checkBody, dropNulls, s } from "./request-schema.js";

const schema = s.obj({
  location: s.str,
  properties: s.obj(
    { priority: s.int, rules: s.arr(s.obj({ name: s.str, properties: s.obj({ port: s.int }, ["port"]) })) },
    ["priority"],
  ),
});

function refusal(body: Record<string, unknown>): ArmError {
  try {
    checkBody(schema, body);
  } catch (e) {
    return e as ArmError;
  }
  throw new Error("expected the body to be refused");
}

describe("request body shapes", () => {
  it("accepts a body of the right shape, with properties the shape does not name", () => {
    expect(() => checkBody(schema, { location: "eastus", extra: 1, properties: { priority: 100 } })).not.toThrow();
  });

  it("names a missing required property by its JSON path, as ARM's deserializer does", () => {
    const e = refusal({ properties: { rules: [{ name: "r1", properties: {} }], priority: 1 } });
    expect(e.status).toBe(400);
    expect(e.code).toBe("InvalidRequestContent");
    expect(e.message).toContain("Required property 'port' not found in JSON. Path 'properties.rules[0].properties'.");
    expect(() => checkBody(schema, {})).not.toThrow();
    expect(refusal({ properties: {} }).message).toContain(
      "Required property 'priority' not found in JSON. Path 'properties'.",
    );
  });

  it("names a property of the wrong type with the value sent", () => {
    expect(refusal({ location: { x: 1 }, properties: { priority: 1 } }).message).toContain(
      `Error converting value {"x":1} to type 'System.String'. Path 'location'.`,
    );
    expect(refusal({ properties: { priority: "high" } }).message).toContain(
      `Error converting value "high" to type 'System.Int32'. Path 'properties.priority'.`,
    );
  });

  it("reads JSON nulls as absent properties, keeping nulls inside arrays for the type check", () => {
    expect(dropNulls({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({
      b: { d: 1 },
      e: [null, {}],
    });
    expect(refusal({ properties: { priority: 1, rules: [null] } }).message).toContain(
      "Error converting value {null} to type 'Object'. Path 'properties.rules[0]'.",
    );
  });
});
