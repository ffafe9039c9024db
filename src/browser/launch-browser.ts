import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { PrintError } from "../errors.ts";
import { findBrowser } from "./find-browser.ts";

/** Flags every greenbook Chromium starts with: no sandbox (we run as root in CI), no network chatter. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
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
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "greenbook-chromium-"));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`],
      userDataDir,
      protocolTimeout: 120_000,
      env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8" },
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new PrintError(`Cannot start Chromium at ${executablePath}: ${(err as Error).message}`, { cause: err });
  }
  return {
    browser,
    close: async () => {
      try {
        await browser.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
