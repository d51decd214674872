import { describe, expect, it } from "vitest";
import { addMemberSchema, createTenantSchema, slugify, subscribeSchema } from "./schema";

describe("tenant schema", () => {
  it("derives the slug from the name when none is given", () => {
    expect(slugify("Contoso Ltd.")).toBe("contoso-ltd");
    expect(slugify("  Ærø Café & Co  ")).toBe("r-cafe-co");
    expect(slugify("x".repeat(60))).toHaveLength(40);
    expect(createTenantSchema.parse({ name: "Fabrikam, Inc.", slug: "" }).slug).toBe("fabrikam-inc");
  });

  it("keeps an edited slug, lower-cased", () => {
    expect(createTenantSchema.parse({ name: "Fabrikam", slug: "FAB-01" }).slug).toBe("fab-01");
  });

  it("refuses reserved and malformed slugs beside the slug field", () => {
    for (const slug of ["admin", "helpdesk", "api", "login", "new"]) {
      const result = createTenantSchema.safeParse({ name: "Anything", slug });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["slug"], message: expect.stringContaining("reserved") });
    }
    expect(createTenantSchema.safeParse({ name: "Admin" }).error?.issues[0].path).toEqual(["slug"]);
    for (const slug of ["-lead", "trail-", "under_score", "a".repeat(41)]) {
      expect(createTenantSchema.safeParse({ name: "Anything", slug }).error?.issues[0].path).toEqual(["slug"]);
    }
    expect(createTenantSchema.safeParse({ name: "!!" }).error?.issues[0].path).toEqual(["slug"]);
  });

  it("bounds the name and checks the owner's email", () => {
    expect(createTenantSchema.safeParse({ name: "A" }).error?.issues[0].path).toEqual(["name"]);
    expect(createTenantSchema.safeParse({ name: "A".repeat(65) }).error?.issues[0].path).toEqual(["name"]);
    expect(createTenantSchema.safeParse({ name: "Contoso", ownerEmail: "not-an-email" }).error?.issues[0].path).toEqual(
      ["ownerEmail"],
    );
    expect(createTenantSchema.safeParse({ name: "Contoso", ownerName: "Ann" }).error?.issues[0].path).toEqual([
      "ownerEmail",
    ]);
    expect(
      createTenantSchema.parse({ name: "Contoso", ownerEmail: " Ann@Contoso.Example ", ownerName: "" }),
    ).toMatchObject({
      ownerEmail: "ann@contoso.example",
      ownerName: undefined,
    });
  });

  it("needs a known role for a member", () => {
    expect(addMemberSchema.safeParse({ email: "a@b.example", role: "admin" }).success).toBe(false);
    expect(addMemberSchema.parse({ email: "A@B.example", role: "reader", name: "" })).toEqual({
      email: "a@b.example",
      role: "reader",
      name: undefined,
    });
  });

  it("asks for a plan when the form posts none", () => {
    expect(subscribeSchema.safeParse({}).error?.issues[0]).toMatchObject({
      path: ["planId"],
      message: "Choose a plan.",
    });
    expect(subscribeSchema.parse({ planId: "p1", name: " " })).toEqual({ planId: "p1", name: undefined });
  });
});
