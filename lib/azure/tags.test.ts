import { describe, expect, it } from "vitest";
import { missingPortalTags, PORTAL_TAG, portalTags, tagProblems, withMissingPortalTags } from "./tags";

const owner = { tenant: { id: "ten_1", slug: "contoso" }, plan: "plan_1", operationId: "op_1" };

describe("portalTags", () => {
  it("names the tenant (slug and id), the plan and the creating operation, plus the extra tags", () => {
    expect(portalTags({ ...owner, extra: { "portal-vm": "vm_1" } })).toEqual({
      "portal-tenant": "contoso",
      "portal-tenant-id": "ten_1",
      "portal-plan": "plan_1",
      "portal-operation": "op_1",
      "portal-vm": "vm_1",
    });
  });

  it("leaves out what the owner does not have (the provider's own vault has no tenant)", () => {
    expect(portalTags({ plan: "plan_1", extra: { "portal-role": "disaster-recovery" } })).toEqual({
      "portal-plan": "plan_1",
      "portal-role": "disaster-recovery",
    });
  });

  it("refuses what Azure would refuse", () => {
    expect(() => portalTags({ ...owner, extra: { "a/b": "x" } })).toThrow(/contains one of/);
    expect(() => portalTags({ ...owner, extra: { x: "v".repeat(257) } })).toThrow(/longer than 256/);
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`t${i}`, "v"]));
    expect(() => portalTags({ ...owner, extra: many }, { storage: true })).toThrow(/at most 15/);
    expect(portalTags({ ...owner, extra: many })).toHaveProperty("t11", "v");
  });
});

describe("tagProblems: Azure's tag rules", () => {
  it.each([
    ["<", "a<b"],
    [">", "a>b"],
    ["%", "a%b"],
    ["&", "a&b"],
    ["\\", "a\\b"],
    ["?", "a?b"],
    ["/", "a/b"],
  ])("a name with %s is refused", (_c, name) => {
    expect(tagProblems({ [name]: "v" })).toHaveLength(1);
  });

  it("names: 512 characters, 128 on storage accounts; values: 256", () => {
    expect(tagProblems({ ["n".repeat(512)]: "v".repeat(256) })).toEqual([]);
    expect(tagProblems({ ["n".repeat(513)]: "v" })).toHaveLength(1);
    expect(tagProblems({ ["n".repeat(129)]: "v" }, { storage: true })).toHaveLength(1);
    expect(tagProblems({ n: "v".repeat(257) })).toHaveLength(1);
  });

  it("50 tags, 15 on storage accounts; names case-insensitive and not empty", () => {
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, "v"]));
    expect(tagProblems(tags(50))).toEqual([]);
    expect(tagProblems(tags(51))).toHaveLength(1);
    expect(tagProblems(tags(15), { storage: true })).toEqual([]);
    expect(tagProblems(tags(16), { storage: true })).toHaveLength(1);
    expect(tagProblems({ Env: "a", env: "b" })).toHaveLength(1);
    expect(tagProblems({ " ": "a" })).toHaveLength(1);
  });
});

describe("missingPortalTags: the sync's retag decision", () => {
  const wanted = portalTags(owner);

  it("an untagged resource gets them all; a tagged one nothing", () => {
    expect(missingPortalTags(undefined, wanted)).toEqual(wanted);
    expect(missingPortalTags({ ...wanted, costCenter: "42" }, wanted)).toEqual({});
  });

  it("names compare case-insensitively, values exactly; the customer's own tags are not touched", () => {
    expect(missingPortalTags({ "PORTAL-TENANT": "contoso", owner: "ann" }, wanted)).toEqual({
      "portal-tenant-id": "ten_1",
      "portal-plan": "plan_1",
      "portal-operation": "op_1",
    });
    expect(missingPortalTags({ ...wanted, "portal-tenant": "Contoso" }, wanted)).toEqual({
      "portal-tenant": "contoso",
    });
  });

  it("the creating operation is kept as first written", () => {
    expect(missingPortalTags({ ...wanted, [PORTAL_TAG.operation]: "op_0" }, wanted)).toEqual({});
  });

  it("adds only what fits under Azure's tag count, tenant first", () => {
    const full = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`t${i}`, "v"]));
    expect(missingPortalTags(full, wanted)).toEqual({ "portal-tenant": "contoso", "portal-tenant-id": "ten_1" });
    const storage = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`t${i}`, "v"]));
    expect(missingPortalTags(storage, wanted, { storage: true })).toEqual({});
  });
});

describe("withMissingPortalTags: what a PUT to a resource that may exist carries", () => {
  const wanted = portalTags(owner);

  it("a new resource gets the portal's tags; an existing one keeps its own, its first operation and one spelling", () => {
    expect(withMissingPortalTags(null, wanted)).toEqual(wanted);
    expect(
      withMissingPortalTags({ owner: "ann", [PORTAL_TAG.operation]: "op_0", "PORTAL-TENANT": "Contoso" }, wanted),
    ).toEqual({ ...wanted, owner: "ann", [PORTAL_TAG.operation]: "op_0" });
  });
});
