import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generate } from "selfsigned";
import { setupTestDatabase } from "@/test/db";
import { db } from "@/lib/db/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";
import type { StaffContext } from "@/lib/auth/context";

// The session is the one thing outside Prisma the context reads; the actions, services and database below are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { onboardSubscriptionAction, rotateSecretAction, deleteSubscriptionAction } = await import("./actions");
const { getSubscriptionDetail, listSubscriptions } = await import("./queries");
const { backfillCertificateFacts } = await import("./credential-facts");
const { findExpiringCredentials } = await import("./credential-expiring");
const { readCertificateFacts } = await import("@/lib/crypto/pem-bundle");
const { encryptSecret } = await import("@/lib/crypto/secret-box");

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
// The action enqueues through pg-boss, whose schema exists once a boss has started; no worker runs in this file,
// so nothing ever calls Azure here.
beforeAll(async () => void (await getBoss("worker")));
afterAll(() => stopBoss());

let admin: StaffContext;
beforeAll(async () => {
  const user = await db.user.create({
    data: { email: "admin@subscriptions.test", name: "Admin", passwordHash: "x", staffRole: "admin" },
  });
  admin = { user: { id: user.id, email: user.email, name: user.name, staffRole: "admin" }, staffRole: "admin" };
});
beforeEach(() => void (session.userId = admin.user.id));

const secret = "S3cret~value.that-must-never-leave";
const valid = () => ({
  displayName: `Production ${randomBytes(2).toString("hex")}`,
  cloud: "Custom",
  armEndpoint: "https://127.0.0.1:9/",
  authorityHost: "https://127.0.0.1:9",
  caCertificate: "",
  directoryId: randomUUID(),
  subscriptionId: randomUUID().toUpperCase(),
  clientId: randomUUID(),
  clientSecret: secret,
});

function form(values: Record<string, string | undefined>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) data.set(k, v);
  return data;
}

async function counts() {
  const [jobs] = await db.$queryRaw<
    { n: number }[]
  >`select count(*)::int as n from pgboss.job where name like 'subscription.%'`;
  return { subscriptions: await db.azureSubscription.count(), operations: await db.operation.count(), jobs: jobs.n };
}

