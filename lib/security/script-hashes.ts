import { createHash } from "node:crypto";

/** CSP hash sources ('sha256-…') for each inline <script> of a page whose HTML is fixed, such as the API reference. */
export function inlineScriptHashes(html: string) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `sha256-${createHash("sha256").update(body).digest("base64")}`,
  );
}
