// A caller's own request id is kept when it looks like one (a UUID, a load balancer's id), so its logs and ours join.
const acceptable = /^[\w.:-]{8,128}$/;

/** The request's id: the one it came with (`x-request-id`) when well-formed, else a new one. */
export function requestIdFor(sent: string | null | undefined): string {
  return sent && acceptable.test(sent) ? sent : crypto.randomUUID();
}

/** Inside a Next request (a server action, a page): the id proxy.ts gave it; outside one (scripts, tests) none. */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}
