import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("/api/docs", () => {
  it("renders Scalar from the portal's own copy, pointed at the generated document, with nothing from a CDN", async () => {
    const html = await GET().text();
    expect(html).toContain('src="/scalar/standalone.js"');
    expect(html).toContain("/api/v1/openapi.json");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(existsSync(path.resolve(import.meta.dirname, "../../../public/scalar/standalone.js"))).toBe(true);
  });
});
