import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  RestError,
  type Pipeline,
} from "@azure/core-rest-pipeline";

export type RawResponse = { status: number; headers: { get(name: string): string | undefined }; body: unknown };

export type ArmRest = {
  /** GET one JSON document. */
  get<T>(path: string, apiVersion: string): Promise<T>;
  /** GET an absolute URL Azure handed us (an operation-status or Location URL, api-version included): status, headers, JSON body. */
  getUrl(url: string): Promise<RawResponse>;
  /** GET every item of a `{ value, nextLink }` list, following nextLink. */
  list<T>(path: string, apiVersion: string): Promise<T[]>;
  /** POST a JSON body to a path (with api-version) or to an absolute URL Azure handed us (a query's nextLink). */
  post<T>(pathOrUrl: string, apiVersion: string | null, body: unknown): Promise<T>;
};

const httpClient = createDefaultHttpClient();

/**
 * JSON calls through an SDK client's pipeline (token, retry, pacing, observer, TLS), for ARM endpoints no installed
 * package covers: `@azure/arm-resources` 8 dropped subscriptions and locations.
 */
export function createArmRest(pipeline: Pipeline, endpoint: string): ArmRest {
  async function sendRaw(url: string, body?: unknown): Promise<RawResponse> {
    const request = createPipelineRequest({
      url,
      method: body === undefined ? "GET" : "POST",
      headers: createHttpHeaders({
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const response = await pipeline.sendRequest(httpClient, request);
    if (response.status >= 400) {
      let code: string | undefined;
      let message = `Unexpected status code: ${response.status}`;
      try {
        const body = JSON.parse(response.bodyAsText ?? "") as { error?: { code?: string; message?: string } };
        code = body.error?.code;
        message = body.error?.message ?? message;
      } catch {
        // not JSON: keep the status line
      }
      throw new RestError(message, { code, statusCode: response.status, request, response });
    }
    return {
      status: response.status,
      headers: { get: (name) => response.headers.get(name) },
      body: response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined,
    };
  }
  const send = async <T>(url: string): Promise<T> => ((await sendRaw(url)).body ?? {}) as T;
  const urlFor = (path: string, apiVersion: string) =>
    `${endpoint}${path}${path.includes("?") ? "&" : "?"}api-version=${apiVersion}`;
  return {
    get: (path, apiVersion) => send(urlFor(path, apiVersion)),
    getUrl: (url) => sendRaw(url),
    async post<T>(pathOrUrl: string, apiVersion: string | null, body: unknown) {
      const url = apiVersion === null ? pathOrUrl : urlFor(pathOrUrl, apiVersion);
      return ((await sendRaw(url, body)).body ?? {}) as T;
    },
    async list<T>(path: string, apiVersion: string) {
      const items: T[] = [];
      let next: string | undefined = urlFor(path, apiVersion);
      while (next) {
        const page: { value?: T[]; nextLink?: string } = await send(next);
        items.push(...(page.value ?? []));
        next = page.nextLink ?? undefined;
      }
      return items;
    },
  };
}
