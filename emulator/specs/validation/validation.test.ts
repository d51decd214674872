import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../testing.js";
import { startEmulator } from "../../server.js";
import { PROVIDER_APP_ID, PROVIDER_SUBSCRIPTION_ID } from "../../seed.js";
import { defineProvider } from "../../core/plugin.js";
import { wrapEmulator } from "../../testing.js";
import { registerDocument } from "./spec-files.js";
import { checkRequest, responseMismatch } from "./validate.js";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Issue 17 points 3 and 4: bodies read against the vendored spec of the api-version used, and replies checked
 * against it in tests. The conversion rules run on a small swagger document written the way Azure's are.
 */
const FILE = "specification/test/resource-manager/Microsoft.Test/stable/2099-01-01/test.json";
const PATH = "/subscriptions/{subscriptionId}/providers/Microsoft.Test/widgets/{widgetName}";
registerDocument(FILE, {
  swagger: "2.0",
  info: { version: "2099-01-01" },
  paths: {
    [PATH]: {
      put: {
        operationId: "Widgets_Create",
        parameters: [{ name: "parameters", in: "body", required: true, schema: { $ref: "#/definitions/Widget" } }],
        responses: { "200": { schema: { $ref: "#/definitions/Widget" } }, default: { description: "error" } },
      },
    },
  },
  definitions: {
    Widget: {
      required: ["properties"],
      properties: {
        id: { type: "string", readOnly: true },
        properties: { $ref: "#/definitions/WidgetProperties" },
      },
    },
    WidgetProperties: {
      required: ["size", "state"],
      properties: {
        size: { type: "integer" },
        color: { type: "string", enum: ["Red", "Blue"], "x-ms-enum": { name: "Color", modelAsString: true } },
        shape: { type: "string", enum: ["Round", "Square"], "x-ms-enum": { name: "Shape", modelAsString: false } },
        state: { type: "string", readOnly: true },
        note: { type: "string", "x-nullable": true },
        part: { $ref: "#/definitions/Part" },
      },
    },
    Part: {
      discriminator: "kind",
      required: ["kind"],
      properties: { kind: { type: "string" } },
    },
    Gear: {
      "x-ms-discriminator-value": "Gear",
      allOf: [{ $ref: "#/definitions/Part" }],
      required: ["teeth"],
      properties: { teeth: { type: "integer" } },
    },
  },
});

