import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allOperationKinds, kinds, operationKinds } from "./kinds";

const root = process.env.KINDS_SCAN_ROOT ?? path.resolve(__dirname, "../..");
const scanned = ["app", "components", "lib", "worker", "scripts"];

/**
 * Where a kind's name may be spelt out: the catalogue itself; tests (they check what is stored and shown, and a
 * stored name is data); lib/azure, whose `kind`s name ARM long-running operations inside stored continuations
 * (vm.delete, vm.update, resourceGroup.delete), a vocabulary of their own that knows nothing about Operations; and
 * audit actions (`action: "vm.create"`, lib/audit/labels.ts), which name what a user did, not an operation.
 */
const isExempt = (file: string) =>
  file === "lib/operations/kinds.ts" ||
  /\.test\.tsx?$/.test(file) ||
  file.startsWith("lib/azure/") ||
  file === "lib/audit/labels.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sourceFiles(rel);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [rel] : [];
  });
}

/** Every quoted operation-kind name outside the exempt places, as "file:line: text". */
export function spelledKinds() {
  const names = new Set<string>(allOperationKinds);
  const literal = /(action:\s*)?(["'`])([A-Za-z]+\.[A-Za-z]+)\2/g;
  return scanned
    .flatMap(sourceFiles)
    .filter((file) => !isExempt(file))
    .flatMap((file) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /^\s*(\*|\/\/)/.test(line)
            ? []
            : [...line.matchAll(literal)]
                .filter((m) => !m[1] && names.has(m[3]))
                .map(() => `${file}:${i + 1}: ${line.trim()}`),
        ),
    );
}

describe("operation-kind catalogue (issue 13)", () => {
  it("is the only place a kind is spelt out: code names kinds through `kinds`, so the type check sees every use", () => {
    expect(spelledKinds()).toEqual([]);
  });

  it("gives every kind its own label, and names each kind by its noun and verb", () => {
    const labels = allOperationKinds.map((kind) => operationKinds[kind].label);
    expect(labels.every((label) => label.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(kinds.vm.create).toBe("vm.create");
    expect(kinds.tenantSubscription.provision).toBe("tenantSubscription.provision");
  });

  it("holds only kinds the worker runs: no label for a kind without a handler (vm.sync, lb.sync)", async () => {
    const { jobKinds } = await import("@/lib/jobs/define-job");
    await import("@/worker/handlers");
    expect([...jobKinds()].sort()).toEqual([...allOperationKinds].sort());
    expect(allOperationKinds).not.toContain("vm.sync");
    expect(allOperationKinds).not.toContain("lb.sync");
  });
});
