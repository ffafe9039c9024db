/**
 * Tabs kept for reuse (src/browser/tab-pool.ts): a tab of a kind is reused by the next piece of
 * work of that kind, closed when work in it fails, when it has been idle, or by closeIdleTabs; and
 * every tab is its own window, so one never hides another (a hidden page gets no animation frames,
 * and Paged.js, which lays out in them, would stall until it was shown again).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "puppeteer-core";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { closeIdleTabs, TAB_IDLE_MS, withTab } from "../../src/browser/tab-pool.ts";

/** Whether the page is shown and gets an animation frame within a second. */
const FRAME = `new Promise((resolve) => {
  const t = setTimeout(() => resolve(document.visibilityState + " no frame"), 1000);
  requestAnimationFrame(() => { clearTimeout(t); resolve(document.visibilityState + " frame"); });
})`;

describe("the tab pool", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  const openPages = async () => (await session.browser.pages()).filter((p) => !p.isClosed()).length;
  const setup = async (page: Page) => ({ made: page });

  it("reuses a tab of the same kind, with the state its set-up made, and not across kinds", async () => {
    const first = await withTab(session, "a", setup, async (page, state) => {
      expect(state.made).toBe(page);
      return page;
    });
    const again = await withTab(session, "a", setup, async (page) => page);
    const other = await withTab(session, "b", setup, async (page) => page);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    await closeIdleTabs(session);
    expect(first.isClosed()).toBe(true);
    expect(other.isClosed()).toBe(true);
    expect(await openPages()).toBe(0);
  }, 60_000);

  it("closes a tab whose work failed instead of reusing it", async () => {
    let failed: Page | undefined;
    await expect(
      withTab(session, "a", setup, async (page) => {
        failed = page;
        throw new Error("layout failed");
      }),
    ).rejects.toThrow("layout failed");
    expect(failed!.isClosed()).toBe(true);
    const next = await withTab(session, "a", setup, async (page) => page);
    expect(next).not.toBe(failed);
    await closeIdleTabs(session);
  }, 60_000);

  it("gives work at the same time tabs of its own, and closes idle tabs after TAB_IDLE_MS", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const busy = withTab(session, "a", setup, async (page) => (await held, page));
    const meanwhile = await withTab(session, "a", setup, async (page) => page);
    release();
    expect(await busy).not.toBe(meanwhile);
    expect(await openPages()).toBe(2);
    await new Promise((r) => setTimeout(r, TAB_IDLE_MS + 500));
    expect(await openPages()).toBe(0);
  }, 60_000);

  it("keeps every tab shown: an older tab still gets animation frames after newer ones open", async () => {
    let older: Page | undefined;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const busy = withTab(session, "print", setup, async (page) => {
      older = page;
      await page.setContent("<p>older</p>");
      await held;
      return page.evaluate(FRAME);
    });
    while (!older) await new Promise((r) => setTimeout(r, 20));
    const newer = await withTab(session, "styles", setup, async (page) => (await page.setContent("<p>newer</p>"), page.evaluate(FRAME)));
    release();
    expect(await busy).toBe("visible frame");
    expect(newer).toBe("visible frame");
    await closeIdleTabs(session);
  }, 60_000);
});
