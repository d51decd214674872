import { describe, expect, it } from "vitest";
import { vmPhases, type VmTimes } from "./timeline";

const s = 1000;
const vm = (name: string, offset: number, over: Partial<VmTimes> = {}): VmTimes => ({
  name,
  submittedAt: 0,
  startedAt: offset + 1 * s,
  putSentAt: offset + 5 * s,
  putAcceptedAt: offset + 5.5 * s,
  answerStoredAt: offset + 6 * s,
  doneSeenAt: offset + 68.5 * s,
  endedAt: offset + 70 * s,
  ...over,
});

describe("vmPhases", () => {
  it("cuts each VM's path at the portal's and Azure's moments, and shows the VM that ended last", () => {
    const phases = vmPhases(
      [vm("a", 0), vm("b", 0), vm("late", 3 * s, { doneSeenAt: 3 * s + 75.5 * s, endedAt: 3 * s + 90 * s })],
      60 * s,
    );
    const by = Object.fromEntries(phases.map((p) => [p.name, p]));
    expect(by["submit → job started"]).toMatchObject({ median: 1, last: 4 });
    expect(by["job started → VM PUT sent (vnet first)"]).toMatchObject({ median: 4, last: 4 });
    expect(by["PUT accepted → answer stored"]).toMatchObject({ median: 0.5 });
    // Azure was done 60 s after it accepted the PUT: the poll saw it 3 s later, the late VM's 10 s later.
    expect(by["Azure done (modelled) → poll saw it"]).toMatchObject({ median: 3, p95: 10, last: 10 });
    expect(by["poll saw it → operation ended"]).toMatchObject({ median: 1.5, last: 14.5 });
    expect(by["submit → operation ended"]).toMatchObject({ median: 70, last: 93 });
  });

  it("leaves out what a VM has no record of (no PUT in the log)", () => {
    const [, sent] = vmPhases([vm("a", 0), vm("b", 0, { putSentAt: null, putAcceptedAt: null })], 60 * s);
    expect(sent).toMatchObject({ median: 4, p95: 4 });
  });
});
