/**
 * A watched folder replaced under the watcher (`rm -rf data && cp -r backup data`, as git checkout
 * or rsync do) keeps chokidar watching the old, deleted folder: later edits go unnoticed. This
 * watches each folder's parent (not recursively) for its name, and when it appears again, hands
 * the new folder to `readd`.
 */
import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

export interface FollowOptions {
  /** Called (debounced) with a folder that was removed or replaced and exists again. */
  readd: (dir: string) => void;
  /** A parent that cannot be watched (EMFILE, say): reported, never thrown. */
  onError: (err: Error) => void;
  /** Milliseconds to let a copy settle; default 100. */
  settleMs?: number;
}

/** Follows the replacement of each of `dirs`; returns the function that stops. */
export function followReplaced(dirs: readonly string[], options: FollowOptions): () => void {
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  for (const dir of dirs) {
    const parent = path.dirname(dir);
    const name = path.basename(dir);
    let w: FSWatcher;
    try {
      w = watch(parent, { persistent: false }, (_event, file) => {
        if (file !== null && file.toString() !== name) return;
        clearTimeout(timers.get(dir));
        timers.set(
          dir,
          setTimeout(() => {
            if (existsSync(dir)) options.readd(dir);
          }, options.settleMs ?? 100),
        );
      });
    } catch (err) {
      options.onError(err as Error);
      continue;
    }
    w.on("error", (err) => options.onError(err));
    watchers.push(w);
  }
  return () => {
    for (const t of timers.values()) clearTimeout(t);
    for (const w of watchers) w.close();
  };
}
