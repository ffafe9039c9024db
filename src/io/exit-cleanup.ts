/**
 * Last-chance cleanup: synchronous actions (kill the browser, remove a temporary folder, release
 * a lock) that must happen however the process ends — a normal exit, `process.exit` after a
 * signal's grace period, or an uncaught error. Each owner registers its action while it holds the
 * resource and unregisters it once it has let go normally. (Nothing runs on `kill -9`: that is
 * what the stale-folder sweeps of later runs are for.)
 */
const actions = new Set<() => void>();
let installed = false;

/** Runs `action` when the process exits, unless the returned function is called first. */
export function onProcessExit(action: () => void): () => void {
  if (!installed) {
    process.on("exit", runExitCleanups);
    installed = true;
  }
  actions.add(action);
  return () => void actions.delete(action);
}

/** Runs (once) every action still registered; errors are ignored, the others still run. */
export function runExitCleanups(): void {
  for (const action of [...actions]) {
    actions.delete(action);
    try {
      action();
    } catch {
      /* best effort: the process is ending */
    }
  }
}
