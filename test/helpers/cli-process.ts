/**
 * The real CLI as a child process, and the processes and folders it leaves: its Chromium found
 * through /proc (descendants of the node process, and processes whose profile folder names that
 * node's pid, which survive reparenting), its profile folders, and the output folder's staging
 * folders and lock.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { REPO_ROOT } from "./data-copy.ts";

const BIN = path.join(REPO_ROOT, "bin/greenbook.js");
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Cli {
  child: ChildProcess;
  pid: number;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function cli(args: string[]): Cli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout!.on("data", (d) => (text += d));
  child.stderr!.on("data", (d) => (text += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  return { child, pid: child.pid!, out: () => text, exited };
}

export function procStat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { state: f[0]!, ppid: Number(f[1]) };
  } catch {
    return undefined;
  }
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

const pids = () => readdirSync("/proc").filter((n) => /^\d+$/.test(n)).map(Number);

/** Live (not zombie) processes descended from `root`, or whose profile folder names `root`'s pid. */
export function browserProcesses(root: number): number[] {
  const children = new Map<number, number[]>();
  const all = pids();
  for (const pid of all) {
    const st = procStat(pid);
    if (st) children.set(st.ppid, [...(children.get(st.ppid) ?? []), pid]);
  }
  const found = new Set<number>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const p = queue.shift()!;
    if (found.has(p)) continue;
    found.add(p);
    queue.push(...(children.get(p) ?? []));
  }
  for (const pid of all) if (cmdline(pid).includes(`greenbook-chromium-${root}-`)) found.add(pid);
  return [...found].filter((p) => {
    const st = procStat(p);
    return st !== undefined && st.state !== "Z";
  });
}

/** The Chromium browser processes (not renderers) that are direct children of `root`. */
export const browserChildren = (root: number) => browserProcesses(root).filter((p) => procStat(p)?.ppid === root && /chrom/i.test(cmdline(p)) && !/--type=/.test(cmdline(p)));

export const profilesOf = (pid: number) => readdirSync(os.tmpdir()).filter((n) => n.startsWith(`greenbook-chromium-${pid}-`));
export const leftovers = (out: string) => readdirSync(out).filter((n) => n.startsWith(".staging-") || n === ".greenbook.lock");

export async function waitFor<T>(what: string, f: () => T | undefined | false, timeoutMs: number, cli?: Cli): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${cli ? `; output so far:\n${cli.out()}` : ""}`);
    await sleep(100);
  }
}

/** Tracks every browser process of a run while it lives, so they can be checked after it exits (reparented). */
export function trackBrowsers(run: Cli): { seen: Set<number>; stop: () => void } {
  const seen = new Set<number>();
  const timer = setInterval(() => browserProcesses(run.pid).forEach((p) => seen.add(p)), 100);
  return { seen, stop: () => clearInterval(timer) };
}

/** Nothing of the run is left within `ms`: no process it started, no profile folder. */
export async function expectNothingLeft(run: Cli, seen: Set<number>, ms = 10_000): Promise<void> {
  const alive = () => [...seen, ...browserProcesses(run.pid)].filter((p) => {
    const st = procStat(p);
    return st !== undefined && st.state !== "Z" && (cmdline(p).includes("chrom") || cmdline(p) === "");
  });
  await waitFor("the browser processes to end", () => alive().length === 0, ms).catch(() => undefined);
  expect(alive().map((p) => `${p}: ${cmdline(p).slice(0, 120)}`)).toEqual([]);
  expect(profilesOf(run.pid)).toEqual([]);
}
