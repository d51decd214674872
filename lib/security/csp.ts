/**
 * The portal's Content-Security-Policy. Scripts run only with this response's nonce (proxy.ts makes one per request;
 * Next puts it on its own bootstrap scripts), and 'strict-dynamic' lets those load the chunks they need: no
 * 'unsafe-inline' scripts (issue 16). Styles keep 'unsafe-inline': React writes style attributes. The dev server
 * needs 'unsafe-eval' for its refresh runtime.
 */
export function contentSecurityPolicy(opts: { nonce?: string; scriptHashes?: string[]; isDev?: boolean }) {
  const scripts = [
    "'self'",
    ...(opts.nonce ? [`'nonce-${opts.nonce}'`, "'strict-dynamic'"] : []),
    ...(opts.scriptHashes ?? []).map((hash) => `'${hash}'`),
    ...(opts.isDev ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce: 16 random bytes in base64. */
export function newNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
