import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referencesOf, SOURCES, trimExample, wantedPaths, type SourcesFile } from "./refresh-openapi.js";
import { extractOperations, extractText } from "./extract-openapi.js";
import { allOperations, OPENAPI_DIR } from "./validation/spec-files.js";

describe("vendored OpenAPI files", () => {
  const sources = JSON.parse(readFileSync(SOURCES, "utf8")) as SourcesFile;

  it("lists each vendored file with its commit, and each is a swagger 2.0 document", () => {
    expect(sources.files.length).toBeGreaterThan(0);
    for (const f of sources.files) {
      expect(f.commit, f.path).toMatch(/^[0-9a-f]{40}$/);
      const doc = JSON.parse(readFileSync(join(OPENAPI_DIR, f.path), "utf8")) as { swagger: string };
      expect(doc.swagger, f.path).toBe("2.0");
    }
  });

  it("re-reads every vendored extract from the path it was vendored from (refresh.ts --specs keeps it an extract)", () => {
    const wanted = new Set(wantedPaths(sources).map((w) => w.path));
    const extracts = sources.files.filter((f) => f.extract?.length);
    expect(extracts.length).toBeGreaterThan(0);
    for (const f of extracts) expect(wanted.has(f.path), `${f.path} is not where --specs reads it`).toBe(true);
  });

  it("indexes the operations of every vendored spec file by method, path and api-version", () => {
    const ops = allOperations().filter((o) => existsSync(join(OPENAPI_DIR, o.file)));
    expect(ops.map((o) => `${o.operationId}@${o.apiVersion}`)).toContain("ResourceGroups_CreateOrUpdate@2025-04-01");
  });
});

describe("refresh helpers", () => {
  it("follows $refs to other files and the x-ms-examples of modelled operations only", () => {
    const refs = referencesOf({
      paths: {
        "/a": {
          put: {
            operationId: "ResourceGroups_CreateOrUpdate",
            parameters: [{ $ref: "../../common-types/types.json#/parameters/ApiVersionParameter" }],
            "x-ms-examples": { create: { $ref: "./examples/CreateResourceGroup.json" } },
          },
          post: { operationId: "Widgets_Polish", "x-ms-examples": { p: { $ref: "./examples/Polish.json" } } },
        },
      },
      definitions: { A: { $ref: "#/definitions/B" } },
    });
    expect(refs.files).toEqual(["../../common-types/types.json"]);
    expect(refs.examples).toEqual([
      { operationId: "ResourceGroups_CreateOrUpdate", ref: "./examples/CreateResourceGroup.json" },
    ]);
  });

  it("keeps an example's parameters and documented status codes, not its response bodies", () => {
    const trimmed = trimExample(
      { parameters: { "api-version": "2025-04-01" }, responses: { "200": { body: { big: true } }, "201": {} } },
      "ResourceGroups_CreateOrUpdate",
      "specification/x/examples/CreateResourceGroup.json@abc",
    );
    expect(trimmed).toEqual({
      title: "CreateResourceGroup",
      operationId: "ResourceGroups_CreateOrUpdate",
      source: "specification/x/examples/CreateResourceGroup.json@abc",
      parameters: { "api-version": "2025-04-01" },
      responses: { "200": {}, "201": {} },
    });
  });
});

