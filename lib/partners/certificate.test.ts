import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "selfsigned";
import { setupTestDatabase } from "@/test/db";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { PARTNER } from "@/emulator/providers/partner-center/seed";
import { startTestWorker, waitForOperation } from "@/test/worker";
import "@/lib/subscriptions/jobs";
import "./sync-job";
import "./onboard-job";
import type { StaffContext } from "@/lib/auth/context";

// Certificate credentials and several connections: the partner's app signs in with a certificate (private_key_jwt at
// the emulator's Entra ID) for Partner Center, the customer's tenant and the onboarded subscription's validation.
process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
process.env.PARTNER_CONSENT_WAIT_SECONDS = "100";
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { connectPartner, deletePartnerConnection, rotatePartnerSecret, startPartnerOnboarding } =
  await import("./service");
const { listPartnerConnections, listPartnerCustomers } = await import("./queries");
const { readCertificateFacts, readPemBundle } = await import("@/lib/crypto/pem-bundle");
const { findExpiringCredentials } = await import("@/lib/subscriptions/credential-expiring");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
let registered: string;
let unregistered: string;
let staff: StaffContext;
let secondSecret: string;
const SECOND = { tenantId: "d1000000-0000-4000-8000-000000000001", appId: "d1000000-0000-4000-8000-0000000000a1" };
const SECOND_CUSTOMER = "d1000000-0000-4000-8000-0000000000c1";

const bundle = async () => {
  const p = await generate([{ name: "commonName", value: "fabrikam-csp-portal" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
  });
  const read = readPemBundle(`${p.cert}\n${p.private}`);
  if (!read.ok) throw new Error(read.message);
  return { cert: p.cert, pem: read.bundle.pem };
};

beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  const [a, b] = await Promise.all([bundle(), bundle()]);
  await emu.control.addCertificate(PARTNER.appId, a.cert);
  [registered, unregistered] = [a.pem, b.pem];
  // A second partner organisation (a direct-bill partner) with one customer of its own.
  await emu.control.addDirectory({ displayName: "Litware Direct", tenantId: SECOND.tenantId });
  secondSecret = (
    await emu.control.addPrincipal({ tenantId: SECOND.tenantId, displayName: "litware-portal", appId: SECOND.appId })
  ).secret;
  await emu.control.call("POST", "partner-center/partners", SECOND);
  await emu.control.call("POST", "partner-center/customers", {
    partnerTenantId: SECOND.tenantId,
    tenantId: SECOND_CUSTOMER,
    companyName: "Proseware",
    azureSubscriptions: [{ displayName: "Proseware Azure plan" }],
  });
  const user = await db.user.create({
    data: { email: "admin@cert.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  staff = { user: { id: user.id, email: user.email, name: user.name, staffRole: "admin" }, staffRole: "admin" };
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});

const custom = () => ({
  cloud: "Custom" as const,
  partnerCenterEndpoint: emu.emulator.url,
  armEndpoint: emu.emulator.url,
  authorityHost: emu.emulator.url,
  caCertificate: emu.emulator.caPem,
});

describe("a partner connection with a certificate", () => {
  it("fails its sync with Entra's AADSTS700027 for an unregistered certificate, then onboards with the registered one to Active", async () => {
    const wrong = await connectPartner(null, {
      displayName: "Fabrikam CSP",
      partnerTenantId: PARTNER.tenantId,
      clientId: PARTNER.appId,
      credentialKind: "certificate",
      clientSecret: unregistered,
      ...custom(),
    });
    const failed = await waitForOperation(wrong.operationId);
    expect(failed).toMatchObject({ state: "failed", errorCode: "AADSTS700027" });
    expect(JSON.stringify(failed)).not.toContain("PRIVATE KEY");

    const facts = (pem: string) => {
      const f = readCertificateFacts(pem)!;
      return { certificateThumbprint: f.thumbprint, certificateSubject: f.subject, certificateNotAfter: f.notAfter };
    };
    expect(await db.partnerConnection.findUniqueOrThrow({ where: { id: wrong.id } })).toMatchObject(
      facts(unregistered),
    );
    const sync = await rotatePartnerSecret(staff, wrong.id, { credentialKind: "certificate", credential: registered });
    expect((await waitForOperation(sync.id)).state).toBe("succeeded");
    // The rotation's certificate, with its expiry within the 30 days' warning (it is made for 30 days).
    expect(await db.partnerConnection.findUniqueOrThrow({ where: { id: wrong.id } })).toMatchObject(facts(registered));
    expect((await findExpiringCredentials()).map((c) => [c.type, c.id])).toContainEqual([
      "PartnerConnection",
      wrong.id,
    ]);

    const [{ operationId }] = await startPartnerOnboarding(staff, wrong.id, {
      subscriptions: [
        { customerTenantId: PARTNER.customers.tailspin, subscriptionId: PARTNER.subscriptions.tailspinProd },
      ],
      role: "Contributor",
    });
    const op = await waitForOperation(operationId);
    expect(op.state, op.errorMessage ?? "").toBe("succeeded");
    const sub = await db.azureSubscription.findFirstOrThrow({
      where: { subscriptionId: PARTNER.subscriptions.tailspinProd },
    });
    // The subscription's own validation signed in with the partner app's certificate.
    expect(sub).toMatchObject({
      state: "active",
      credentialKind: "certificate",
      clientId: PARTNER.appId,
      ...facts(registered),
    });
  });
});

describe("several connections", () => {
  it("lists each partner's own customers, and deleting one keeps the subscriptions onboarded through it", async () => {
    const second = await connectPartner(null, {
      displayName: "Litware Direct",
      partnerTenantId: SECOND.tenantId,
      clientId: SECOND.appId,
      clientSecret: secondSecret,
      ...custom(),
    });
    expect((await waitForOperation(second.operationId)).state).toBe("succeeded");
    const { items } = await listPartnerConnections(staff);
    expect(items.map((c) => [c.displayName, c.credentialKind, c.state])).toEqual([
      ["Fabrikam CSP", "certificate", "active"],
      ["Litware Direct", "secret", "active"],
    ]);
    const fabrikam = items[0].id;
    const page = { page: 1, pageSize: 20 };
    expect((await listPartnerCustomers(staff, second.id, page)).items.map((c) => c.companyName)).toEqual(["Proseware"]);
    expect((await listPartnerCustomers(staff, fabrikam, page)).items.map((c) => c.companyName)).toContain(
      "Tailspin Toys",
    );
    // A customer of the other partner is refused, nothing started.
    await expect(
      startPartnerOnboarding(staff, second.id, {
        subscriptions: [
          { customerTenantId: PARTNER.customers.tailspin, subscriptionId: PARTNER.subscriptions.tailspinDev },
        ],
        role: "Contributor",
      }),
    ).rejects.toMatchObject({ fieldErrors: { subscriptions: [expect.stringMatching(/not one of this partner/)] } });

    await deletePartnerConnection(staff, fabrikam);
    expect((await listPartnerConnections(staff)).items.map((c) => c.displayName)).toEqual(["Litware Direct"]);
    expect(await db.partnerCustomer.count({ where: { connectionId: fabrikam } })).toBe(0);
    expect(
      await db.azureSubscription.findFirstOrThrow({ where: { subscriptionId: PARTNER.subscriptions.tailspinProd } }),
    ).toMatchObject({ state: "active" });
  });
});
