import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import { assertAddressesAllowed, normaliseAddress, resolveHost, TargetRefused, type AllowList } from "./address-policy";

export type PostResult = { ok: boolean; status: number | null; durationMs: number; error: string | null };

export const deliveryTimeoutMs = () => Number(process.env.WEBHOOKS_TIMEOUT_MS ?? 10_000);

/**
 * POSTs a signed body once. The host is resolved here, every address checked against the SSRF rule, and the
 * connection pinned to the checked address (the `lookup` below), so DNS cannot answer differently in between.
 * Redirects are not followed: a 3xx is a failure like any other non-2xx.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  allow: AllowList,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  let address: string;
  try {
    const addresses = await resolveHost(target.hostname);
    assertAddressesAllowed(target.hostname, addresses, allow);
    address = addresses[0];
  } catch (error) {
    const message =
      error instanceof TargetRefused ? error.message : `Could not resolve ${target.hostname}: ${errorText(error)}`;
    return { ok: false, status: null, durationMs: elapsed(), error: message };
  }
  const { family } = normaliseAddress(address);
  const pinned = (
    _host: string,
    options: { all?: boolean },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const fam = family === "ipv4" ? 4 : 6;
    if (options?.all) callback(null, [{ address, family: fam }]);
    else callback(null, address, fam);
  };
  return new Promise<PostResult>((done) => {
    let settled = false;
    const resolve = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(result);
    };
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "CloudPortal-Webhooks/1",
        },
        lookup: pinned as never,
        agent: false,
      },
      (response) => {
        response.resume(); // the body is not kept: status and timing are what the log shows
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve({ ok, status, durationMs: elapsed(), error: ok ? null : `The endpoint answered ${status}.` });
        });
        response.on("error", (error) =>
          resolve({ ok: false, status: response.statusCode ?? null, durationMs: elapsed(), error: errorText(error) }),
        );
      },
    );
    const timer = setTimeout(() => {
      const error = `No answer within ${deliveryTimeoutMs() / 1000} s.`;
      resolve({ ok: false, status: null, durationMs: elapsed(), error });
      request.destroy();
    }, deliveryTimeoutMs());
    request.on("error", (error) => {
      resolve({ ok: false, status: null, durationMs: elapsed(), error: errorText(error) });
    });
    request.end(body);
  });
}

function errorText(error: unknown) {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