describe("extracts", () => {
  it("keeps the listed operations and what they reach across files, in the original order", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const docs = new Map<string, Record<string, any>>([
      [
        "a/x.json",
        {
          swagger: "2.0",
          paths: {
            "/w": {
              parameters: [{ $ref: "./y.json#/parameters/Api" }],
              get: { operationId: "W_Get", responses: { "200": { schema: { $ref: "#/definitions/W" } } } },
              delete: { operationId: "W_Delete", responses: { "200": {} } },
            },
            "/v": { get: { operationId: "V_Get", "x-ms-examples": { e: { $ref: "#/definitions/Unused" } } } },
          },
          definitions: {
            Unused: { type: "string" },
            Part: { type: "object" },
            W: { properties: { p: { $ref: "#/definitions/Part" }, s: { $ref: "./y.json#/definitions/Shared" } } },
          },
        },
      ],
      ["a/y.json", { paths: {}, definitions: { Shared: { type: "object" }, Other: {} }, parameters: { Api: {} } }],
    ]);
    const out = extractOperations(
      docs,
      new Map([
        ["a/x.json", ["W_Get", "V_Get"]],
        ["a/y.json", []],
      ]),
    );
    expect(out.get("a/x.json")).toEqual({
      swagger: "2.0",
      paths: {
        "/w": { parameters: docs.get("a/x.json")!.paths["/w"].parameters, get: docs.get("a/x.json")!.paths["/w"].get },
        "/v": docs.get("a/x.json")!.paths["/v"],
      },
      definitions: { Part: { type: "object" }, W: docs.get("a/x.json")!.definitions.W },
    });
    expect(Object.keys(out.get("a/x.json")!.definitions)).toEqual(["Part", "W"]);
    expect(out.get("a/y.json")).toEqual({
      paths: {},
      definitions: { Shared: { type: "object" } },
      parameters: { Api: {} },
    });
  });

  it("finds the Compute extract (VMs, images, sizes, usages) closed and minimal: re-extracting it changes no byte", () => {
    const sources = JSON.parse(readFileSync(SOURCES, "utf8")) as SourcesFile;
    const compute = sources.files.find((f) => f.path.endsWith("/2026-04-01/ComputeRP.json"))!;
    const text = readFileSync(join(OPENAPI_DIR, compute.path), "utf8");
    const out = extractOperations(
      new Map([[compute.path, JSON.parse(text) as Record<string, unknown>]]),
      new Map([[compute.path, compute.extract ?? []]]),
    );
    expect(extractText(out.get(compute.path)!)).toBe(text);
  });

  it("finds the vendored network extracts closed and minimal: re-extracting them changes no byte", () => {
    const sources = JSON.parse(readFileSync(SOURCES, "utf8")) as SourcesFile;
    const network = sources.files.filter((f) => f.path.includes("/Microsoft.Network/stable/2026-01-01/"));
    expect(network.length).toBe(6);
    const texts = new Map(network.map((f) => [f.path, readFileSync(join(OPENAPI_DIR, f.path), "utf8")]));
    const docs = new Map([...texts].map(([path, text]) => [path, JSON.parse(text) as Record<string, unknown>]));
    const out = extractOperations(docs, new Map(network.map((f) => [f.path, f.extract ?? []])));
    for (const f of network) expect(extractText(out.get(f.path)!), f.path).toBe(texts.get(f.path));
  });

  it("finds the network 2026-03-01 extracts (TypeSpec layout: virtualNetwork, loadBalancer, common) closed and minimal, the omitted definitions left out", () => {
    const sources = JSON.parse(readFileSync(SOURCES, "utf8")) as SourcesFile;
    const network = sources.files.filter((f) => f.path.includes("/Microsoft.Network/Network/stable/2026-03-01/"));
    expect(network.map((f) => f.path.split("/").pop()).sort()).toEqual([
      "common.json",
      "loadBalancer.json",
      "virtualNetwork.json",
    ]);
    const texts = new Map(network.map((f) => [f.path, readFileSync(join(OPENAPI_DIR, f.path), "utf8")]));
    const docs = new Map([...texts].map(([path, text]) => [path, JSON.parse(text) as Record<string, unknown>]));
    const out = extractOperations(
      docs,
      new Map(network.map((f) => [f.path, f.extract ?? []])),
      new Map(network.map((f) => [f.path, f.omit ?? []])),
    );
    for (const f of network) expect(extractText(out.get(f.path)!), f.path).toBe(texts.get(f.path));
    const vnet = docs.get(network.find((f) => f.path.endsWith("/virtualNetwork.json"))!.path) as {
      definitions: Record<string, unknown>;
    };
    for (const name of network.find((f) => f.path.endsWith("/virtualNetwork.json"))!.omit ?? [])
      expect(vnet.definitions[name], name).toBeUndefined();
  });

  it("does not follow a definition an extract omits", () => {
    const docs = new Map([
      [
        "x.json",
        {
          paths: {
            "/a": { get: { operationId: "A_Get", responses: { "200": { schema: { $ref: "#/definitions/A" } } } } },
          },
          definitions: { A: { properties: { b: { $ref: "#/definitions/B" } } }, B: { type: "object" } },
        },
      ],
    ]);
    const out = extractOperations(docs, new Map([["x.json", ["A_Get"]]]), new Map([["x.json", ["B"]]]));
    expect(Object.keys(out.get("x.json")!.definitions)).toEqual(["A"]);
  });
});
