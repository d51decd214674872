import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateClientTypes, typesFile } from "./generate";

describe("typed client", () => {
  it("is generated from the current document (npm test regenerates it; by hand: npx tsx lib/api/client/generate.ts)", async () => {
    expect(await readFile(typesFile, "utf8")).toBe(await generateClientTypes());
  });
});