const put = (body: unknown) => checkRequest("PUT", PATH, "2099-01-01", body);
const refusal = (body: unknown) => {
  try {
    put(body);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  return undefined;
};

describe("request bodies against the spec", () => {
  it("names a missing required property and its parent path as Azure's deserializer does", () => {
    expect(refusal({})).toEqual({
      code: "InvalidRequestContent",
      message:
        "The request content was invalid and could not be deserialized: 'Required property 'properties' not found in JSON. Path ''.'",
    });
    expect(refusal({ properties: {} })?.message).toContain(
      "Required property 'size' not found in JSON. Path 'properties'.",
    );
  });

  it("ignores readOnly properties, including required ones and wrongly typed ones", () => {
    expect(refusal({ id: 42, properties: { size: 1, state: 7 } })).toBeUndefined();
  });

  it("refuses a wrong JSON type with the property's path", () => {
    expect(refusal({ properties: { size: "big" } })?.message).toContain(
      `Error converting value "big" to type 'System.Int32'. Path 'properties.size'.`,
    );
  });

  it("accepts any string for a modelAsString enum and refuses unknown values of a fixed one, ignoring case", () => {
    expect(refusal({ properties: { size: 1, color: "Green" } })).toBeUndefined();
    expect(refusal({ properties: { size: 1, shape: "square" } })).toBeUndefined();
    expect(refusal({ properties: { size: 1, shape: "Oval" } })?.message).toContain(
      `Error converting value "Oval" to type 'Shape'. Path 'properties.shape'.`,
    );
  });

  it("validates a polymorphic property against the type its discriminator names", () => {
    expect(refusal({ properties: { size: 1, part: { kind: "Gear", teeth: 12 } } })).toBeUndefined();
    expect(refusal({ properties: { size: 1, part: { kind: "Gear" } } })?.message).toContain(
      "Required property 'teeth' not found in JSON. Path 'properties.part'.",
    );
    expect(refusal({ properties: { size: 1, part: { kind: "Spring" } } })).toBeUndefined();
  });

  it("checks nothing for an api-version no vendored spec covers", () => {
    expect(checkRequest("PUT", PATH, "2098-01-01", {})).toBeUndefined();
  });
});

describe("replies against the spec", () => {
  it("names the first mismatch; x-nullable admits null; readOnly required properties count", () => {
    expect(responseMismatch("PUT", PATH, "2099-01-01", 200, { properties: { size: 1, state: "On", note: null } })).toBe(
      undefined,
    );
    expect(responseMismatch("PUT", PATH, "2099-01-01", 200, { properties: { size: 1 } })).toMatch(
      /Widgets_Create 200 .* properties: required property 'state' is missing/,
    );
    expect(responseMismatch("PUT", PATH, "2099-01-01", 202, {})).toMatch(/documents no 202 response/);
  });

  it("reads a null optional property as absent, as Azure's own examples send it, and a null required one as a wrong value", () => {
    expect(
      responseMismatch("PUT", PATH, "2099-01-01", 200, { id: null, properties: { size: 1, state: "On", color: null } }),
    ).toBeUndefined();
    expect(responseMismatch("PUT", PATH, "2099-01-01", 200, { properties: { size: null, state: "On" } })).toMatch(
      /properties\.size: must be integer/,
    );
  });
});

describe("the emulator with the vendored resource group spec (Microsoft.Resources 2025-04-01)", () => {
  let emu: TestEmulator;
  const group = `/subscriptions/${PROVIDER_SUBSCRIPTION_ID}/resourcegroups/spec-validation?api-version=2025-04-01`;
  beforeAll(async () => {
    emu = await startTestEmulator({ throttling: false });
  });
  afterAll(async () => {
    await emu?.close();
  });

  it("answers Azure's 400 for a body the spec refuses and accepts one it allows", async () => {
    const missing = await emu.arm(PROVIDER_APP_ID, "PUT", group, { tags: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("Required property 'location' not found in JSON. Path ''.");
    const wrongTag = await emu.arm(PROVIDER_APP_ID, "PUT", group, { location: "eastus", tags: { env: 1 } });
    expect(wrongTag.body.error).toMatchObject({ code: "InvalidRequestContent" });
    expect(wrongTag.body.error.message).toContain("Path 'tags.env'.");
    const created = await emu.arm(PROVIDER_APP_ID, "PUT", group, { location: "eastus", id: 12 });
    expect(created.status).toBe(201);
    // Replies were checked on the way out: a GET and a list match the spec too.
    expect((await emu.arm(PROVIDER_APP_ID, "GET", group)).status).toBe(200);
    expect(emu.emulator.responseMismatches()).toEqual([]);
  });

  it("turns a reply outside the spec into a 500 naming the mismatch, and records it", async () => {
    const broken = defineProvider({
      name: "broken",
      routes: [
        {
          method: "GET",
          path: "/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}",
          apiVersions: ["2025-04-01"],
          operation: "read",
          requiresResourceGroup: false,
          handler: () => ({ status: 200, body: { location: "eastus", name: "g", tags: { a: 1 } } }),
        },
      ],
    });
    const dataDir = await mkdtemp(join(tmpdir(), "emu-spec-"));
    const running = await startEmulator({ port: 0, dataDir, providers: [broken], validateResponses: true });
    const other = await wrapEmulator(running, dataDir, true);
    const res = await other.arm(PROVIDER_APP_ID, "GET", group);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("EmulatorResponseMismatch");
    expect(res.body.error.message).toMatch(/ResourceGroups_Get 200 .*tags\.a/);
    await expect(other.close()).rejects.toThrow(/outside its spec 1 time/);
  });
});

describe("replies read against the vendored files of this session", () => {
  const SUB = "/subscriptions/{subscriptionId}";
  it("checks subscriptions and locations against subscriptions.json 2022-12-01", () => {
    expect(responseMismatch("GET", `${SUB}/locations`, "2022-12-01", 200, { value: [{ type: "Nowhere" }] })).toMatch(
      /Subscriptions_ListLocations 200 .*value\[0\]\.type: must be one of Region, EdgeZone/,
    );
    expect(responseMismatch("GET", "/subscriptions", "2022-12-01", 200, {})).toMatch(/required property 'value'/);
    expect(responseMismatch("GET", SUB, "2022-12-01", 200, { subscriptionId: "s", state: "Enabled" })).toBeUndefined();
  });

  it("checks a storage account's network rules, identity and private endpoint connections against the whole shape", () => {
    const path = `${SUB}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}`;
    const account = (properties: unknown, extra = {}) =>
      responseMismatch("GET", path, "2026-09-01", 200, { name: "a1", properties, ...extra });
    expect(
      account({ networkAcls: { defaultAction: "Allow", ipRules: [{ value: "1.1.1.1", action: "Deny" }] } }),
    ).toMatch(/networkAcls\.ipRules\[0\]\.action: must be one of Allow/);
    expect(account({ privateEndpointConnections: [{ properties: {} }] })).toMatch(
      /required property 'privateLinkServiceConnectionState' is missing/,
    );
    expect(account({}, { identity: { principalId: "p" } })).toMatch(/required property 'type' is missing/);
  });
});
