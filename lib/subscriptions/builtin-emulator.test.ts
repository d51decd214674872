import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { SEED } from "@/emulator/seed";
import { setupTestDatabase } from "@/test/db";
import { idleResult, type ActionResult } from "@/lib/utils/action-result";

// The session is the one thing outside Prisma the context reads; the action, the emulator and the worker are real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

process.env.PORTAL_SECRET_KEY ??= randomBytes(32).toString("base64");
setupTestDatabase();
const { db } = await import("@/lib/db/client");
const { startTestWorker, waitForOperation } = await import("@/test/worker");
await import("@/lib/subscriptions/jobs");
const { onboardSubscriptionAction } = await import("./actions");
const { describeBuiltinEmulator } = await import("./builtin-emulator");
const { decryptSecret } = await import("@/lib/crypto/secret-box");

let emu: TestEmulator;
let worker: { stop: () => Promise<void> };
beforeAll(async () => {
  emu = await startTestEmulator();
  worker = await startTestWorker();
  // What `npm start` gives the web process in demo mode.
  Object.assign(process.env, { PORTAL_DEMO: "1", EMULATOR_URL: emu.emulator.url, EMULATOR_DATA_DIR: emu.dataDir });
});
afterAll(async () => {
  await worker?.stop();
  await emu?.close();
});
afterEach(() => void (process.env.PORTAL_DEMO = "1"));

async function signInAs(staffRole: "admin" | null) {
  const email = `${staffRole ?? "tenant"}-${randomBytes(3).toString("hex")}@emulator.test`;
  session.userId = (await db.user.create({ data: { email, name: "Someone", passwordHash: "x", staffRole } })).id;
}

async function submit(values: Record<string, string>): Promise<ActionResult | { redirect: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  try {
    return await onboardSubscriptionAction(idleResult, form);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

describe("the built-in Azure emulator on the onboarding page", () => {
  it("offers the emulator's endpoints, CA and principals with their subscriptions, and no secret", async () => {
    const offer = await describeBuiltinEmulator();
    expect(offer).toMatchObject({ url: emu.emulator.url, caCertificate: emu.emulator.caPem.trim() });
    expect(offer!.choices).toContainEqual(
      expect.objectContaining({
        appId: SEED.apps.provider,
        directoryId: SEED.tenants.provider,
        subscriptionId: SEED.subscriptions.provider,
        value: `${SEED.apps.provider}/${SEED.subscriptions.provider}`,
      }),
    );
    expect(offer!.choices.filter((c) => c.appId === SEED.apps.contoso).map((c) => c.subscriptionId)).toEqual([
      SEED.subscriptions.contoso,
    ]);
    expect(offer!.choices.some((c) => c.appId === SEED.apps.noRole)).toBe(false);
    const text = JSON.stringify(offer);
    for (const p of emu.seed.principals) expect(text).not.toContain(p.secret);
  });

  it("is absent outside demo mode", async () => {
    process.env.PORTAL_DEMO = "0";
    expect(await describeBuiltinEmulator()).toBeNull();
  });

  it("onboards a chosen principal and subscription with credentials filled on the server, and validation succeeds", async () => {
    await signInAs("admin");
    const result = await submit({
      displayName: "Provider (built-in emulator)",
      cloud: "Custom",
      emulatorChoice: `${SEED.apps.provider}/${SEED.subscriptions.provider}`,
    });
    expect(result).toMatchObject({ redirect: expect.stringMatching(/^\/admin\/subscriptions\/\w+$/) });
    const sub = await db.azureSubscription.findFirstOrThrow({ where: { subscriptionId: SEED.subscriptions.provider } });
    expect(sub).toMatchObject({
      cloud: "Custom",
      armEndpoint: emu.emulator.url,
      authorityHost: emu.emulator.url,
      directoryId: SEED.tenants.provider,
      clientId: SEED.apps.provider,
    });
    expect(sub.caCertificate).toContain("BEGIN CERTIFICATE");
    expect(decryptSecret(sub.clientSecretEnc)).toBe(emu.principal(SEED.apps.provider).secret);
    const validation = await db.operation.findFirstOrThrow({
      where: { targetId: sub.id, kind: "subscription.validate" },
    });
    expect((await waitForOperation(validation.id)).state).toBe("succeeded");
    expect((await db.azureSubscription.findUniqueOrThrow({ where: { id: sub.id } })).state).toBe("active");
  });

  // The emulator logs its control API too: each submit here reads /_emulator/seed-info, or does not.
  const seedInfoReads = async (since: string) =>
    (await emu.control.requests({ since, limit: 5000 })).value.filter((r) => r.path === "/_emulator/seed-info");

  it("refuses a choice the emulator does not offer beside the field, and the emulator outside demo mode", async () => {
    await signInAs("admin");
    const before = await db.azureSubscription.count();
    const since = new Date().toISOString();
    const unknown = await submit({
      displayName: "Nope",
      cloud: "Custom",
      emulatorChoice: `${SEED.apps.noRole}/${SEED.subscriptions.provider}`,
    });
    expect(unknown).toMatchObject({
      ok: false,
      fieldErrors: { emulatorChoice: [expect.stringContaining("Choose one of the emulator's")] },
    });
    expect(await seedInfoReads(since)).toHaveLength(1);
    process.env.PORTAL_DEMO = "0";
    const offDemo = await submit({
      displayName: "Nope",
      cloud: "Custom",
      emulatorChoice: `${SEED.apps.contoso}/${SEED.subscriptions.contoso}`,
    });
    expect(offDemo).toMatchObject({
      ok: false,
      fieldErrors: { emulatorChoice: [expect.stringContaining("only in demo mode")] },
    });
    expect(await db.azureSubscription.count()).toBe(before);
  });

  it("refuses anyone but an admin before asking the emulator for its principals and secrets", async () => {
    await signInAs(null);
    const before = await db.azureSubscription.count();
    const since = new Date().toISOString();
    expect(
      await submit({
        displayName: "Nope",
        cloud: "Custom",
        emulatorChoice: `${SEED.apps.contoso}/${SEED.subscriptions.contoso}`,
      }),
    ).toMatchObject({ ok: false, formError: "Page not found." });
    expect(await seedInfoReads(since)).toEqual([]);
    expect(await db.azureSubscription.count()).toBe(before);
  });
});
