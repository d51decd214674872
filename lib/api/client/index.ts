import createClient from "openapi-fetch";
import type { paths } from "@/generated/api-client/openapi";

export type { paths, components, operations } from "@/generated/api-client/openapi";

/**
 * The portal's typed API client (openapi-fetch over the generated types):
 *   const api = createPortalClient({ baseUrl: "https://portal.example.com", token });
 *   const { data, error } = await api.GET("/api/v1/tenants/{tenant}/vms", { params: { path: { tenant: "contoso" } } });
 * `fetch` lets tests hand requests to the Hono app in process.
 */
export function createPortalClient(options: {
  baseUrl: string;
  token: string;
  fetch?: (request: Request) => Promise<Response>;
}) {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  client.use({
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${options.token}`);
      return request;
    },
  });
  return client;
}
