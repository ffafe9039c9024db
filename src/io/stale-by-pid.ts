/**
 * Folders named after the process that made them (`.staging-<pid>-…`, `greenbook-chromium-<pid>-…`):
 * when that process is gone (killed with `kill -9`, a power cut), nothing else will remove them,
 * so the next run does.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

/** Whether a process with this id exists (one we may not signal counts as existing). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the entries of `dir` whose name matches `pattern` (its first group is the owner's pid)
 * and whose owner is neither this process nor alive. Returns the paths removed.
 */
export function removeStaleByPid(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(path.join(dir, name));
    } catch {
      /* not ours to remove (another user's), or removed meanwhile */
    }
  }
  return removed;
}
