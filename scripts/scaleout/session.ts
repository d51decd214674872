/** A browser's sign-in through next-auth's credentials flow (CSRF cookie + token, then the callback), with fetch. */

type Jar = Map<string, string>;

function keep(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (value) jar.set(name, value);
    else jar.delete(name);
  }
}

const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in at `baseUrl` and returns the Cookie header a browser would send from then on. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  keep(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token")))
    throw new Error(`Sign-in at ${baseUrl} gave no session (${res.status} → ${res.headers.get("location")})`);
  return header(jar);
}

/** A page as a signed-in browser gets it: its status (a redirect to /login means the session was not accepted). */
export async function openPage(baseUrl: string, cookie: string, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), text: await res.text() };
}
