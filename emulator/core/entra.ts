import type { IncomingMessage } from "node:http";
import { checkClientAssertion, JWT_BEARER } from "./client-assertion.js";
import { newGuid } from "./ids.js";
import { GRAPH_AUDIENCE, issueToken, PARTNER_CENTER_AUDIENCE } from "./tokens.js";
import type { Store } from "./store.js";
import type { Directory } from "./state.js";
import type { Reply } from "./plugin.js";

export interface EntraConfig {
  baseUrl: string;
  tokenLifetimeSeconds: number;
}

/** Entra's error body: AADSTS code, trace/correlation lines in the description (LEARN client-creds flow). */
function aadError(status: number, error: string, code: number, text: string, correlationId: string): Reply {
  const traceId = newGuid();
  const now = new Date();
  const stamp = now
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "Z");
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${stamp}`,
      error_codes: [code],
      timestamp: stamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

/** Partner Center's and Graph's tokens carry their own audiences; every other scope gets ARM's. */
function audienceOf(scope: string | null): string | undefined {
  const lower = scope?.toLowerCase() ?? "";
  if (lower.startsWith(PARTNER_CENTER_AUDIENCE)) return PARTNER_CENTER_AUDIENCE;
  return lower.startsWith(`${GRAPH_AUDIENCE}/`) ? GRAPH_AUDIENCE : undefined;
}

function findDirectory(store: Store, tenant: string): Directory | undefined {
  const lower = tenant.toLowerCase();
  return Object.values(store.state.directories).find(
    (d) => d.tenantId.toLowerCase() === lower || d.domain.toLowerCase() === lower,
  );
}

const ENTRA_PATH =
  /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token|discovery\/v2\.0\/keys|discovery\/instance)$/i;

/** Handles Entra ID endpoints; returns undefined when the path is not an Entra path. */
export function handleEntra(
  store: Store,
  config: EntraConfig,
  req: IncomingMessage,
  path: string,
  rawBody: string,
): Reply | undefined {
  const m = ENTRA_PATH.exec(path);
  if (!m) return undefined;
  const [, tenant, endpoint] = m;
  const correlationId = String(req.headers["client-request-id"] ?? newGuid());
  const kind = endpoint.toLowerCase();
  if (kind === "discovery/instance") {
    const host = new URL(config.baseUrl).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${config.baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }
  const dir =
    tenant.toLowerCase() === "common" || tenant.toLowerCase() === "organizations"
      ? undefined
      : findDirectory(store, tenant);
  const tenantNotFound = () =>
    aadError(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      correlationId,
    );
  if (kind === "discovery/v2.0/keys") return { status: 200, body: { keys: [] } };
  if (kind.startsWith("v2.0")) {
    if (!dir && !/^(common|organizations)$/i.test(tenant)) return tenantNotFound();
    const t = dir?.tenantId ?? tenant;
    return {
      status: 200,
      body: {
        token_endpoint: `${config.baseUrl}/${t}/oauth2/v2.0/token`,
        authorization_endpoint: `${config.baseUrl}/${t}/oauth2/v2.0/authorize`,
        issuer: `${config.baseUrl}/${t}/v2.0`,
        jwks_uri: `${config.baseUrl}/${t}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        tenant_region_scope: "NA",
        cloud_instance_name: "microsoftonline.com",
      },
    };
  }
  if (req.method !== "POST") return { status: 405, body: { error: "invalid_request" } };
  if (!dir) return tenantNotFound();
  const form = new URLSearchParams(rawBody);
  let clientId = form.get("client_id") ?? "";
  let secret = form.get("client_secret") ?? "";
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ""));
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    clientId = decodeURIComponent(id);
    secret = decodeURIComponent(rest.join(":"));
  }
  if (form.get("grant_type") !== "client_credentials") {
    return aadError(
      400,
      "unsupported_grant_type",
      70003,
      "The app requested an unsupported grant type.",
      correlationId,
    );
  }
  // A multi-tenant app signs in to a customer's directory through its service principal there; the secret is the app's.
  const principal = store.findPrincipalIn(clientId, dir.tenantId);
  const app = principal?.homeTenantId ? store.findPrincipalByAppId(clientId) : principal;
  if (!principal || !app) {
    return aadError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${dir.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      correlationId,
    );
  }
  const assertion = form.get("client_assertion");
  if (assertion !== null || form.get("client_assertion_type") !== null) {
    // A certificate credential (private_key_jwt): the assertion is checked against the app's certificates.
    if (form.get("client_assertion_type") !== JWT_BEARER || !assertion)
      return aadError(
        400,
        "invalid_request",
        900144,
        `The request body must contain the following parameter: 'client_assertion_type' with the value '${JWT_BEARER}' and a 'client_assertion'.`,
        correlationId,
      );
    const audiences = [dir.tenantId, tenant].flatMap((t) => [
      `${config.baseUrl}/${t}/oauth2/v2.0/token`,
      `${config.baseUrl}/${t}/oauth2/token`,
    ]);
    const failure = checkClientAssertion(app, clientId || principal.appId, assertion, audiences);
    if (failure) return aadError(401, "invalid_client", failure.code, failure.text, correlationId);
  } else if (!secret || secret !== app.secret) {
    return aadError(
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.appId}'.`,
      correlationId,
    );
  }
  const token = issueToken(store.state.signingKey, principal, config.baseUrl, config.tokenLifetimeSeconds, {
    audience: audienceOf(form.get("scope")),
  });
  return {
    status: 200,
    body: {
      token_type: "Bearer",
      expires_in: config.tokenLifetimeSeconds,
      ext_expires_in: config.tokenLifetimeSeconds,
      access_token: token,
    },
  };
}
