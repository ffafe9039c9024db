/**
 * Documents built side by side, as one unit: at most `concurrency` at once; the first failure
 * aborts the group's signal (siblings stop at their next stage), every task is awaited, and only
 * then is that first failure thrown — nothing keeps running after the build has ended.
 */
import { limit } from "./limit.ts";

export class TaskGroup {
  private readonly controller = new AbortController();
  private readonly slot: <T>(task: () => Promise<T>) => Promise<T>;
  private failure: { error: unknown } | undefined;
  private readonly onParentAbort: () => void;

  constructor(
    concurrency: number,
    private readonly parent?: AbortSignal,
  ) {
    this.slot = limit(concurrency);
    this.onParentAbort = () => this.controller.abort(parent?.reason);
    parent?.addEventListener("abort", this.onParentAbort, { once: true });
  }

  /** Aborted when a task failed or the caller's signal was aborted. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The first failure, if any. */
  get error(): unknown {
    return this.failure?.error;
  }

  /** Runs each task in a slot (a task not yet started when the group is aborted never starts); resolves with every result, or throws the first failure once all have settled. */
  async all<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
    const running = tasks.map((task) =>
      this.slot(async () => {
        this.signal.throwIfAborted();
        return task();
      }).catch((err: unknown) => {
        this.failure ??= { error: err };
        this.controller.abort(err);
        throw err;
      }),
    );
    const results = await Promise.allSettled(running);
    if (this.failure) throw this.failure.error;
    return results.map((r) => (r as PromiseFulfilledResult<T>).value);
  }

  /** Stops listening to the caller's signal. */
  dispose(): void {
    this.parent?.removeEventListener("abort", this.onParentAbort);
  }
}
