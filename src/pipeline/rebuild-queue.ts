/**
 * Coalesces rebuild requests: at most one build runs; every request made while it runs is served
 * by one next build (never one per request, never a loop), and a request during a build aborts
 * it, since its inputs are already stale.
 */
export class RebuildQueue<R> {
  private running: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private waiting: ((report: R) => void)[] = [];
  private closed = false;
  /** Builds started so far (for tests and reports). */
  builds = 0;

  constructor(
    private readonly build: (signal: AbortSignal) => Promise<R>,
    private readonly onReport: (report: R) => void = () => undefined,
  ) {}

  /** Asks for a build; resolves with the report of the build that covers this request. */
  request(): Promise<R> {
    return new Promise<R>((resolve) => {
      this.waiting.push(resolve);
      if (this.running) this.controller?.abort();
      else this.start();
    });
  }

  private start(): void {
    if (this.closed || this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    const controller = new AbortController();
    this.controller = controller;
    this.builds += 1;
    this.running = this.build(controller.signal).then((report) => {
      this.running = undefined;
      this.controller = undefined;
      // An aborted build's report goes to the requests that come after it: they get the next build's.
      if (controller.signal.aborted && this.waiting.length > 0) this.waiting.unshift(...batch);
      else {
        this.onReport(report);
        for (const resolve of batch) resolve(report);
      }
      this.start();
    });
  }

  /** Stops taking requests and waits for the running build. */
  async close(): Promise<void> {
    this.closed = true;
    this.controller?.abort();
    await this.running;
  }
}
