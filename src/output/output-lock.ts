/**
 * Lock files, one policy for every folder greenbook writes into (`<out>/.greenbook.lock` for
 * builds, `<out>/archive/index.lock` for the archive index). A lock is created complete in one
 * step (written to a temporary name, then hard-linked into place, which fails if the lock
 * exists), so it is never seen empty. It records who holds it: pid, host, when, and the process's
 * start time, so a pid reused by another process after a crash is not mistaken for the owner.
 *
 * A waiting run takes a lock over when its owner is gone (dead pid, or a different process now
 * under that pid), when it is unreadable or empty and older than a moment (a crash mid-write by an
 * older greenbook), and otherwise waits, saying who holds it, until `timeoutMs`. A lock that is
 * not a file (a folder, say) fails at once.
 */
import { randomBytes } from "node:crypto";
import { linkSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { GreenbookError } from "../errors.ts";
import { messages } from "../messages.ts";
import { onProcessExit } from "../io/exit-cleanup.ts";

export class LockError extends GreenbookError {
  override name = "LockError";
}

/** Who holds a lock, as recorded in it. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO time). */
  since: string;
  /** The owner's start time in clock ticks after boot (/proc/<pid>/stat field 22), where known. */
  start?: string;
}

/** How long an unreadable or empty lock may be a lock being written, before it counts as abandoned. */
const UNREADABLE_GRACE_MS = 2000;
const POLL_MS = 100;

export interface LockOptions {
  /** Milliseconds to wait for a live owner; default 10 minutes. */
  timeoutMs?: number;
  /** Called once when the lock is held by a live run: its pid and a description of the owner. */
  onWait?: (pid: number, owner: string) => void;
  /** What holds such a lock, for messages, e.g. "another greenbook build". */
  holder?: string;
  /** What the lock protects, for messages, e.g. the output folder. */
  guards?: string;
  /** Stops waiting (throws its reason) when aborted, e.g. by Ctrl-C. */
  signal?: AbortSignal;
}

/** Takes the lock file `lock`, waiting for a live owner; returns the function that releases it. */
export async function acquireLock(lock: string, options: LockOptions = {}): Promise<() => void> {
  const timeout = options.timeoutMs ?? 10 * 60_000;
  const holder = options.holder ?? "another greenbook run";
  const guards = options.guards ?? path.dirname(lock);
  const start = Date.now();
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (tryCreate(lock)) {
      // Released however the process ends (a later run would also take over a dead owner's lock).
      const unregister = onProcessExit(() => rmSync(lock, { force: true }));
      return () => {
        unregister();
        rmSync(lock, { force: true });
      };
    }
    const seen = inspect(lock);
    if (seen.kind === "gone") continue;
    if (seen.kind === "not-a-file") throw new LockError(messages.lockNotAFile(lock, seen.what));
    if (seen.kind === "stale") {
      removeIfUnchanged(lock, seen.ino);
      continue;
    }
    const owner = seen.kind === "held" ? describeOwner(seen.owner) : "an owner still writing the lock";
    if (!told && seen.kind === "held") {
      options.onWait?.(seen.owner.pid, owner);
      told = true;
    }
    if (Date.now() - start > timeout) throw new LockError(messages.lockTimeout(holder, owner, guards, Math.round(timeout / 1000), lock));
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** One build at a time per output folder: `<out>/.greenbook.lock`. */
export async function acquireOutputLock(outDir: string, options: Omit<LockOptions, "holder" | "guards"> = {}): Promise<() => void> {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw new LockError(messages.outNotAFolder(outDir, (err as NodeJS.ErrnoException).code ?? (err as Error).message), { cause: err });
  }
  if (!statSync(outDir).isDirectory()) throw new LockError(messages.outNotAFolder(outDir, "ENOTDIR"));
  return acquireLock(path.join(outDir, ".greenbook.lock"), { ...options, holder: "another greenbook build", guards: outDir });
}

/** "pid 123 on host h since 2026-12-01T15:00:00Z". */
export function describeOwner(o: LockOwner): string {
  return `pid ${o.pid} on ${o.host} since ${o.since}`;
}

