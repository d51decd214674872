import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp";
import { inlineScriptHashes } from "./script-hashes";

const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "))!;

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the request's nonce, never inline without one", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy({ nonce });
    expect(scriptSrc(policy)).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(scriptSrc(contentSecurityPolicy({ nonce, isDev: true }))).toContain("'unsafe-eval'");
  });

  it("makes a new 16-byte nonce each time", () => {
    const [a, b] = [newNonce(), newNonce()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});

describe("inlineScriptHashes", () => {
  it("hashes inline scripts and skips those loaded by src", () => {
    const body = "\n  Scalar.createApiReference('#app', {})\n";
    const html = `<script src="/scalar/standalone.js"></script><script type="text/javascript">${body}</script>`;
    const expected = `sha256-${createHash("sha256").update(body).digest("base64")}`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
    expect(scriptSrc(contentSecurityPolicy({ scriptHashes: [expected] }))).toBe(`script-src 'self' '${expected}'`);
  });
});
