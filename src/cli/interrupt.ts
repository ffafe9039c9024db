/**
 * greenbook owns SIGINT, SIGTERM and SIGHUP (Puppeteer's handlers are off, see launch-browser.ts).
 * The first signal aborts the command's AbortSignal: a build stops at once (its TaskGroup aborts
 * every document), discards its staged outputs, releases the lock and closes the browser, and the
 * command exits with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). If that takes
 * longer than the grace period, or a second signal comes, the process exits at once; its exit
 * cleanups (src/io/exit-cleanup.ts) still kill the browser and remove the temporary folders.
 */
import os from "node:os";
import { GreenbookError } from "../errors.ts";
import { messages } from "../messages.ts";

export const TRAPPED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
export type TrappedSignal = (typeof TRAPPED_SIGNALS)[number];

/** Milliseconds an interrupted command has to clean up before the process exits anyway. */
export const INTERRUPT_GRACE_MS = 6000;

/** The command was stopped by a signal; the abort reason of the command's signal. */
export class Interrupted extends GreenbookError {
  override name = "Interrupted";
  constructor(readonly signalName: TrappedSignal) {
    super(messages.interrupted(signalName));
  }

  /** The conventional exit code: 128 + the signal's number. */
  get exitCode(): number {
    return 128 + (os.constants.signals[this.signalName] ?? 1);
  }
}

export interface SignalTrap {
  /** Aborted (reason: an Interrupted) at the first signal. */
  signal: AbortSignal;
  /** Stops handling the signals (the defaults apply again). */
  dispose(): void;
}

/**
 * Handles SIGINT, SIGTERM and SIGHUP until disposed; `exit` is how the process is ended when
 * cleanup overruns or a second signal comes (default: process.exit with the reason's exit code).
 */
export function trapSignals(options: { graceMs?: number; exit?: (reason: Interrupted) => void } = {}): SignalTrap {
  const controller = new AbortController();
  const exit = options.exit ?? ((reason: Interrupted) => process.exit(reason.exitCode));
  const handler = (name: NodeJS.Signals) => {
    const reason = new Interrupted(name as TrappedSignal);
    if (controller.signal.aborted) return exit(reason);
    controller.abort(reason);
    if (options.graceMs === 0) return exit(reason);
    // Does not keep the process alive; fires only if something else does.
    setTimeout(() => exit(reason), options.graceMs ?? INTERRUPT_GRACE_MS).unref();
  };
  for (const name of TRAPPED_SIGNALS) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of TRAPPED_SIGNALS) process.off(name, handler);
    },
  };
}

/** The Interrupted behind an error or an aborted signal, if that is why the command ended. */
export function interruption(err: unknown, signal?: AbortSignal): Interrupted | undefined {
  if (err instanceof Interrupted) return err;
  if (signal?.aborted && signal.reason instanceof Interrupted) return signal.reason;
  return undefined;
}

/** Resolves with the reason when `signal` is aborted. */
export function whenAborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(signal.reason);
    else signal.addEventListener("abort", () => resolve(signal.reason), { once: true });
  });
}
