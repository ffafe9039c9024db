import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { PrintError } from "../errors.ts";
import { findBrowser } from "./find-browser.ts";
import { onProcessExit } from "../io/exit-cleanup.ts";
import { removeStaleByPid } from "../io/stale-by-pid.ts";

/** Profile folders are `<tmp>/greenbook-chromium-<pid of greenbook>-XXXXXX`: a later run removes those whose owner died. */
export const PROFILE_PREFIX = "greenbook-chromium-";
const STALE_PROFILE = /^greenbook-chromium-(\d+)-/;
/** How long a browser may take to close before it is killed. */
const CLOSE_GRACE_MS = 5000;
/** How long the browser's helper processes may outlive it before they are killed. */
const GROUP_GRACE_MS = 2000;

/**
 * Flags every greenbook Chromium starts with: no sandbox (we run as root in CI), no network
 * chatter, no spare renderer (Chromium keeps one idle renderer ready for the next tab; a print's
 * tab costs nothing measurable to start without it, and the idle one held ~90 MiB of PSS), and no
 * omnibox popups: headless Chromium 156 still builds its window's address-bar popups as WebUI pages
 * (chrome://omnibox-popup.top-chrome/, plain and "AI mode"), in a renderer of their own that
 * lives as long as any tab and held 35–60 MiB of PSS while printing.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-features=SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-quic",
  "--font-render-hinting=none",
  "--hide-scrollbars",
  "--mute-audio",
];

export interface BrowserOptions {
  /** Connect to an already-running Chrome at this DevTools WebSocket URL instead of launching one. */
  browserWSEndpoint?: string;
  /** Chromium executable; default: found by findBrowser(). */
  executablePath?: string;
}

/** A browser for one build, and how to let go of it (close a launched one, disconnect a remote one). */
export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh user-data dir (or connects to a remote one). */
export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  if (options.browserWSEndpoint) {
    try {
      const browser = await puppeteer.connect({ browserWSEndpoint: options.browserWSEndpoint, protocolTimeout: 120_000 });
      return { browser, close: async () => browser.disconnect() };
    } catch (err) {
      throw new PrintError(`Cannot connect to the browser at ${options.browserWSEndpoint}: ${(err as Error).message}`, { cause: err });
    }
  }
  const executablePath = options.executablePath ?? findBrowser();
  // Profiles left by greenbook runs that were killed (kill -9) before they could remove them.
  removeStaleByPid(os.tmpdir(), STALE_PROFILE);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  // Retried, then let go: Chromium's last helpers may still write to the profile as it is removed;
  // whatever survives is swept by the next run (removeStaleByPid), and the build is not failed for it.
  const removeProfile = () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // Left for the next run's sweep.
    }
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`],
      userDataDir,
      protocolTimeout: 120_000,
      // DevTools over the browser's stdin/stdout-like pipe (fds 3 and 4): when greenbook dies, even
      // by kill -9, the pipe closes and Chromium exits instead of living on as an orphan.
      pipe: true,
      // greenbook owns SIGINT/SIGTERM/SIGHUP (src/cli/interrupt.ts): it cancels the build, then
      // closes the browser. Puppeteer's own handlers would close it under a running print, which
      // looks like a crash, or exit without removing the profile and the staged outputs.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8" },
    });
  } catch (err) {
    removeProfile();
    throw new PrintError(`Cannot start Chromium at ${executablePath}: ${(err as Error).message}`, { cause: err });
  }
  // Chromium opens with one about:blank tab, whose renderer holds ~6 % of the tree's memory; every
  // page greenbook uses is its own newPage(), so the blank one is closed at once.
  for (const blank of await browser.pages().catch(() => [])) await blank.close().catch(() => undefined);
  const child = browser.process();
  // A browser killed mid-print resets its pipes (ECONNRESET) after Puppeteer has stopped listening
  // to them: the crash is handled (BrowserHolder restarts it), the stream error must not end greenbook.
  for (const stream of child?.stdio ?? []) (stream as NodeJS.EventEmitter | null)?.on("error", () => undefined);
  // However the process ends: kill the browser's process group (it is its own group's leader) and remove the profile.
  const unregister = onProcessExit(() => {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }
    removeProfile();
  });
  return {
    browser,
    close: async () => {
      try {
        let timer: NodeJS.Timeout | undefined;
        const closed = browser.close().then(() => true, () => false);
        const inTime = await Promise.race([closed, new Promise<boolean>((r) => (timer = setTimeout(() => r(false), CLOSE_GRACE_MS)))]);
        clearTimeout(timer);
        if (!inTime && child?.pid !== undefined && child.exitCode === null) {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            child.kill("SIGKILL");
          }
        }
        // Chromium's helpers (zygote, utility, crash handler) outlive the browser process by a
        // moment and write to the profile until they end: wait for the whole group first.
        if (child?.pid !== undefined) await groupEnded(child.pid);
      } finally {
        removeProfile();
        unregister();
      }
    },
  };
}

/** Resolves once no process of the group led by `pid` is left, killing what remains after GROUP_GRACE_MS. */
async function groupEnded(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const until = Date.now() + GROUP_GRACE_MS;
  while (alive() && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  if (!alive()) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    return;
  }
  for (let i = 0; i < 40 && alive(); i++) await new Promise((r) => setTimeout(r, 25));
}
