import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, ContextObject, RunOptions } from "axe-core";

/** WCAG 2.0 and 2.1, levels A and AA: what issue 19 asks the portal to meet. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// axe-core itself (what @axe-core/playwright wraps), put into the page once per document: AxeBuilder evaluates its
// half-megabyte source again on every run, which was a third of a check's time with two runs per page (light, dark).
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type Finding = { where: string; id: string; impact: string; help: string; targets: string[] };

export type CheckScope = {
  /** Rules to run instead of every WCAG A/AA one (the dark theme only changes colours: color-contrast). */
  only?: string[];
  /** Check only inside these elements (the page's own content, once the shell around it was checked). */
  within?: string[];
};

/**
 * Runs axe on the page as it is now (an open dialog included) and returns its serious and critical violations, each
 * with where it was seen.
 */
export async function seriousViolations(page: Page, where: string, scope: CheckScope = {}): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const within = scope.within
    ? await page.evaluate((selectors) => selectors.filter((s) => document.querySelector(s)), scope.within)
    : [];
  // Next's development overlay, present only under `next dev`.
  const context: ContextObject = {
    exclude: [["nextjs-portal"]],
    ...(within.length > 0 ? { include: within.map((s) => [s]) } : {}),
  };
  const options: RunOptions = {
    runOnly: scope.only ? { type: "rule", values: scope.only } : { type: "tag", values: wcagTags },
    resultTypes: ["violations"],
  };
  type Found = { id: string; impact: string; help: string; targets: string[] };
  // Arguments typed loosely: Playwright's inference over axe's context and option types never ends (TS2589).
  const found = await page.evaluate<Found[], { context: unknown; options: unknown }>(
    async ({ context, options }) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
      const { violations } = await axe.run(context, options);
      return violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
          id: v.id,
          impact: v.impact!,
          help: v.help,
          targets: v.nodes.map((n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary}` : ""}`),
        }));
    },
    { context, options },
  );
  return found.map((f) => ({ where, ...f, targets: f.targets.map(oneLine) }));
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** One readable block per violation: what failed where, and its first nodes, for the assertion's message. */
export function describeFindings(findings: Finding[], nodesShown = 4) {
  return findings
    .map((f) => {
      const more = f.targets.length > nodesShown ? [`(and ${f.targets.length - nodesShown} more)`] : [];
      const nodes = [...f.targets.slice(0, nodesShown), ...more].map((t) => `    ${t}`).join("\n");
      return `${f.where}: ${f.id} (${f.impact}) ${f.help}\n${nodes}`;
    })
    .join("\n");
}
