import { ApiReference } from "@scalar/nextjs-api-reference";

export const dynamic = "force-static";

/**
 * The API reference page, rendered by Scalar from the generated document. Its script is served from public/scalar
 * (standalone.js of @scalar/api-reference 1.76.4): the default CDN is unreachable from many providers' networks and
 * would break the portal's Content-Security-Policy.
 */
export const GET = ApiReference({
  url: "/api/v1/openapi.json",
  cdn: "/scalar/standalone.js",
  pageTitle: "Portal API reference",
  telemetry: false,
  showDeveloperTools: "never",
  withDefaultFonts: false,
  agent: { disabled: true },
});
