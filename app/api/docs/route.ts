import { ApiReference } from "@scalar/nextjs-api-reference";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { inlineScriptHashes } from "@/lib/security/script-hashes";

export const dynamic = "force-static";

/**
 * The API reference page, rendered by Scalar from the generated document. Its script is served from public/scalar
 * (standalone.js of @scalar/api-reference 1.76.4): the default CDN is unreachable from many providers' networks and
 * would break the portal's Content-Security-Policy.
 */
const reference = ApiReference({
  url: "/api/v1/openapi.json",
  cdn: "/scalar/standalone.js",
  pageTitle: "Portal API reference",
  telemetry: false,
  showDeveloperTools: "never",
  withDefaultFonts: false,
  agent: { disabled: true },
});

/** The page's one inline script (Scalar's start-up call) is allowed by its hash: no 'unsafe-inline' (issue 16). */
export async function GET() {
  const page = await reference();
  const html = await page.text();
  return new Response(html, {
    headers: {
      "content-type": page.headers.get("content-type") ?? "text/html; charset=utf-8",
      "content-security-policy": contentSecurityPolicy({ scriptHashes: inlineScriptHashes(html) }),
    },
  });
}
