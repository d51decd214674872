import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { requestIdFor } from "@/lib/observability/request-id";

/**
 * One nonce per request for the Content-Security-Policy (lib/security/csp.ts). Next reads the policy from the request
 * headers and puts the nonce on its scripts; the root layout reads x-nonce for the theme script. Every page is
 * therefore rendered per request, which the portal's pages are anyway (they read the session).
 */
export function proxy(request: NextRequest) {
  // The API reference sets its own policy: a static page whose one inline script is allowed by its hash.
  if (request.nextUrl.pathname === "/api/docs") return NextResponse.next();
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  // One id per request for the logs (lib/observability), answered back so a user can quote it.
  const requestId = requestIdFor(request.headers.get("x-request-id"));
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|scalar/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
