/**
 * Regression tests for the signal and leftover findings of the attack report (F1, F4, F14, F16,
 * F21): the real CLI (`node bin/greenbook.js`) is spawned on the small harbour-ferries chapter,
 * its Chromium is found through /proc (test/helpers/cli-process.ts), and killed or signalled
 * mid-build. Watch's folder following and error reporting use a stand-in engine (no browser).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { EventEmitter } from "node:events";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchEdition, type WatchEngine } from "../../src/pipeline/watch-edition.ts";
import type { BuildResult } from "../../src/pipeline/build-edition.ts";
import { chapter } from "../helpers/chapter.ts";
import { makeTempDir, removeDataCopies, REPO_ROOT, snapshotTree } from "../helpers/data-copy.ts";
import { browserChildren, cli, expectNothingLeft, leftovers, procStat, cmdline, profilesOf, trackBrowsers, waitFor, sleep } from "../helpers/cli-process.ts";

afterAll(removeDataCopies);

const FERRIES = path.join(REPO_ROOT, "test/fixtures/chapters/harbour-ferries");

/** A fresh copy of the ferries data and an output folder. */
function ferries(): { data: string; out: string } {
  const data = makeTempDir("greenbook-signals-data-");
  cpSync(path.join(FERRIES, "data"), data, { recursive: true });
  return { data, out: makeTempDir("greenbook-signals-out-") };
}