/** The action's result, or the path it redirected to (Next's redirect() throws). */
async function submit(values: Record<string, string | undefined>): Promise<ActionResult | { redirect: string }> {
  try {
    return await onboardSubscriptionAction(idleResult, form(values));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

async function expectRejected(values: Record<string, string | undefined>) {
  const before = await counts();
  const result = await submit(values);
  expect(result).toMatchObject({ ok: false });
  expect(await counts()).toEqual(before);
  return (result as Extract<ActionResult, { ok: false }>).fieldErrors ?? {};
}

describe("onboarding input", () => {
  it("rejects malformed GUIDs field by field, writing nothing and enqueuing nothing", async () => {
    const errors = await expectRejected({
      ...valid(),
      directoryId: "contoso.onmicrosoft.com",
      subscriptionId: "1234",
      clientId: "0b1e2d3c-4f5a-4b6c-8d7e",
    });
    expect(errors.directoryId?.[0]).toMatch(/directory \(tenant\) id must be a GUID/i);
    expect(errors.subscriptionId?.[0]).toMatch(/subscription id must be a GUID/i);
    expect(errors.clientId?.[0]).toMatch(/client\) id must be a GUID/i);
    expect(errors.displayName).toBeUndefined();
  });

  it("requires the secret and a name", async () => {
    const errors = await expectRejected({ ...valid(), clientSecret: "", displayName: "  " });
    expect(errors.clientSecret?.[0]).toMatch(/client secret value/i);
    expect(errors.displayName?.[0]).toMatch(/name/i);
  });

  it("requires https endpoints for a Custom cloud, and ignores them for Azure's own clouds", async () => {
    const missing = await expectRejected({ ...valid(), armEndpoint: undefined, authorityHost: "" });
    expect(missing.armEndpoint?.[0]).toMatch(/full URL/);
    expect(missing.authorityHost?.[0]).toMatch(/full URL/);
    const plain = await expectRejected({ ...valid(), armEndpoint: "http://management.local" });
    expect(plain.armEndpoint?.[0]).toMatch(/https/);
    const badPem = await expectRejected({ ...valid(), caCertificate: "not a certificate" });
    expect(badPem.caCertificate?.[0]).toMatch(/PEM/);

    const result = await submit({ ...valid(), cloud: "AzureCloud", armEndpoint: "", authorityHost: "" });
    expect(result).toHaveProperty("redirect");
  });

  it("refuses an unknown cloud", async () => {
    const errors = await expectRejected({ ...valid(), cloud: "Mars" });
    expect(errors.cloud?.[0]).toMatch(/Choose the cloud/);
  });

  it("saves a valid subscription with its secret sealed, queues one validation and opens its page", async () => {
    const before = await counts();
    const input = valid();
    const result = await submit(input);
    const sub = await db.azureSubscription.findUniqueOrThrow({
      where: { cloud_subscriptionId: { cloud: "Custom", subscriptionId: input.subscriptionId.toLowerCase() } },
    });
    expect(result).toEqual({ redirect: `/admin/subscriptions/${sub.id}` });
    expect(sub.state).toBe("validating");
    expect(sub.armEndpoint).toBe("https://127.0.0.1:9");
    expect(sub.clientSecretEnc).not.toContain(secret);
    expect(await counts()).toEqual({
      subscriptions: before.subscriptions + 1,
      operations: before.operations + 1,
      jobs: before.jobs + 1,
    });
    const op = await db.operation.findFirstOrThrow({ where: { targetId: sub.id } });
    expect(op).toMatchObject({ kind: "subscription.validate", state: "queued", actorId: admin.user.id });
    expect(JSON.stringify(op.input)).not.toContain(secret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "subscription.onboard", targetId: sub.id } });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("refuses a subscription that is already onboarded, beside the subscription id, without a second write", async () => {
    const input = valid();
    expect(await submit(input)).toHaveProperty("redirect");
    const errors = await expectRejected({
      ...input,
      displayName: "Again",
      subscriptionId: input.subscriptionId.toLowerCase(),
    });
    expect(errors.subscriptionId).toEqual(["This subscription is already onboarded."]);
  });

  it("refuses callers who are not admins", async () => {
    const helpdesk = await db.user.create({
      data: {
        email: `hd-${randomBytes(2).toString("hex")}@subscriptions.test`,
        name: "HD",
        passwordHash: "x",
        staffRole: "helpdesk",
      },
    });
    session.userId = helpdesk.id;
    const before = await counts();
    expect(await submit(valid())).toMatchObject({ ok: false, formError: "Page not found." });
    expect(await counts()).toEqual(before);
  });
});

describe("reading subscriptions", () => {
  it("never returns the sealed or the plain secret, in the detail or the list", async () => {
    const input = valid();
    const { redirect } = (await submit(input)) as { redirect: string };
    const id = redirect.split("/").pop()!;
    const sealed = (await db.azureSubscription.findUniqueOrThrow({ where: { id } })).clientSecretEnc;

    const detail = await getSubscriptionDetail(admin, id);
    expect(detail.subscriptionId).toBe(input.subscriptionId.toLowerCase());
    expect(Object.keys(detail)).not.toContain("clientSecretEnc");
    const list = await listSubscriptions(admin, { q: input.displayName, skip: 0, take: 20 });
    expect(list.rows.map((r) => r.id)).toEqual([id]);
    for (const payload of [JSON.stringify(detail), JSON.stringify(list)]) {
      expect(payload).not.toContain(sealed);
      expect(payload).not.toContain(secret);
      expect(payload).not.toMatch(/clientSecret/i);
    }
  });

  it("filters by state, searches by subscription id and pages in a stable order", async () => {
    const a = valid();
    const { redirect } = (await submit({ ...a, displayName: "Zulu paging" })) as { redirect: string };
    await db.azureSubscription.update({ where: { id: redirect.split("/").pop()! }, data: { state: "error" } });
    const errored = await listSubscriptions(admin, { state: "error", skip: 0, take: 50 });
    expect(errored.rows.every((r) => r.state === "error")).toBe(true);
    expect(errored.rows.some((r) => r.displayName === "Zulu paging")).toBe(true);
    expect(
      (await listSubscriptions(admin, { q: a.subscriptionId.slice(0, 13).toLowerCase(), skip: 0, take: 20 })).total,
    ).toBe(1);

    const all = await listSubscriptions(admin, { sort: "name", dir: "desc", skip: 0, take: 100 });
    expect(all.rows[0].displayName).toBe("Zulu paging");
    const page2 = await listSubscriptions(admin, { sort: "name", dir: "desc", skip: 1, take: 1 });
    expect(page2.rows[0].id).toBe(all.rows[1].id);
    expect(page2.total).toBe(all.total);
  });
});

describe("certificate credentials", () => {
  const makeCert = async (from: number, to: number) => {
    const p = await generate([{ name: "commonName", value: "portal-onboarding" }], {
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate: new Date(Date.now() + from * 86_400_000),
      notAfterDate: new Date(Date.now() + to * 86_400_000),
    });
    return { cert: p.cert, key: p.private };
  };
  const factsOf = (c: { cert: string }) => {
    const facts = readCertificateFacts(c.cert)!;
    return {
      certificateThumbprint: facts.thumbprint,
      certificateSubject: facts.subject,
      certificateNotAfter: facts.notAfter,
    };
  };
  let good: { cert: string; key: string };
  let other: { cert: string; key: string };
  let expired: { cert: string; key: string };
  beforeAll(async () => {
    [good, other, expired] = await Promise.all([makeCert(-1, 365), makeCert(-1, 365), makeCert(-30, -1)]);
  });
  const withCert = (certificate: string) => ({
    ...valid(),
    clientSecret: "",
    credentialKind: "certificate",
    certificate,
  });

  it("refuses a PEM without its key, a key of another certificate and an expired certificate beside the field", async () => {
    const cases: [string, RegExp][] = [
      [good.cert, /private key/],
      [good.key, /CERTIFICATE/],
      [`${good.cert}\n${other.key}`, /does not belong to the certificate/],
      [`${expired.cert}\n${expired.key}`, /expired on/],
    ];
    for (const [pem, message] of cases) {
      const errors = await expectRejected(withCert(pem));
      expect(errors.certificate?.[0]).toMatch(message);
      expect(errors.clientSecret).toBeUndefined();
    }
  });

  it("saves a certificate sealed with its kind (key first or last), and rotates between secret and certificate", async () => {
    const { redirect } = (await submit(withCert(`${good.key}\n${good.cert}`))) as { redirect: string };
    const id = redirect.split("/").pop()!;
    const row = await db.azureSubscription.findUniqueOrThrow({ where: { id } });
    expect(row.credentialKind).toBe("certificate");
    expect(row.clientSecretEnc).not.toContain("PRIVATE KEY");
    const detail = JSON.stringify(await getSubscriptionDetail(admin, id));
    expect(detail).not.toContain("PRIVATE KEY");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "subscription.onboard", targetId: id } });
    expect(audit.detail).toMatchObject({
      credentialKind: "certificate",
      thumbprint: expect.stringMatching(/^[0-9A-F]{40}$/),
    });
    // The certificate's facts are kept for the pages, the API and the dashboard's expiry warning.
    expect(row).toMatchObject(factsOf(good));
    expect(await getSubscriptionDetail(admin, id)).toMatchObject(factsOf(good));

    const toSecret = await rotateSecretAction(idleResult, form({ id, credentialKind: "secret", clientSecret: "s2" }));
    expect(toSecret.ok).toBe(true);
    expect(await db.azureSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({
      credentialKind: "secret",
      certificateThumbprint: null,
      certificateSubject: null,
      certificateNotAfter: null,
    });
    const bad = await rotateSecretAction(
      idleResult,
      form({ id, credentialKind: "certificate", certificate: good.cert }),
    );
    expect(bad).toMatchObject({ ok: false, fieldErrors: { certificate: [expect.stringMatching(/private key/)] } });
    const toCert = await rotateSecretAction(
      idleResult,
      form({ id, credentialKind: "certificate", certificate: `${other.cert}\n${other.key}` }),
    );
    expect(toCert.ok).toBe(true);
    expect(await db.azureSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({
      credentialKind: "certificate",
      state: "validating",
      ...factsOf(other),
    });
  });

  it("fills the facts of certificate rows sealed before they were kept, once; an unreadable row is left", async () => {
    const old = async (sealed: string) => {
      const { displayName, subscriptionId, directoryId, clientId } = valid();
      const sub = await db.azureSubscription.create({
        data: {
          ...{ displayName, subscriptionId, directoryId, clientId },
          cloud: "Custom",
          clientSecretEnc: encryptSecret(sealed),
          credentialKind: "certificate",
        },
      });
      return sub.id;
    };
    // An expired certificate still gets its facts: it is the one the warning is for.
    const [expiredId, unreadableId] = [await old(`${expired.cert}\n${expired.key}`), await old("not a PEM bundle")];
    const first = await backfillCertificateFacts();
    expect(first).toEqual({ filled: 1, unreadable: 1 });
    expect(await db.azureSubscription.findUniqueOrThrow({ where: { id: expiredId } })).toMatchObject(factsOf(expired));
    expect(await db.azureSubscription.findUniqueOrThrow({ where: { id: unreadableId } })).toMatchObject({
      certificateThumbprint: null,
      certificateNotAfter: null,
    });
    expect(await backfillCertificateFacts()).toEqual({ filled: 0, unreadable: 1 });

    // The dashboard lists the expired one (and not the certificates valid for a year) with where to rotate it.
    const expiring = await findExpiringCredentials();
    expect(expiring.map((c) => c.id)).toContain(expiredId);
    expect(expiring.every((c) => c.notAfter.getTime() < Date.now() + 31 * 86_400_000)).toBe(true);
  });
});

