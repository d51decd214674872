import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("/api/docs", () => {
  it("renders Scalar from the portal's own copy, pointed at the generated document, with nothing from a CDN", async () => {
    const page = await GET();
    const html = await page.text();
    expect(html).toContain('src="/scalar/standalone.js"');
    expect(html).toContain("/api/v1/openapi.json");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    // Its inline start-up script runs by hash, not by 'unsafe-inline' (issue 16).
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(existsSync(path.resolve(import.meta.dirname, "../../../public/scalar/standalone.js"))).toBe(true);
  });
});