/** Changes one number, so the next build's prints are not in the stage cache and its outputs would differ. */
function editData(data: string): void {
  const file = path.join(data, "ridership.csv");
  const before = readFileSync(file, "utf8");
  const bump = 18_250_000 + Math.floor(Math.random() * 900_000) + 1;
  const after = before.replace(/^2019,central-tst,\d+$/m, `2019,central-tst,${bump}`);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

const buildArgs = (data: string, out: string) => ["build", "--chapter", FERRIES, "--data", data, "--out", out, "--verbose"];

async function baseline(data: string, out: string): Promise<Record<string, string>> {
  const run = cli(buildArgs(data, out));
  const track = trackBrowsers(run);
  const { code } = await run.exited;
  track.stop();
  expect(code, run.out()).toBe(0);
  await expectNothingLeft(run, track.seen);
  expect(leftovers(out)).toEqual([]);
  return snapshotTree(out);
}

/** Sends `signal` to the CLI, waits for it to exit, stops tracking its browsers; returns its exit code and how long the exit took (ms). */
async function stopWith(run: ReturnType<typeof cli>, signal: NodeJS.Signals, track: { stop(): void }): Promise<{ code: number | null; elapsed: number }> {
  const sent = Date.now();
  run.child.kill(signal);
  const { code, at } = await run.exited;
  track.stop();
  return { code, elapsed: at - sent };
}

describe("F4 SIGTERM stops a build (the issue's Done-when test)", () => {
  it("Chromium killed mid-print, then SIGTERM mid-build: exit 143 within 10 s, outputs byte-identical, no Chromium, no profile, no staging, no lock", async () => {
    const { data, out } = ferries();
    const before = await baseline(data, out);
    editData(data);
    const run = cli(buildArgs(data, out));
    const track = trackBrowsers(run);
    await waitFor("a print to start", () => /chapter: print …/.test(run.out()), 120_000, run);
    const first = await waitFor("the browser", () => browserChildren(run.pid)[0], 30_000, run);
    process.kill(first, "SIGKILL");
    await waitFor("the restart after the crash", () => /the browser crashed .* restarting it/.test(run.out()), 60_000, run);
    await waitFor("the new browser", () => browserChildren(run.pid).find((p) => p !== first), 60_000, run);
    const { code, elapsed } = await stopWith(run, "SIGTERM", track);
    expect(elapsed, run.out()).toBeLessThan(10_000);
    expect(code, run.out()).toBe(143);
    expect(run.out()).toContain("greenbook build: stopped by SIGTERM; nothing was written: the files are as they were before this run");
    expect(run.out()).not.toMatch(/^built \d+ files/m);
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
    await expectNothingLeft(run, track.seen);
  }, 600_000);
});

describe("F16 SIGINT and kill -9 leave nothing behind for long", () => {
  it("SIGINT mid-build: exit 130, no crash retry, outputs unchanged, no staging, lock, profile or Chromium", async () => {
    const { data, out } = ferries();
    const before = await baseline(data, out);
    editData(data);
    const run = cli(buildArgs(data, out));
    const track = trackBrowsers(run);
    await waitFor("a print to start", () => /: print …/.test(run.out()), 120_000, run);
    const { code, elapsed } = await stopWith(run, "SIGINT", track);
    expect(elapsed, run.out()).toBeLessThan(10_000);
    expect(code, run.out()).toBe(130);
    // The signal is greenbook's: Puppeteer does not close the browser under the print (no "crash", no relaunch).
    expect(run.out()).not.toContain("the browser crashed");
    expect(snapshotTree(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
    await expectNothingLeft(run, track.seen);
  }, 600_000);

  it("kill -9 of node: Chromium exits with it (its DevTools pipe closes); the next build removes the dead run's staging folder, lock and profile", async () => {
    const { data, out } = ferries();
    editData(data);
    const run = cli(buildArgs(data, out));
    const track = trackBrowsers(run);
    await waitFor("the browser", () => browserChildren(run.pid)[0], 120_000, run);
    await waitFor("the staging folder", () => readdirSync(out).some((n) => n.startsWith(`.staging-${run.pid}-`)), 30_000, run);
    run.child.kill("SIGKILL");
    await run.exited;
    track.stop();
    expect(track.seen.size).toBeGreaterThan(0);
    const alive = () => [...track.seen].filter((p) => procStat(p) !== undefined && procStat(p)!.state !== "Z" && /chrom/i.test(cmdline(p)));
    // 20 s: once (a full suite on two cores) a Chromium child took longer than 10 s; the survivors' command lines say which kind.
    await waitFor("Chromium to exit after its parent", () => alive().length === 0, 20_000).catch(() => undefined);
    expect(alive().map((p) => `${p} ${cmdline(p).slice(0, 160)}`)).toEqual([]);
    // What kill -9 leaves (nothing of the process could run): found again and removed by the next build.
    expect(readdirSync(out).filter((n) => n.startsWith(`.staging-${run.pid}-`))).toHaveLength(1);
    expect(profilesOf(run.pid)).toHaveLength(1);
    const next = cli(buildArgs(data, out));
    const nextTrack = trackBrowsers(next);
    const { code } = await next.exited;
    nextTrack.stop();
    expect(code, next.out()).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(profilesOf(run.pid)).toEqual([]);
    await expectNothingLeft(next, nextTrack.seen);
  }, 600_000);
});

describe("F16 watch and archive stop cleanly on SIGTERM", () => {
  it("watch, SIGTERM during its first build: exit 143 within 10 s, no staging, lock, profile or Chromium", async () => {
    const { data, out } = ferries();
    editData(data);
    const run = cli(["watch", "--chapter", FERRIES, "--data", data, "--out", out]);
    const track = trackBrowsers(run);
    await waitFor("the browser", () => browserChildren(run.pid)[0], 120_000, run);
    await sleep(2000);
    const { code, elapsed } = await stopWith(run, "SIGTERM", track);
    expect(elapsed, run.out()).toBeLessThan(10_000);
    expect(code, run.out()).toBe(143);
    expect(leftovers(out)).toEqual([]);
    await expectNothingLeft(run, track.seen);
  }, 600_000);

  it("archive, SIGTERM mid-build: exit 143 within 10 s, nothing archived, no temporary folder, profile or Chromium", async () => {
    const { data, out } = ferries();
    const run = cli(["archive", "--chapter", FERRIES, "--data", data, "--out", out]);
    const track = trackBrowsers(run);
    await waitFor("the browser", () => browserChildren(run.pid)[0], 120_000, run);
    await sleep(2000);
    const { code, elapsed } = await stopWith(run, "SIGTERM", track);
    expect(elapsed, run.out()).toBeLessThan(10_000);
    expect(code, run.out()).toBe(143);
    expect(run.out()).toContain("greenbook archive: stopped by SIGTERM");
    expect(existsSync(path.join(out, "archive")) ? readdirSync(path.join(out, "archive")) : []).toEqual([]);
    await expectNothingLeft(run, track.seen);
  }, 600_000);
});

describe("F1 a Chromium crash mid-build is retried once and the process still exits", () => {
  it("the build finishes, exits 0, writes the new outputs, and leaves no Chromium or profile", async () => {
    const { data, out } = ferries();
    editData(data);
    const run = cli(buildArgs(data, out));
    const track = trackBrowsers(run);
    await waitFor("a print to start", () => /: print …/.test(run.out()), 120_000, run);
    process.kill(await waitFor("the browser", () => browserChildren(run.pid)[0], 30_000, run), "SIGKILL");
    const exited = await Promise.race([run.exited, sleep(300_000).then(() => undefined)]);
    track.stop();
    if (!exited) run.child.kill("SIGKILL");
    expect(exited?.code, run.out()).toBe(0);
    expect(run.out()).toMatch(/the browser crashed .* restarting it/);
    expect(run.out()).toMatch(/^built \d+ files/m);
    expect(leftovers(out)).toEqual([]);
    await expectNothingLeft(run, track.seen);
  }, 600_000);
});

/** A stand-in engine for watch: counts builds, touches no browser. */
function countingEngine(): WatchEngine & { count: number } {
  const engine = {
    count: 0,
    printJobs: new Map(),
    build: async () => {
      engine.count += 1;
      return { files: [], reused: [] } as unknown as BuildResult;
    },
    close: async () => undefined,
  };
  return engine;
}

describe("F14 watch follows a data folder replaced under it", () => {
  it("after rm -rf + copy of the data folder, a later edit is rebuilt", async () => {
    const root = makeTempDir("greenbook-watch-");
    const data = path.join(root, "data");
    cpSync(chapter.dataDir, data, { recursive: true });
    const backup = path.join(root, "backup");
    cpSync(data, backup, { recursive: true });
    const engine = countingEngine();
    const w = watchEdition({ chapter, dataDir: data, outDir: path.join(root, "out"), engine, debounceMs: 50 });
    try {
      await w.ready;
      await sleep(500);
      rmSync(data, { recursive: true, force: true });
      cpSync(backup, data, { recursive: true });
      await sleep(1500);
      const afterReplace = engine.count;
      writeFileSync(path.join(data, "rhq.csv"), readFileSync(path.join(data, "rhq.csv"), "utf8").replace(/^2018,us,\d+/m, "2018,us,293"));
      await waitFor("a rebuild after the edit", () => engine.count > afterReplace, 10_000);
    } finally {
      await w.close();
    }
  }, 60_000);
});

describe("F21 a watcher error is reported, not an unhandled 'error'", () => {
  it("EMFILE from the watcher becomes a warning line, and the watch keeps running", async () => {
    const root = makeTempDir("greenbook-watch-");
    const data = path.join(root, "data");
    mkdirSync(data);
    const engine = countingEngine();
    let emitter: EventEmitter | undefined;
    const warnings: string[] = [];
    const chokidar = (await import("chokidar")).default;
    const w = watchEdition({
      chapter,
      dataDir: data,
      outDir: path.join(root, "out"),
      engine,
      debounceMs: 50,
      onWarning: (l) => warnings.push(l),
      watchFiles: ((...args: Parameters<typeof chokidar.watch>) => (emitter = chokidar.watch(...args))) as typeof chokidar.watch,
    });
    try {
      await w.ready;
      const before = engine.count;
      emitter!.emit("error", Object.assign(new Error("EMFILE: too many open files, watch"), { code: "EMFILE" }));
      expect(warnings).toEqual(["warning: watching for changes failed (EMFILE: too many open files, watch); saved changes may go unnoticed until the next rebuild"]);
      await waitFor("a catch-up rebuild", () => engine.count > before, 10_000);
      expect(existsSync(data)).toBe(true);
    } finally {
      await w.close();
    }
  }, 60_000);
});
