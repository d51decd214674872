import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./app";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("passes Spectral's OAS ruleset with no errors", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "openapi-"));
    const file = path.join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(doc));
    try {
      const bin = path.join(root, "node_modules/.bin/spectral");
      const result = await run(bin, ["lint", file, "-r", path.join(root, ".spectral.yaml"), "-F", "error"], {
        cwd: root,
      }).catch((error: { stdout: string; code: number }) => error);
      expect("code" in result ? result.stdout : "").toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("documents every operation: id, summary, tags, a bearer token and a problem for each error status", () => {
    const operations = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.entries(item as Record<string, Record<string, unknown>>).map(([method, op]) => ({ p, method, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(15);
    for (const { p, method, op } of operations) {
      const where = `${method.toUpperCase()} ${p}`;
      expect(op.operationId, where).toBeTruthy();
      expect(op.summary, where).toBeTruthy();
      expect(op.tags, where).toHaveLength(1);
      expect(op.security, where).toEqual([{ bearerAuth: [] }]);
      const responses = op.responses as Record<string, { content?: Record<string, unknown> }>;
      for (const status of ["401", "429", "500"]) expect(responses[status], `${where} ${status}`).toBeTruthy();
      for (const [status, response] of Object.entries(responses))
        if (Number(status) >= 400)
          expect(Object.keys(response.content ?? {}), where).toEqual(["application/problem+json"]);
      // Mutations that enqueue work answer 202; synchronous ones (a plan edit, a role change) their 200/201/204.
      if (method !== "get")
        expect(
          ["200", "201", "202", "204"].some((s) => responses[s]),
          where,
        ).toBe(true);
    }
  });

  it("describes the create-VM body from the form's schema", () => {
    const schema = (doc.components?.schemas as Record<string, { properties: Record<string, { type?: unknown }> }>)
      .CreateVm;
    expect(schema.properties.count).toMatchObject({ maximum: 50 });
    expect(schema.properties.publicIp.type).toBe("boolean");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["tenantSubscriptionId", "region", "image", "size", "name", "adminUsername"]),
    );
  });
});
