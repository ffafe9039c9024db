/**
 * One build at a time per output folder: `<out>/.greenbook.lock` is created exclusively and holds
 * the owner's pid. A second build waits for it (printing that it waits), takes it over if its
 * owner is gone, and fails clearly after `timeoutMs`.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { GreenbookError } from "../errors.ts";

export class LockError extends GreenbookError {
  override name = "LockError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireOutputLock(outDir: string, options: { timeoutMs?: number; onWait?: (pid: number) => void } = {}): Promise<() => void> {
  mkdirSync(outDir, { recursive: true });
  const lock = path.join(outDir, ".greenbook.lock");
  const timeout = options.timeoutMs ?? 10 * 60_000;
  const start = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      // Released in the same process even when several builds run in it (tests, watch).
      return () => rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw new GreenbookError(`cannot create ${lock}: ${(err as Error).message}`, { cause: err });
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(lock, "utf8"));
    } catch {
      continue; // released between our attempts
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && !alive(owner)) {
      rmSync(lock, { force: true }); // its owner died without cleaning up
      continue;
    }
    if (!told) {
      options.onWait?.(owner);
      told = true;
    }
    if (Date.now() - start > timeout) {
      throw new LockError(`another greenbook build (pid ${owner}) is writing to ${outDir}; gave up waiting after ${Math.round(timeout / 1000)} s. If no build is running, remove ${lock}.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
