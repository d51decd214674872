import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referencesOf, SOURCES, trimExample, type SourcesFile } from "./refresh-openapi.js";
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
