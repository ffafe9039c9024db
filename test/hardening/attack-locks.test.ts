/**
 * Regression tests for the lock failures of the attack report (F9, and the --out part of F22):
 * no lock file, whatever it holds, stalls a build for minutes or spins a core; a held lock is
 * reported with who holds it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, acquireOutputLock, LockError } from "../../src/output/output-lock.ts";
import { makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill()));

/** A lock file in a fresh folder holding `content`, its mtime `ageMs` in the past. */
function lockWith(content: string, ageMs = 60_000): { dir: string; lock: string } {
  const dir = makeTempDir("greenbook-lock-");
  const lock = path.join(dir, ".greenbook.lock");
  writeFileSync(lock, content);
  const t = new Date(Date.now() - ageMs);
  utimesSync(lock, t, t);
  return { dir, lock };
}

/** Takes the output lock in `dir` and says how long it took. */
async function timeTake(dir: string, timeoutMs = 20_000): Promise<number> {
  const t = performance.now();
  const release = await acquireOutputLock(dir, { timeoutMs });
  const ms = performance.now() - t;
  const owner = JSON.parse(readFileSync(path.join(dir, ".greenbook.lock"), "utf8")) as { pid: number; host: string };
  expect(owner).toMatchObject({ pid: process.pid, host: os.hostname() });
  release();
  expect(existsSync(path.join(dir, ".greenbook.lock"))).toBe(false);
  return ms;
}

/** A live Node process and its /proc start time. */
function liveNode(): { pid: number; start: string } {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
  return { pid: child.pid!, start: stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]! };
}

describe("F9 locks never stall a build", () => {
  it("takes over an empty lock (crash between create and write) at once when it is old", async () => {
    expect(await timeTake(lockWith("").dir)).toBeLessThan(1000);
  });

  it("takes over an empty lock just written after a short grace, not after 10 minutes", async () => {
    const ms = await timeTake(lockWith("", 0).dir);
    expect(ms).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(5000);
  });

  it.each([["garbage", "not-a-pid"], ["a negative pid", "-5"], ["half-written JSON", '{"pid":12']])("takes over a lock holding %s", async (_what, content) => {
    expect(await timeTake(lockWith(content).dir)).toBeLessThan(1000);
  });

  it("takes over an old-style lock naming a pid that is not Node (pid 1)", async () => {
    expect(await timeTake(lockWith("1").dir)).toBeLessThan(1000);
  });

  it("takes over an old-style lock naming a dead pid", async () => {
    expect(await timeTake(lockWith("4000000").dir)).toBeLessThan(1000);
  });

  it("takes over a lock whose pid now belongs to another process (start time differs)", async () => {
    const { pid, start } = liveNode();
    const owner = { pid, host: os.hostname(), since: "2026-01-01T00:00:00.000Z", start: String(Number(start) + 12345) };
    expect(await timeTake(lockWith(JSON.stringify(owner)).dir)).toBeLessThan(1000);
  });

  it("takes over a lock naming this very pid from an earlier process (a restarted container reuses pids)", async () => {
    const owner = { pid: process.pid, host: os.hostname(), since: "2026-01-01T00:00:00.000Z", start: "1" };
    expect(await timeTake(lockWith(JSON.stringify(owner)).dir)).toBeLessThan(1000);
  });

  it("takes over an old-style lock whose live Node pid started after the lock was written", async () => {
    const { pid } = liveNode();
    expect(await timeTake(lockWith(String(pid), 3_600_000).dir)).toBeLessThan(1000);
  });

  it("fails at once, without spinning, when the lock is a folder", async () => {
    const dir = makeTempDir("greenbook-lock-");
    mkdirSync(path.join(dir, ".greenbook.lock"));
    const t = performance.now();
    const cpu = process.cpuUsage();
    await expect(acquireOutputLock(dir, { timeoutMs: 20_000 })).rejects.toThrow(
      new LockError(`${dir}/.greenbook.lock is a folder, not a lock file greenbook wrote; remove it if no greenbook run is active`),
    );
    expect(performance.now() - t).toBeLessThan(1000);
    expect(process.cpuUsage(cpu).user).toBeLessThan(500_000);
  });

  it("waits for a live owner, says who it is once, and gives up naming pid, host and since", async () => {
    const { pid, start } = liveNode();
    const owner = { pid, host: os.hostname(), since: "2026-12-01T15:00:00.000Z", start };
    const { dir, lock } = lockWith(JSON.stringify(owner), 0);
    const waits: [number, string][] = [];
    const cpu = process.cpuUsage();
    await expect(acquireOutputLock(dir, { timeoutMs: 1500, onWait: (p, o) => waits.push([p, o]) })).rejects.toThrow(
      new LockError(`another greenbook build (pid ${pid} on ${os.hostname()} since 2026-12-01T15:00:00.000Z) is writing to ${dir}; gave up waiting after 2 s. If it is not running, remove ${lock}.`),
    );
    expect(waits).toEqual([[pid, `pid ${pid} on ${os.hostname()} since 2026-12-01T15:00:00.000Z`]]);
    // Polling, not spinning: well under a core for the 1.5 s.
    expect(process.cpuUsage(cpu).user).toBeLessThan(500_000);
    expect(readFileSync(lock, "utf8")).toBe(JSON.stringify(owner));
  });

  it("two takers at once: one gets it, the other waits for its release", async () => {
    const dir = makeTempDir("greenbook-lock-");
    const lock = path.join(dir, "index.lock");
    const order: string[] = [];
    const first = await acquireLock(lock);
    const second = acquireLock(lock).then((release) => {
      order.push("second");
      release();
    });
    await new Promise((r) => setTimeout(r, 300));
    order.push("first releases");
    first();
    await second;
    expect(order).toEqual(["first releases", "second"]);
  });
});

describe("F22 --out that is a file", () => {
  it("is a clear error, not an internal EEXIST", async () => {
    const dir = makeTempDir("greenbook-lock-");
    const file = path.join(dir, "hostname");
    writeFileSync(file, "x");
    await expect(acquireOutputLock(file)).rejects.toThrow(new LockError(`--out ${file} is not a folder greenbook can write to (it, or a folder above it, is a file)`));
    await expect(acquireOutputLock(path.join(file, "sub"))).rejects.toThrow(new LockError(`--out ${file}/sub is not a folder greenbook can write to (it, or a folder above it, is a file)`));
    expect(readFileSync(file, "utf8")).toBe("x");
  });
});