describe("rotate and delete", () => {
  it("rotates the secret only with a value, never echoing it", async () => {
    const { redirect } = (await submit(valid())) as { redirect: string };
    const id = redirect.split("/").pop()!;
    const sealed = (await db.azureSubscription.findUniqueOrThrow({ where: { id } })).clientSecretEnc;

    const empty = await rotateSecretAction(idleResult, form({ id, clientSecret: "" }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { clientSecret: ["Enter the new client secret value."] } });
    expect((await db.azureSubscription.findUniqueOrThrow({ where: { id } })).clientSecretEnc).toBe(sealed);

    const rotated = await rotateSecretAction(idleResult, form({ id, clientSecret: "the-new-secret" }));
    expect(rotated.ok).toBe(true);
    expect(JSON.stringify(rotated)).not.toContain("the-new-secret");
    const after = await db.azureSubscription.findUniqueOrThrow({ where: { id } });
    expect(after.clientSecretEnc).not.toBe(sealed);
    expect(after.state).toBe("validating");
  });

  it("refuses to delete a subscription while a plan uses it, with the plan's name", async () => {
    const { redirect } = (await submit(valid())) as { redirect: string };
    const id = redirect.split("/").pop()!;
    await db.plan.create({
      data: {
        name: `Gold ${id}`,
        azureSubscriptionId: id,
        quotaVms: 1,
        quotaVcpus: 1,
        quotaPublicIps: 1,
        quotaLoadBalancers: 1,
        quotaProtectedVms: 0,
      },
    });
    const result = await deleteSubscriptionAction(id).catch((e: unknown) => e);
    expect(result).toMatchObject({ ok: false });
    expect((result as { formError: string }).formError).toContain(`Plan "Gold ${id}" uses this subscription`);
    expect(await db.azureSubscription.count({ where: { id } })).toBe(1);

    await db.plan.delete({ where: { azureSubscriptionId: id } });
    const deleted = await deleteSubscriptionAction(id).catch((e: { digest?: string }) => e.digest);
    expect(deleted).toMatch(/^NEXT_REDIRECT;.*;\/admin\/subscriptions;/);
    expect(await db.azureSubscription.count({ where: { id } })).toBe(0);
  });
});
