// Vitest's file order: the longest files first, so the three forks end together instead of one starting a long
// integration file when the others are done. Vitest's own order does that from its results cache, which a clean clone
// (the CI) does not have; it then goes by file size, which puts some long files (a worker, an emulator, few lines)
// last. Here a file's time comes from vitest's cache when it has one, else from test/durations.json; a file in
// neither runs first (new files are mostly integration files). Only the order changes: every file still runs once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = path.resolve(import.meta.dirname, "..");
const recorded: Record<string, unknown> = JSON.parse(readFileSync(path.join(root, "test/durations.json"), "utf8"));

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const seconds = (spec: TestSpecification) => {
      const cached = this.ctx.cache.getTestSpecificationResult(spec);
      if (cached) return cached.duration / 1000;
      const value = recorded[path.relative(root, spec.moduleId).split(path.sep).join("/")];
      return typeof value === "number" ? value : Infinity;
    };
    const time = new Map(files.map((spec) => [spec, seconds(spec)]));
    return [...files].sort((a, b) => {
      const [ta, tb] = [time.get(a)!, time.get(b)!];
      return ta === tb ? 0 : tb > ta ? 1 : -1;
    });
  }
}
