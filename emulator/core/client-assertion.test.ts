import { createHash, createPrivateKey, randomUUID, sign, X509Certificate } from "node:crypto";
import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientCertificateCredential } from "@azure/identity";
import { generate } from "selfsigned";
import { ARM_SCOPE, startTestEmulator, type TestEmulator } from "../testing.js";
import { SEED } from "../seed.js";

// Certificate credentials (private_key_jwt) at the emulator's token endpoint, through @azure/identity and by hand.
let emu: TestEmulator;
let registered: { cert: string; key: string };
let other: { cert: string; key: string };
const appId = () => SEED.apps.provider;
const tenantId = () => SEED.tenants.provider;

const makeCert = async (days = 30) => {
  const p = await generate([{ name: "commonName", value: "portal-test" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + days * 86_400_000),
  });
  return { cert: p.cert, key: p.private };
};

beforeAll(async () => {
  emu = await startTestEmulator();
  [registered, other] = await Promise.all([makeCert(), makeCert()]);
  await emu.control.addCertificate(appId(), registered.cert);
});
afterAll(async () => {
  await emu?.close();
});

const x5t = (pem: string) => createHash("sha1").update(new X509Certificate(pem).raw).digest("base64url");

function assertion(opts: { cert: string; key: string; aud?: string; exp?: number; nbf?: number }) {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const head = b64({ alg: "RS256", typ: "JWT", x5t: x5t(opts.cert) });
  const body = b64({
    aud: opts.aud ?? `${emu.emulator.url}/${tenantId()}/oauth2/v2.0/token`,
    iss: appId(),
    sub: appId(),
    jti: randomUUID(),
    nbf: opts.nbf ?? now - 10,
    exp: opts.exp ?? now + 600,
  });
  const signature = sign("RSA-SHA256", Buffer.from(`${head}.${body}`), createPrivateKey(opts.key));
  return `${head}.${body}.${signature.toString("base64url")}`;
}

function send(method: string, path: string, form?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`${emu.emulator.url}${path}`),
      { method, ca: emu.emulator.caPem, headers: { "content-type": "application/x-www-form-urlencoded" } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
        );
      },
    );
    req.on("error", reject);
    req.end(form);
  });
}

const postToken = (clientAssertion: string) =>
  send(
    "POST",
    `/${tenantId()}/oauth2/v2.0/token`,
    new URLSearchParams({
      grant_type: "client_credentials",
      client_id: appId(),
      scope: ARM_SCOPE,
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: clientAssertion,
    }).toString(),
  );

describe("client assertions", () => {
  it("issues an ARM token to ClientCertificateCredential with a registered certificate, and lists private_key_jwt", async () => {
    const credential = new ClientCertificateCredential(
      tenantId(),
      appId(),
      { certificate: `${registered.cert}\n${registered.key}` },
      { authorityHost: emu.emulator.url, disableInstanceDiscovery: true, tlsOptions: { ca: emu.emulator.caPem } },
    );
    const token = await credential.getToken(ARM_SCOPE);
    expect(token.token.split(".")).toHaveLength(3);
    const good = await postToken(assertion(registered));
    expect(good.status).toBe(200);
    expect(good.body.token_type).toBe("Bearer");
    const discovery = await send("GET", `/${tenantId()}/v2.0/.well-known/openid-configuration`);
    expect(discovery.body.token_endpoint_auth_methods_supported).toContain("private_key_jwt");
  });

  it("refuses a wrong signature, an expired assertion, a wrong audience and an unknown thumbprint with Entra's codes", async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      // The registered certificate's thumbprint, signed with another key.
      { a: assertion({ cert: registered.cert, key: other.key }), code: 700027, text: /signature value did not match/ },
      { a: assertion({ ...registered, exp: now - 60, nbf: now - 600 }), code: 700024, text: /valid time range/ },
      {
        a: assertion({ ...registered, aud: "https://login.example.com/x/oauth2/v2.0/token" }),
        code: 700023,
        text: /audience/,
      },
      { a: assertion(other), code: 700027, text: /not registered on application.*The key was not found/ },
    ];
    for (const c of cases) {
      const { status, body } = await postToken(c.a);
      expect(status).toBe(401);
      expect(body.error).toBe("invalid_client");
      expect(body.error_codes).toEqual([c.code]);
      expect(String(body.error_description)).toMatch(new RegExp(`^AADSTS${c.code}: `));
      expect(String(body.error_description)).toMatch(c.text);
    }
  });
});