/** Creates the lock with its content in one step; false when it already exists. */
function tryCreate(lock: string): boolean {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), ...(startOf(process.pid) ? { start: startOf(process.pid) } : {}) };
  const tmp = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(owner)}\n`, { flag: "wx" });
    linkSync(tmp, lock);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new LockError(messages.lockCannotCreate(lock, (err as Error).message), { cause: err });
  } finally {
    rmSync(tmp, { force: true });
  }
}

type Seen =
  | { kind: "gone" }
  | { kind: "not-a-file"; what: string }
  | { kind: "stale"; ino: number }
  | { kind: "young" }
  | { kind: "held"; owner: LockOwner };

/** What the existing lock is, and whether its owner is still there. */
function inspect(lock: string): Seen {
  let st;
  let text;
  try {
    st = lstatSync(lock);
    if (!st.isFile()) return { kind: "not-a-file", what: st.isDirectory() ? "a folder" : st.isSymbolicLink() ? "a symbolic link" : "not a regular file" };
    text = readFileSync(lock, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { kind: "gone" };
    throw new LockError(messages.lockCannotCreate(lock, (err as Error).message), { cause: err });
  }
  const owner = parseOwner(text, st.mtime);
  if (!owner) return Date.now() - st.mtimeMs > UNREADABLE_GRACE_MS ? { kind: "stale", ino: st.ino } : { kind: "young" };
  if (owner.host !== os.hostname()) return { kind: "held", owner };
  if (owner.pid !== process.pid && !alive(owner.pid)) return { kind: "stale", ino: st.ino };
  const now = startOf(owner.pid);
  if (owner.start !== undefined && now !== undefined && now !== owner.start) return { kind: "stale", ino: st.ino };
  // A lock from an older greenbook holds only a pid: a process that started after the lock was written is not its owner.
  // Nor is a process that is not Node (pid 1, say, after a reboot).
  if (owner.start === undefined && (startedAfter(owner.pid, st.mtimeMs) || isNotNode(owner.pid))) return { kind: "stale", ino: st.ino };
  // Our own pid and start: another build in this process (watch, tests), which will release it.
  return { kind: "held", owner };
}

/** The lock's owner: the JSON this module writes, or a bare pid (older greenbook); undefined when unreadable. */
function parseOwner(text: string, mtime: Date): LockOwner | undefined {
  const t = text.trim();
  if (/^[1-9]\d{0,9}$/.test(t)) return { pid: Number(t), host: os.hostname(), since: mtime.toISOString() };
  try {
    const o = JSON.parse(t) as Partial<LockOwner>;
    if (Number.isSafeInteger(o.pid) && o.pid! > 0 && typeof o.host === "string" && typeof o.since === "string") {
      return { pid: o.pid!, host: o.host, since: o.since, ...(typeof o.start === "string" ? { start: o.start } : {}) };
    }
  } catch {
    /* not ours */
  }
  return undefined;
}

function removeIfUnchanged(lock: string, ino: number): void {
  try {
    if (lstatSync(lock).ino === ino) rmSync(lock, { force: true });
  } catch {
    /* removed meanwhile */
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` runs a program other than Node (Linux /proc); false when unknown. */
function isNotNode(pid: number): boolean {
  // The executable when we may read it, else the command name (readable for every process).
  for (const read of [() => path.basename(readlinkSync(`/proc/${pid}/exe`)), () => readFileSync(`/proc/${pid}/comm`, "utf8")]) {
    try {
      return !/node/i.test(read());
    } catch {
      /* try the next */
    }
  }
  return false;
}

/** A process's start time in clock ticks after boot (Linux /proc), or undefined elsewhere. */
function startOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses); starttime is field 22.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Whether `pid` started after `timeMs` (Linux: boot time + start ticks at 100 per second); false when unknown. */
function startedAfter(pid: number, timeMs: number): boolean {
  const ticks = Number(startOf(pid));
  let boot = Number.NaN;
  try {
    boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
  } catch {
    return false;
  }
  if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return false;
  // One second of slack for the tick and second rounding.
  return boot * 1000 + ticks * 10 > timeMs + 1000;
}
