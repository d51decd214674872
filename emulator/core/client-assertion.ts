import { constants, verify, X509Certificate } from "node:crypto";
import type { AppCertificate, Principal } from "./state.js";

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const DOCS =
  "Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .";

/** Why Entra refused a client assertion: its AADSTS code and text (all are invalid_client). */
export type AssertionFailure = { code: number; text: string };

type Header = { alg?: string; typ?: string; x5t?: string; "x5t#S256"?: string };
type Claims = { aud?: unknown; iss?: unknown; sub?: unknown; exp?: unknown; nbf?: unknown; jti?: unknown };

/** Entra's timestamps in AADSTS700024: seven fractional digits. */
const entraTime = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
const keyDates = (c: AppCertificate) => {
  const us = (iso: string) => {
    const d = new Date(iso);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  };
  return `Found key 'Start=${us(c.startDateTime)}, End=${us(c.endDateTime)}'`;
};

function decode<T>(part: string): T | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return value && typeof value === "object" ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a client assertion (private_key_jwt) as the Microsoft identity platform documents it: an RS256 or PS256 JWT
 * whose header names the certificate by x5t (SHA-1) or x5t#S256 (SHA-256) thumbprint, with aud = this tenant's token
 * endpoint, iss = sub = the client id, a jti, and nbf/exp around now; signed by the private key of a certificate
 * registered on the app and not expired. Returns the failure Entra answers with, or undefined when it is good.
 */
export function checkClientAssertion(
  app: Principal,
  clientId: string,
  assertion: string,
  audiences: string[],
  nowSeconds = Math.floor(Date.now() / 1000),
): AssertionFailure | undefined {
  const malformed = { code: 50027, text: "JWT token is invalid or malformed." };
  const parts = assertion.split(".");
  if (parts.length !== 3) return malformed;
  const header = decode<Header>(parts[0]);
  const claims = decode<Claims>(parts[1]);
  if (!header || !claims) return malformed;
  const x5t = header["x5t#S256"] ?? header.x5t;
  if (!x5t) return { code: 50027, text: "Invalid JWT token. No certificate thumbprint specified in token header." };
  if (header.alg !== "RS256" && header.alg !== "PS256")
    return { code: 50027, text: `Invalid JWT token. The algorithm '${String(header.alg)}' is not supported.` };
  if (typeof claims.jti !== "string" || !claims.jti) return malformed;
  if (claims.iss !== clientId || claims.sub !== clientId)
    return {
      code: 700021,
      text: `Client assertion application identifier doesn't match 'client_id' parameter. ${DOCS}`,
    };
  const aud = String(claims.aud ?? "").toLowerCase();
  if (!audiences.some((a) => a.toLowerCase() === aud))
    return { code: 700023, text: `Client assertion audience claim does not match Realm issuer. ${DOCS}` };
  const exp = typeof claims.exp === "number" ? claims.exp : 0;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : 0;
  // Entra tolerates a few minutes of clock skew on nbf; an assertion past its exp is refused.
  if (exp <= nowSeconds || nbf > nowSeconds + 300)
    return {
      code: 700024,
      text: `Client assertion is not within its valid time range. Current time: ${entraTime(nowSeconds)}, assertion valid from ${entraTime(nbf)}, expiry time of assertion ${entraTime(exp)}. ${DOCS}`,
    };

  let hex: string;
  try {
    hex = Buffer.from(x5t, "base64url").toString("hex").toUpperCase();
  } catch {
    return malformed;
  }
  const sha256 = Boolean(header["x5t#S256"]);
  const cert = (app.certificates ?? []).find((c) => (sha256 ? c.thumbprintSha256 : c.thumbprint) === hex);
  const keyInfo = `Thumbprint of key used by client: '${hex}'`;
  if (!cert)
    return {
      code: 700027,
      text: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., ${keyInfo}, Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.appId}'.]`,
    };
  if (Date.parse(cert.endDateTime) <= nowSeconds * 1000 || Date.parse(cert.startDateTime) > nowSeconds * 1000)
    return {
      code: 700027,
      text: `Client assertion contains an invalid signature. [Reason - The key used is expired., ${keyInfo}, ${keyDates(cert)}]`,
    };
  const publicKey = new X509Certificate(cert.certificate).publicKey;
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], "base64url");
  const good =
    header.alg === "RS256"
      ? verify("RSA-SHA256", data, publicKey, signature)
      : verify(
          "sha256",
          data,
          { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
          signature,
        );
  if (!good)
    return {
      code: 700027,
      text: `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., ${keyInfo}, ${keyDates(cert)}]`,
    };
  return undefined;
}
