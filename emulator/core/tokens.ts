import { createHmac, timingSafeEqual } from "node:crypto";
import { ArmError } from "./errors.js";
import type { Principal } from "./state.js";

export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  oid: string;
  appid: string;
  sub: string;
  idtyp: "app";
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
const sign = (key: string, data: string) => createHmac("sha256", key).update(data).digest("base64url");

export const ARM_AUDIENCE = "https://management.azure.com/";
export const PARTNER_CENTER_AUDIENCE = "https://api.partnercenter.microsoft.com";
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";

export function issueToken(
  key: string,
  principal: Principal,
  issuerBase: string,
  lifetimeSeconds: number,
  options: { audience?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: TokenClaims = {
    aud: options.audience ?? ARM_AUDIENCE,
    iss: `${issuerBase}/${principal.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + lifetimeSeconds,
    tid: principal.tenantId,
    oid: principal.objectId,
    appid: principal.appId,
    sub: principal.objectId,
    idtyp: "app",
  };
  const head = b64({ alg: "HS256", typ: "JWT" });
  const body = b64(claims);
  return `${head}.${body}.${sign(key, `${head}.${body}`)}`;
}

/** The claims of a token this emulator signed and that has not expired (any audience), or undefined. */
export function readSignedToken(key: string, authorization: string | undefined): TokenClaims | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec((authorization ?? "").trim());
  const parts = match?.[1].split(".") ?? [];
  if (parts.length !== 3) return undefined;
  const expected = Buffer.from(sign(key, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as TokenClaims;
    return typeof claims.exp === "number" && claims.exp > Math.floor(Date.now() / 1000) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** ARM's bearer-token check, with ARM's 401 codes for each way a token can be wrong. */
export function verifyArmToken(key: string, authorization: string | undefined): TokenClaims {
  if (!authorization) {
    throw new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) {
    throw new ArmError(
      401,
      "AuthenticationFailed",
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
    );
  }
  const parts = match[1].split(".");
  const invalid = (why: string) =>
    new ArmError(401, "InvalidAuthenticationToken", `The received access token is not valid: ${why}.`);
  if (parts.length !== 3) throw new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
  const expected = Buffer.from(sign(key, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw invalid("signature validation failed");
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as TokenClaims;
  } catch {
    throw new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
  }
  if (claims.aud === PARTNER_CENTER_AUDIENCE || claims.aud === GRAPH_AUDIENCE) {
    throw new ArmError(
      401,
      "InvalidAuthenticationTokenAudience",
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'.`,
    );
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== "number" || claims.exp <= now) {
    const fmt = (s: number) =>
      new Date(s * 1000)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "");
    throw new ArmError(
      401,
      "ExpiredAuthenticationToken",
      `The access token expiry UTC time '${fmt(claims.exp)}' is earlier than current UTC time '${fmt(now)}'.`,
    );
  }
  return claims;
}
