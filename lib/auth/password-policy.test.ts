import { describe, expect, it } from "vitest";
import { demoPassword } from "@/scripts/seed";
import { passwordProblem } from "./password-policy";
import { changePasswordSchema } from "./password-schema";

describe("passwordProblem (NIST SP 800-63B)", () => {
  it("accepts the demo password the README gives, long passphrases and any characters", () => {
    expect(passwordProblem(demoPassword)).toBeNull();
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("ünïcödé päss wörd ✓")).toBeNull();
  });

  it("needs 12 characters, with no composition rule", () => {
    expect(passwordProblem("Aa1!Aa1!Aa1")).toMatch(/at least 12 characters/);
    expect(passwordProblem("alllowercasewords")).toBeNull();
  });

  it("refuses listed passwords, listed words padded with digits and symbols, and one repeated character", () => {
    for (const weak of [
      "qwerty123456",
      "1qaz2wsx3edc",
      "Password1234",
      "Summer2026!!",
      "!!!Dragon2026",
      "zzzzzzzzzzzzzz",
    ]) {
      expect(passwordProblem(weak), weak).toMatch(/too common/);
    }
  });

  it("refuses a password built from the account's email", () => {
    expect(passwordProblem("olivia.owner-2026", { email: "olivia.owner@contoso.example" })).toMatch(/email/);
  });
});

describe("changePasswordSchema", () => {
  it("reports each problem beside its field", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short", confirmPassword: "x" });
    const fields = result.error!.flatten().fieldErrors;
    expect(fields.currentPassword).toEqual(["Enter your current password."]);
    expect(fields.newPassword?.[0]).toMatch(/at least 12/);
    expect(fields.confirmPassword).toEqual(["The two new passwords differ."]);
  });
});
