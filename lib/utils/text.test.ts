import { describe, expect, it } from "vitest";
import { controlCharacterFields, hasControlCharacters } from "./text";

describe("control characters (issue 16)", () => {
  it.each([
    ["NUL", "web\u0000"],
    ["a C0 control", "a\u0007b"],
    ["DEL", "a\u007f"],
    ["a C1 control", "a\u0085b"],
    ["a right-to-left override", "fz\u202egnp.exe\u202c"],
    ["a bidi isolate", "\u2066x\u2069"],
    ["a right-to-left mark", "a\u200fb"],
  ])("refuses %s", (_what, value) => {
    expect(hasControlCharacters(value)).toBe(true);
  });

  it("accepts ordinary text, other scripts, emoji, and tab or line breaks", () => {
    for (const value of [
      "web-01",
      "Contoso Ltd.",
      "Müller & Söhne",
      "Ζήτα",
      "データ",
      "ok 👍",
      "ssh-rsa AAAA\nline\ttab\r\n",
    ])
      expect(hasControlCharacters(value)).toBe(false);
  });

  it("names every field that holds one, nested or repeated", () => {
    const body = {
      name: "ok",
      notes: "bad\u0000",
      rules: [{ name: "Rule2" }, { name: "R\u202e" }],
      ids: ["a", "b\u0001"],
      count: 3,
    };
    expect(controlCharacterFields(body)).toEqual(["notes", "rules.1.name", "ids"]);
    expect(controlCharacterFields("x\u0000")).toEqual(["form"]);
    expect(controlCharacterFields({ n: null, d: new Date(0) })).toEqual([]);
  });
});
