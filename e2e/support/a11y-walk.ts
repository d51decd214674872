import type { Page } from "@playwright/test";
import { seriousViolations, type Finding } from "./axe";
import { appPagePatterns, fillPattern, listPageOf, patternsOf, type Persona } from "./routes";

/** A state worth checking on a page beyond its first render: a dialog opened, a form refused. */
export type Extra = (page: Page, check: (where: string) => Promise<void>) => Promise<void>;

/**
 * The page has loaded and React has hydrated it (charts and dialogs are client components): the browser's first idle
 * moment after the load event comes once the scripts that ran on load are done.
 */
export async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2_000 })));
}

/**
 * What the theme toggle's choice does to the page (next-themes with attribute="class"), with transitions and
 * animations off as next-themes turns them off, so colours are read at their end, not mid-fade (a dialog's too).
 */
async function setDark(page: Page, isDark: boolean) {
  await page.evaluate((dark) => {
    if (!document.getElementById("a11y-still")) {
      const style = document.createElement("style");
      style.id = "a11y-still";
      style.textContent = "*,*::before,*::after{transition:none!important;animation:none!important}";
      document.head.append(style);
    }
    document.documentElement.classList.toggle("dark", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, isDark);
}

/**
 * Axe on the page in the light theme, then colour contrast in the dark one: the theme only changes colours, so the
 * other rules would find the same things twice. `within` narrows both to the page's own content.
 */
export async function checkBothThemes(page: Page, where: string, findings: Finding[], within?: string[]) {
  await setDark(page, false);
  findings.push(...(await seriousViolations(page, where, { within })));
  await setDark(page, true);
  findings.push(...(await seriousViolations(page, `${where} (dark)`, { only: ["color-contrast"], within })));
  await setDark(page, false);
}

export type WalkOptions = {
  /** Values for route segments every page shares, e.g. { tenant: "acmecorp" }. */
  values?: Record<string, string>;
  /** States to check after a page's first render, by route pattern. */
  extras?: Record<string, Extra>;
  /** Pages the persona's role may not open: each must answer 404 (the first one's page is checked too). */
  refused?: string[];
};

/** The links of the page (same-origin paths), where the walk finds the ids of detail pages. */
const linksOf = (page: Page) =>
  page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));

/**
 * Visits every page the persona walks (from app/**\/page.tsx), filling [tenant] from `values` and ids from links its
 * earlier pages showed (or, failing that, the list page above it), checks each in both themes and runs a page's
 * extras. Returns what failed, the pages that did not answer, and which dynamic pages no link led to.
 */
export async function walkPages(page: Page, persona: Persona, opts: WalkOptions = {}) {
  const { values = {}, extras = {}, refused = [] } = opts;
  const all = appPagePatterns();
  const findings: Finding[] = [];
  const failedAnswers: string[] = [];
  const seenHrefs = new Set<string>();
  const unreached: string[] = [];
  let isNotFoundChecked = false;
  let isShellChecked = false;
  for (const pattern of [...patternsOf(persona, all), ...refused]) {
    let url = fillPattern(pattern, values, seenHrefs, all);
    const listPage = url ? null : listPageOf(pattern, values, all);
    if (listPage) {
      await page.goto(listPage);
      for (const href of await linksOf(page)) seenHrefs.add(href);
      url = fillPattern(pattern, values, seenHrefs, all);
    }
    if (!url) {
      unreached.push(pattern);
      continue;
    }
    const response = await page.goto(url);
    const status = response?.status() ?? 0;
    if (refused.includes(pattern)) {
      if (status !== 404) failedAnswers.push(`${url} answered ${status}, not 404`);
      if (!isNotFoundChecked) await checkBothThemes(page, `${url} (not found)`, findings);
      isNotFoundChecked = true;
      continue;
    }
    if (status >= 400) {
      failedAnswers.push(`${url} answered ${status}`);
      continue;
    }
    await settle(page);
    for (const href of await linksOf(page)) seenHrefs.add(href);
    if (!(await page.title())) failedAnswers.push(`${url} has no title`);
    // The shell (sidebar, header) is the same on every page of the walk: checked whole on the first page, then only
    // the page's own content. The extras check the whole page again (dialogs and menus open outside <main>).
    await checkBothThemes(page, url, findings, isShellChecked ? ["main"] : undefined);
    isShellChecked = true;
    await extras[pattern]?.(page, (where) => checkBothThemes(page, `${url} ${where}`, findings));
  }
  return { findings, failedAnswers, unreached };
}
