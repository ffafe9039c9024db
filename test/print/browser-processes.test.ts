/**
 * The browser greenbook launches runs a renderer for each tab it opens and nothing else: no spare
 * renderer, no WebUI of the headless window's own (the address bar's popups), which would hold
 * memory for the whole build.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";

/** Command lines of the processes under `root`. */
function descendants(root: number): string[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Ended while listed.
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(under).map((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      return "";
    }
  });
}

describe("the launched browser", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it.each(["tab", "window"] as const)("has one renderer per open %s and no browser-UI pages", async (type) => {
    // greenbook opens every page as a window of its own (src/browser/tab-pool.ts).
    const pages = [await session.browser.newPage({ type }), await session.browser.newPage({ type })];
    await Promise.all(pages.map((p) => p.setContent("<p>one tab</p>")));
    const cdp = await session.browser.target().createCDPSession();
    // An empty filter lists every target, the browser's own UI pages too.
    const { targetInfos } = (await cdp.send("Target.getTargets", { filter: [{}] } as never)) as { targetInfos: { type: string; url: string }[] };
    expect(targetInfos.filter((t) => t.type !== "page" && t.type !== "tab").map((t) => `${t.type} ${t.url}`)).toEqual([]);
    const renderers = descendants(session.browser.process()!.pid!).filter((c) => c.includes("--type=renderer"));
    expect(renderers).toHaveLength(2);
    expect(renderers.filter((c) => c.includes("--top-chrome-webui"))).toEqual([]);
    await Promise.all(pages.map((p) => p.close()));
  }, 60_000);
});
