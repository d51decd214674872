import { expect, type Locator, type Page } from "@playwright/test";

/**
 * What a sighted keyboard user sees of the focused element: where it is, and whether its look differs from the look
 * it had before it took the focus (outline, ring, border, background or underline), read once transitions have ended.
 * The element that had the focus before is compared too, now that it has lost it.
 */
async function focusMark(page: Page) {
  return page.evaluate(async () => {
    const look = async (el: Element) => {
      await Promise.all(el.getAnimations().map((a) => a.finished.catch(() => {})));
      const s = getComputedStyle(el);
      return [
        s.outlineStyle,
        s.outlineWidth,
        s.outlineColor,
        s.boxShadow,
        s.borderColor,
        s.backgroundColor,
        s.textDecorationLine,
      ].join("|");
    };
    const previous = document.querySelector("[data-kbd-focused-look]");
    if (previous && previous !== document.activeElement) {
      const focusedLook = previous.getAttribute("data-kbd-focused-look");
      previous.removeAttribute("data-kbd-focused-look");
      if (focusedLook === (await look(previous))) previous.setAttribute("data-kbd-unmarked", "");
    }
    const unmarked = [...document.querySelectorAll("[data-kbd-unmarked]")].map((u) => {
      u.removeAttribute("data-kbd-unmarked");
      return `<${u.tagName.toLowerCase()}> "${(u.getAttribute("aria-label") ?? u.textContent ?? "").trim().slice(0, 40)}"`;
    });
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { isOnPage: false, unmarked } as const;
    el.setAttribute("data-kbd-focused-look", await look(el));
    const box = el.getBoundingClientRect();
    const name = el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.textContent?.trim().slice(0, 40) ?? "";
    return {
      isOnPage: true,
      isShown: box.width > 0 && box.height > 0,
      unmarked,
      what: `<${el.tagName.toLowerCase()}> "${name}"`,
    } as const;
  });
}

type FocusMark = Awaited<ReturnType<typeof focusMark>>;

/** Every element the focus left showed a mark while it had it (WCAG 2.4.7); the focused one is on the page, shown. */
function expectMarked(mark: FocusMark, { mayBeOffPage = false } = {}) {
  expect(mark.unmarked, "elements that showed no focus mark (outline, ring, border, background, underline)").toEqual(
    [],
  );
  if (!mark.isOnPage) {
    expect(mayBeOffPage, "focus is on an element of the page").toBe(true);
    return;
  }
  expect(mark.isShown, `${mark.what} has focus and is shown`).toBe(true);
}

/** The focused element is on the page and shown, and the one the focus came from showed that it had it. */
export async function expectFocusVisible(page: Page) {
  expectMarked(await focusMark(page));
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that the focus is visible. Fails when
 * `max` presses never reach it: the element is out of the tab order, or something on the way keeps the focus.
 */
export async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}) {
  const { back = false, max = 60 } = opts;
  await expect(target, "the element to tab to is on the page").toBeVisible();
  let wasOffPage = false;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    // Past the last element the focus leaves for the browser's own controls once, then the next Tab starts over.
    const mark = await focusMark(page);
    expectMarked(mark, { mayBeOffPage: !wasOffPage });
    wasOffPage = !mark.isOnPage;
    if (await isFocused(target)) return;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target}`);
}

/** Focuses `target` with Tab and types into it, replacing what it held. */
export async function tabAndType(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

/**
 * Tabs through the whole page from where the focus is until it comes back to the same element: every control can be
 * left with Tab, so nothing traps the focus. Returns how many stops the page has.
 */
export async function expectTabCycle(page: Page, max = 150) {
  const start = await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.setAttribute("data-tab-start", "");
    return document.activeElement?.tagName;
  });
  expect(start, "the cycle starts on a focused element").toBeTruthy();
  const seen = new Set<string>();
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    expectMarked(await focusMark(page), { mayBeOffPage: true });
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return "body";
      if (el.hasAttribute("data-tab-start")) return "start";
      return `${el.tagName}#${el.id}${el.getAttribute("name") ?? ""}${el.textContent?.slice(0, 30) ?? ""}`;
    });
    if (where === "start") {
      await page.evaluate(() => document.querySelector("[data-tab-start]")?.removeAttribute("data-tab-start"));
      return i;
    }
    // Leaving the page to the browser's own controls (body) and coming back is a cycle too.
    if (where !== "body") seen.add(where);
  }
  throw new Error(
    `Tab did not come back to where it started within ${max} presses: stuck among ${[...seen].slice(-5)}`,
  );
}
