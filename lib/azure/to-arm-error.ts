import { ArmError, parseRetryAfterMs } from "./errors";
import { redact, redactText } from "./redact";

type Headers = { get(name: string): string | undefined };
type ErrorBody = { code?: string; message?: string; details?: unknown; target?: string; additionalInfo?: unknown };
type Loose = Error & Record<string, unknown>;

const NETWORK_CODES = [
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
];
const NETWORK_TEXT = /socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|network|connection (?:reset|refused|closed)/i;
const MSAL_UNREACHABLE = /\b(?:endpoints_resolution_error|network_error|openid_config_error|no_network_connectivity)\b/;
const LRO_FAILED = /^The long-running operation has failed\. ([\w.-]+)\. ([\s\S]*)$/;

/** Converts anything an SDK call can throw into one ArmError (see errors.ts for how it is classified). */
export function toArmError(e: unknown): ArmError {
  if (e instanceof ArmError) return e;
  if (!(e instanceof Error))
    return new ArmError({ code: "UnexpectedError", message: redactText(String(e)), retryable: false });
  const err = e as Loose;
  if (err.name === "RestError") return fromRestError(err);
  if (["AuthenticationError", "AuthenticationRequiredError", "CredentialUnavailableError"].includes(err.name))
    return fromIdentityError(err);
  const lro = LRO_FAILED.exec(err.message);
  if (lro) return new ArmError({ code: lro[1], message: lro[2] });
  if (isNetworkError(err)) return networkError(err);
  return new ArmError({ code: "UnexpectedError", message: redactText(err.message), retryable: false });
}

function parseBody(text: unknown): { body?: ErrorBody; raw?: unknown } {
  if (typeof text !== "string" || !text) return {};
  try {
    const json = JSON.parse(text) as { error?: ErrorBody } & ErrorBody;
    // Compute's throttling answer sometimes comes without the outer `error` wrapper.
    const body = json?.error ?? (json?.code ? json : undefined);
    return { body, raw: redact(json) };
  } catch {
    return {};
  }
}

function fromRestError(err: Loose): ArmError {
  const response = err.response as { status?: number; headers?: Headers; bodyAsText?: string | null } | undefined;
  const request = err.request as { headers?: Headers } | undefined;
  const status = (err.statusCode as number | undefined) ?? response?.status;
  if (!status || status < 0) return networkError(err);
  const headers = response?.headers;
  const { body, raw } = parseBody(response?.bodyAsText);
  const code = body?.code ?? (typeof err.code === "string" ? err.code : undefined) ?? `Http${status}`;
  return new ArmError({
    status,
    code,
    message: redactText(body?.message ?? err.message),
    requestId: headers?.get("x-ms-request-id") ?? headers?.get("x-ms-routing-request-id"),
    correlationId: headers?.get("x-ms-correlation-request-id") ?? request?.headers?.get("x-ms-correlation-request-id"),
    retryAfterMs: headers ? parseRetryAfterMs(headers) : undefined,
    details: body?.details ? redact(body.details) : undefined,
    raw: raw ?? { error: { code, message: redactText(body?.message ?? err.message) } },
  });
}

/** Entra ID answers `AADSTS7000215: Invalid client secret…\r\nTrace ID: …`; keep the code and the first sentence block. */
function fromIdentityError(err: Loose): ArmError {
  const response = err.errorResponse as
    | { error?: string; errorDescription?: string; errorCodes?: number[]; correlationId?: string; traceId?: string }
    | undefined;
  const cause = err.cause as
    | {
        errorCode?: string | { code?: string; message?: string };
        errorMessage?: string;
        correlationId?: string;
        subError?: string;
        status?: number;
      }
    | undefined;
  // MSAL's errorCode is the OAuth `error` string; from an endpoint that answered a non-OAuth error body (a gateway's
  // 503) it is that body's `error` object.
  const causeError = typeof cause?.errorCode === "object" ? cause.errorCode : undefined;
  const causeCode = typeof cause?.errorCode === "string" ? cause.errorCode : causeError?.code;
  const text = response?.errorDescription ?? causeError?.message ?? cause?.errorMessage ?? err.message;
  const aadsts = /AADSTS(\d+)/.exec(text) ?? /AADSTS(\d+)/.exec(err.message);
  const oauthError = response?.error ?? (causeCode && causeCode !== "unknown" ? causeCode : undefined);
  const status =
    typeof err.statusCode === "number" ? err.statusCode : typeof cause?.status === "number" ? cause.status : undefined;
  const message = redactText(text.split(/\r?\n|Trace ID:/)[0].trim()) || "Could not sign in to Microsoft Entra ID.";
  // A sign-in endpoint that could not be reached (MSAL's discovery or token request found no answer, named by these
  // codes rather than a status) or answered 5xx: an outage to wait out, not a rejection of the principal.
  const unreachable =
    MSAL_UNREACHABLE.test(`${causeCode ?? ""} ${err.message}`) ||
    (!oauthError && NETWORK_TEXT.test(`${text} ${causeCode ?? ""}`));
  if (!aadsts && (unreachable || (status !== undefined && status >= 500))) {
    return new ArmError({
      status,
      code: status ? (oauthError ?? `Http${status}`) : "NetworkError",
      message: `Could not reach the sign-in endpoint: ${status ? `HTTP ${status}, ` : ""}${message}`,
      correlationId: response?.correlationId ?? cause?.correlationId,
      retryable: true,
    });
  }
  const code = aadsts ? `AADSTS${aadsts[1]}` : (oauthError ?? err.name);
  return new ArmError({
    status,
    code,
    message,
    correlationId: response?.correlationId ?? cause?.correlationId,
    retryable: status !== undefined && status >= 500,
    details: oauthError
      ? { error: oauthError, errorCodes: response?.errorCodes, traceId: response?.traceId }
      : undefined,
    raw: redact({ error: oauthError, error_description: message, error_codes: response?.errorCodes }),
  });
}

function isNetworkError(err: Loose): boolean {
  const code = typeof err.code === "string" ? err.code : "";
  return NETWORK_CODES.includes(code) || code === "REQUEST_SEND_ERROR" || NETWORK_TEXT.test(err.message);
}

function networkError(err: Loose): ArmError {
  const code = typeof err.code === "string" && err.code ? err.code : "NetworkError";
  return new ArmError({
    code,
    message: `Could not reach Azure Resource Manager: ${redactText(err.message)}`,
    retryable: true,
  });
}
