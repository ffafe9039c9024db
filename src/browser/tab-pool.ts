/**
 * Tabs kept open for the next document of the same kind ("print", "styles", "charts"): opening a
 * tab cost headless Chromium 0.35–0.5 s of CPU and 0.26–0.45 s here, loading another document
 * in one already open about 0.1 s (the README's Performance section), and a cold build used ten.
 *
 * A tab goes back to its browser's pool only when the work done in it succeeded (a failed print
 * may still be laying out); it is closed once it has been idle IDLE_MS, or by closeIdleTabs (the
 * engine calls it when a build ends), so a watching or previewing process holds no tab between
 * builds. Each kind sets its tab up once (request handler, media, scripts) and keeps that state
 * with it; at most one piece of work uses a tab at a time.
 */
import type { Browser, Page } from "puppeteer-core";
import type { BrowserSession } from "./launch-browser.ts";

/** How long an unused tab stays open. */
export const TAB_IDLE_MS = 2_000;

interface IdleTab {
  page: Page;
  state: unknown;
  timer: NodeJS.Timeout;
}

/** Idle tabs by browser, then by kind. */
const pools = new WeakMap<Browser, Map<string, IdleTab[]>>();

function poolOf(browser: Browser, kind: string): IdleTab[] {
  let kinds = pools.get(browser);
  if (!kinds) pools.set(browser, (kinds = new Map()));
  let idle = kinds.get(kind);
  if (!idle) kinds.set(kind, (idle = []));
  return idle;
}

/**
 * Runs `work` in a tab of `kind`: an idle one of the session's browser, or a new one set up by
 * `setup` (whose result is the tab's state, passed to `work` each time). The tab is kept for the
 * next piece of work of its kind if `work` succeeds, and closed if it fails.
 */
export async function withTab<S, T>(session: BrowserSession, kind: string, setup: (page: Page) => Promise<S>, work: (page: Page, state: S) => Promise<T>): Promise<T> {
  const idle = poolOf(session.browser, kind);
  let tab: { page: Page; state: S } | undefined;
  while (!tab && idle.length) {
    const t = idle.pop()!;
    clearTimeout(t.timer);
    if (!t.page.isClosed() && session.browser.connected) tab = { page: t.page, state: t.state as S };
  }
  if (!tab) {
    const page = await session.browser.newPage({ type: "window" });
    try {
      tab = { page, state: await setup(page) };
    } catch (err) {
      await page.close().catch(() => undefined);
      throw err;
    }
  }
  let result: T;
  try {
    result = await work(tab.page, tab.state);
  } catch (err) {
    await tab.page.close().catch(() => undefined);
    throw err;
  }
  if (tab.page.isClosed() || !session.browser.connected) return result;
  const entry: IdleTab = {
    page: tab.page,
    state: tab.state,
    timer: setTimeout(() => {
      const at = idle.indexOf(entry);
      if (at >= 0) idle.splice(at, 1);
      void entry.page.close().catch(() => undefined);
    }, TAB_IDLE_MS).unref(),
  };
  idle.push(entry);
  return result;
}

/** Closes every idle tab of the session's browser (a build that ends leaves none open). */
export async function closeIdleTabs(session: BrowserSession): Promise<void> {
  const kinds = pools.get(session.browser);
  if (!kinds) return;
  const tabs = [...kinds.values()].flatMap((idle) => idle.splice(0));
  for (const t of tabs) clearTimeout(t.timer);
  await Promise.all(tabs.map((t) => t.page.close().catch(() => undefined)));
}
