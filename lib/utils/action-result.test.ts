import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { idleResult, type ActionFailure, type ActionResult, type ActionSuccess } from "./action-result";

type Added = { user: { name: string }; credential: { oneTimePassword: string } | null };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("ActionResult", () => {
  it("types an action's data, so a success carries it and a typed result needs no cast", () => {
    expectTypeOf<ActionSuccess<Added>>().toEqualTypeOf<{ ok: true; data: Added; message?: string }>();
    expectTypeOf<Extract<ActionResult<Added>, { ok: false }>>().toEqualTypeOf<ActionFailure>();
    // Untyped actions and the idle state still fit the old shape: no data at all.
    expectTypeOf(idleResult).toExtend<ActionResult>();
    expectTypeOf<{ ok: true }>().toExtend<ActionResult>();
    expectTypeOf<{ ok: true }>().not.toExtend<ActionResult<Added>>();
  });

  it("is read without casts in pages and components (issue 13 point 6)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const casts = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "components"))].flatMap(
      (file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) =>
            /\.data as\b|as ActionResult\b/.test(line) ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`] : [],
          ),
    );
    expect(casts).toEqual([]);
  });
});
