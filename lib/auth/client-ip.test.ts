import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "./client-ip";

describe("clientIp", () => {
  it("without trusted proxies takes the socket's address and ignores what the client wrote", () => {
    expect(clientIp("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientIp("203.0.113.9, 198.51.100.1, 127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientIp("::ffff:10.1.2.3", 0)).toBe("10.1.2.3");
  });

  it("behind one trusted proxy takes the address that proxy received from", () => {
    expect(clientIp("203.0.113.9, 198.51.100.7, 10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientIp("2001:db8::1, 10.0.0.2", 1)).toBe("2001:db8::1");
  });

  it("never returns what is not an address", () => {
    expect(clientIp("<script>, 10.0.0.2", 1)).toBeNull();
    expect(clientIp(null, 0)).toBeNull();
    expect(clientIp("", 0)).toBeNull();
  });

  it("reads PORTAL_TRUSTED_PROXIES, 0 unless a whole number", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ PORTAL_TRUSTED_PROXIES: "2" })).toBe(2);
    expect(trustedProxyHops({ PORTAL_TRUSTED_PROXIES: "-1" })).toBe(0);
    expect(trustedProxyHops({ PORTAL_TRUSTED_PROXIES: "one" })).toBe(0);
  });
});

describe("scripts/lib/forwarded-for.mjs", () => {
  it("appends the socket's address to the X-Forwarded-For a request arrives with", async () => {
    const hook = new URL("../../scripts/lib/forwarded-for.mjs", import.meta.url).href;
    await import(/* @vite-ignore */ hook);
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers["x-forwarded-for"] as string | undefined);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await fetch(url);
      await fetch(url, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "203.0.113.9, 127.0.0.1"]);
    expect(seen.map((chain) => clientIp(chain, 0))).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
