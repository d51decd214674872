import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing.js";
import { PROVIDER_APP_ID, UNREGISTERED_SUBSCRIPTION_ID } from "../seed.js";

let emu: TestEmulator;
beforeAll(async () => {
  // 30 s of registration on Azure's clock last 300 ms here.
  emu = await startTestEmulator({ timeScale: 0.01 });
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const compute = `/subscriptions/${UNREGISTERED_SUBSCRIPTION_ID}/providers/Microsoft.Compute`;
const post = async (action: "register" | "unregister") =>
  (await emu.arm(PROVIDER_APP_ID, "POST", `${compute}/${action}?api-version=2025-04-01`)).body.registrationState;
const state = async () =>
  (await emu.arm(PROVIDER_APP_ID, "GET", `${compute}?api-version=2025-04-01`)).body.registrationState;

describe("provider registration", () => {
  it("keeps a registration's schedule when the POST is repeated while it is Registering (issue 12)", async () => {
    // Only Date is faked: the emulator's clock reads it, and the test moves it by hand instead of sleeping.
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    expect(await post("register")).toBe("Registering");
    vi.setSystemTime(start + 200);
    expect(await post("register")).toBe("Registering");
    // 300 ms after the first POST: registered, however often it was asked again in between.
    vi.setSystemTime(start + 320);
    expect(await state()).toBe("Registered");
    expect(await post("register")).toBe("Registered");
  });

  it("keeps an unregistration's schedule the same way", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    expect(await post("unregister")).toBe("Unregistering");
    vi.setSystemTime(start + 200);
    expect(await post("unregister")).toBe("Unregistering");
    vi.setSystemTime(start + 320);
    expect(await state()).toBe("NotRegistered");
  });
});
