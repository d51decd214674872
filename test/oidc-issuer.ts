// Test-only: a real OpenID Connect issuer (oidc-provider) for single sign-on tests, with its development login and
// consent pages driven over HTTP like a browser would.
import type { AddressInfo } from "node:net";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";

export type TestAccount = { sub: string; email?: string; name?: string; groups?: string[] };

export async function startOidcIssuer(
  client: { clientId: string; clientSecret: string; redirectUri: string },
  port = 0,
) {
  const accounts = new Map<string, TestAccount>();
  // The issuer URL holds the port, so listen first and hand requests to the provider once it exists.
  const mounted: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => mounted.handle?.(req, res));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email"], profile: ["name"], groups: ["groups"] },
    cookies: { keys: ["test-only-cookie-key"] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
  });
  mounted.handle = provider.callback();
  return {
    issuer,
    /** The account the next login (by its `sub`) signs in as. */
    setAccount: (account: TestAccount) => accounts.set(account.sub, account),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the issuer's redirects from an authorization URL as a browser would, logging in as `login` and consenting,
 * until the issuer sends the browser back to the client: returns that callback URL.
 */
export async function authorizeAtIssuer(authorizeUrl: string, login: string, callbackPrefix: string) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  let url = authorizeUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      headers: { cookie: cookieHeader() },
      redirect: "manual",
    });
    keep(res);
    body = undefined;
    const location = res.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1];
    if (!action || !prompt) throw new Error(`The issuer answered ${res.status} without a form: ${html.slice(0, 300)}`);
    url = new URL(action, url).toString();
    body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
  }
  throw new Error("Too many redirects at the issuer.");
}
