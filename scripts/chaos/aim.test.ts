import { describe, expect, it } from "vitest";
import { answersLost, heldVmRequests, settle, type AimedKill, type Logged } from "./aim";

const vm = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${name}`;
const entry = (requestId: string, e: Partial<Logged>): Logged => ({
  time: "2026-12-07T18:00:00.000Z",
  method: "PUT",
  path: vm("web-01"),
  status: 201,
  requestId,
  opType: "write",
  ...e,
});
const kill = (requestId: string, window: AimedKill["window"], landed = false): AimedKill => ({
  phase: "create",
  window,
  vm: "web-01",
  method: "PUT",
  pid: 1,
  requestId,
  landed,
  evidence: "",
});

describe("chaos aim", () => {
  it("aims at VM requests Azure accepted whose answer is still held, not at refusals, NICs or unaccepted ones", () => {
    const inFlight = [
      entry("accepted", { acceptedAt: "2026-12-07T18:00:00.100Z" }),
      entry("not yet", {}),
      entry("refused", { acceptedAt: "2026-12-07T18:00:00.100Z", status: 409 }),
      entry("nic", { acceptedAt: "2026-12-07T18:00:00.100Z", path: vm("web-01").replace("virtualMachines", "x") }),
      entry("delete", { acceptedAt: "2026-12-07T18:00:00.100Z", method: "DELETE", status: 202 }),
    ];
    expect(heldVmRequests(inFlight, "PUT").map((e) => e.requestId)).toEqual(["accepted"]);
    expect(heldVmRequests(inFlight, "DELETE").map((e) => e.requestId)).toEqual(["delete"]);
  });

  it("counts a kill as landed only from the emulator's log", () => {
    const log = [
      entry("gone", { clientGone: true }),
      entry("answered", {}),
      entry("gone too", { clientGone: true, method: "DELETE", status: 202 }),
    ];
    const kills = settle(
      [
        kill("gone", "lost"),
        kill("answered", "lost"),
        kill("missing", "lost"),
        kill("answered", "unstored", true),
        kill("gone", "unstored", true),
      ],
      log,
    );
    expect(kills.map((k) => k.landed)).toEqual([true, false, false, true, false]);
    expect(answersLost(log, "PUT").map((e) => e.requestId)).toEqual(["gone"]);
    expect(answersLost(log, "DELETE").map((e) => e.requestId)).toEqual(["gone too"]);
  });
});
