/**
 * The one browser of a build engine: launched on first use and shared (one launch in flight at a
 * time, however many documents ask), relaunched when it died, and a document whose browser
 * crashes is tried once more on a fresh one — unless the build is ending (its signal aborted).
 */
import { launchBrowser, type BrowserSession } from "../browser/launch-browser.ts";
import { PrintError } from "../errors.ts";
import { closeIdleTabs } from "../browser/tab-pool.ts";

/** Errors that mean the browser itself went away, not that the document is wrong. */
export function isBrowserCrash(err: unknown, session: BrowserSession | undefined): boolean {
  const msg = String((err as Error)?.message ?? err);
  return (session !== undefined && !session.browser.connected) || /Target closed|Session closed|Connection closed|browser has disconnected|Browser closed|crashed|detached Frame|Navigating frame was detached/i.test(msg);
}

/**
 * `work`, or the signal's reason as soon as it is aborted: a cancelled build does not wait for a
 * print to finish (the browser is closed under it next, and its late failure is ignored).
 */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export class BrowserHolder {
  private session?: BrowserSession;
  /** The launch in progress, shared by every document that asks for the browser meanwhile. */
  private launching?: Promise<BrowserSession>;
  /** The browser's version, e.g. "Chrome/156.0.8078.79" ("unknown" before the first launch). */
  version = "unknown";

  constructor(
    /** How a browser is obtained; default launchBrowser (or a connection to `browserWSEndpoint`). */
    private readonly launch: () => Promise<BrowserSession>,
    private readonly log: (line: string) => void,
  ) {}

  static forOptions(options: { launch?: () => Promise<BrowserSession>; browserWSEndpoint?: string }, log: (line: string) => void): BrowserHolder {
    return new BrowserHolder(options.launch ?? (() => launchBrowser({ browserWSEndpoint: options.browserWSEndpoint })), log);
  }

  /** The browser session, launched (or reconnected) when there is none or it died. */
  get(): Promise<BrowserSession> {
    if (this.session && this.session.browser.connected) return Promise.resolve(this.session);
    this.launching ??= (async () => {
      try {
        await this.session?.close().catch(() => undefined);
        this.session = undefined;
        const session = await this.launch();
        this.version = await session.browser.version();
        this.session = session;
        return session;
      } finally {
        this.launching = undefined;
      }
    })();
    return this.launching;
  }

  /** Runs `work` with the browser; if the browser crashes, restarts it and tries once more. */
  async run<T>(doc: string, work: (session: BrowserSession) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const first = await untilAborted(this.get(), signal);
    try {
      return await untilAborted(work(first), signal);
    } catch (err) {
      // A sibling failed or the build was cancelled: no retry, the build is ending.
      if (signal?.aborted || !isBrowserCrash(err, first)) throw err;
      this.log(`${doc}: the browser crashed (${(err as Error).message.split("\n")[0]}); restarting it and trying again`);
      if (this.session === first) {
        await first.close().catch(() => undefined);
        this.session = undefined;
      }
      signal?.throwIfAborted();
      try {
        return await untilAborted(this.get().then(work), signal);
      } catch (again) {
        if (signal?.aborted || !isBrowserCrash(again, this.session)) throw again;
        throw new PrintError(`${doc}: the browser crashed twice while building this document; nothing was written. Last error: ${(again as Error).message.split("\n")[0]}`, { cause: again });
      }
    }
  }

  /** The launched browser's process id (undefined before launch or for a remote browser). */
  get pid(): number | undefined {
    return this.session?.browser.process()?.pid;
  }

  /** Closes the tabs kept for reuse (src/browser/tab-pool.ts): a build that ends leaves none open. */
  async closeIdleTabs(): Promise<void> {
    if (this.session?.browser.connected) await closeIdleTabs(this.session);
  }

  /** Closes (or disconnects from) the browser; waits for a launch in flight first. */
  async close(): Promise<void> {
    await this.launching?.catch(() => undefined);
    await this.session?.close().catch(() => undefined);
    this.session = undefined;
  }
}
