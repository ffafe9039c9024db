/**
 * Peak memory of a process tree: this Node process and every descendant (Chromium's browser,
 * zygote, GPU, utility and renderer processes, or a child command such as pagedjs-cli).
 *
 * The headline figure is PSS (proportional set size, /proc/<pid>/smaps_rollup): each page shared
 * between processes is split between its sharers, so the sum over the tree is what the tree
 * actually holds. The RSS sum (VmRSS, /proc/<pid>/status) is reported beside it: it counts the
 * pages Chromium's processes share once per process (70–170 MiB each), about twice the PSS.
 *
 * A worker thread reads /proc every 50 ms, so sampling goes on while the main thread is busy
 * (rendering templates, finishing PDFs). Each sample lists /proc (reading /proc/<pid>/stat once
 * per new process, for its parent), finds the descendants of the root and sums VmRSS. Reading
 * smaps_rollup costs a few ms per Chromium process and takes its memory-map lock, so PSS is read
 * every 4th sample (about every 200 ms) and at every new RSS high (2 % above the RSS of the last
 * PSS reading): the peak PSS is the highest of those readings.
 */
import { Worker } from "node:worker_threads";

export interface PhaseSample {
  /** Highest sum of VmRSS over the tree, MiB. */
  peakRssMiB: number;
  /** Highest sum of Pss over the tree, MiB (undefined where /proc/<pid>/smaps_rollup is unreadable). */
  peakPssMiB?: number;
  /** How many times PSS was read in the phase. */
  pssReadings: number;
  /** At the PSS peak: processes and PSS per kind. */
  atPeakPss: Record<string, { processes: number; pssMiB: number }>;
  /** Most processes seen in the tree at once. */
  maxProcesses: number;
  samples: number;
  /** Mean time between samples, ms (50 unless reading /proc is slow). */
  meanIntervalMs: number;
  /** Wall time the sampler spent reading /proc, ms (its own cost to the machine). */
  samplerMs: number;
  /**
   * CPU time (user + system) used in the phase by this process and every descendant, ms: unlike
   * wall time, hardly changed by other work on the machine. Includes the sampler's own.
   */
  cpuMs: number;
  /** At the RSS peak: processes and RSS per kind ("chromium renderer", "node (this process)", …). */
  atPeak: Record<string, { processes: number; rssMiB: number }>;
}

// Plain JavaScript: it runs in a worker, outside tsx.
const WORKER = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const intervalMs = workerData.intervalMs;
const TICK_MS = 1000 / workerData.ticksPerSecond;

function kib(text, key) {
  const m = new RegExp("^" + key + ":\\s+(\\d+) kB", "m").exec(text);
  return m ? Number(m[1]) : 0;
}

// Parent of every process on the machine, by pid. /proc/<pid>/stat is read once per new pid, so a
// sample reads only the directory listing plus the files of the processes in our tree.
const parents = new Map();

function readStat(pid) {
  const stat = fs.readFileSync("/proc/" + pid + "/stat", "utf8");
  // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ")".
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Each process's children, from the cached parents (a vanished pid is forgotten). */
function scan() {
  const live = new Set();
  for (const name of fs.readdirSync("/proc")) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const pid = Number(name);
    live.add(pid);
    if (!parents.has(pid)) {
      try { parents.set(pid, Number(readStat(pid)[1])); } catch {}
    }
  }
  const children = new Map();
  for (const [pid, ppid] of parents) {
    if (!live.has(pid)) { parents.delete(pid); continue; }
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  return children;
}

function descendants(children, root) {
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const c of children.get(out[i]) || []) out.push(c);
  return out;
}

function kindOf(pid) {
  if (pid === memRoot) return memRoot === process.pid ? "node (this process)" : "root (the command)";
  try {
    // Chromium rewrites its command line as one space-separated string.
    const argv = fs.readFileSync("/proc/" + pid + "/cmdline", "utf8").split(/[\0 ]/);
    const type = argv.find((a) => a.startsWith("--type="));
    const exe = (argv[0] || "").split("/").pop();
    return /chrom/i.test(exe) ? "chromium " + (type ? type.slice(7) : "browser") : exe || "other";
  } catch {
    return "other";
  }
}

let memRoot = workerData.root;
let running = false, breakdown = {}, pssBreakdown = {}, peakRss = 0, peakPss = 0, pssOk = true, pssAt = 0, pssReads = 0, maxProcs = 0;
let samples = 0, first = 0, last = 0, busy = 0;
// CPU per process seen in the phase: its ticks when first seen (0 if it started in the phase) and
// its latest ticks. A process that exits keeps its last reading, so a Chromium killed without
// being waited for (pagedjs-cli exits that way) still counts; only its last < 50 ms is lost.
let cpu = new Map(), phaseStart = true;

function sample() {
  const t = Date.now();
  const children = scan();
  for (const pid of descendants(children, process.pid)) {
    let f;
    try { f = readStat(pid); } catch { continue; }
    // utime + stime, under a key (pid and start time) that survives pid reuse.
    const key = pid + "@" + f[19], ticks = Number(f[11]) + Number(f[12]);
    const seen = cpu.get(key);
    if (seen) seen.last = ticks;
    else cpu.set(key, { base: phaseStart ? ticks : 0, last: ticks });
  }
  phaseStart = false;
  const pids = descendants(children, memRoot);
  let rss = 0;
  const perPid = [];
  for (const pid of pids) {
    try {
      const kb = kib(fs.readFileSync("/proc/" + pid + "/status", "utf8"), "VmRSS");
      rss += kb;
      perPid.push([pid, kb]);
    } catch {}
  }
  if (rss > peakRss) {
    // Where the memory is at the new high: RSS per kind of process.
    const kinds = {};
    for (const [pid, kb] of perPid) {
      const kind = kindOf(pid);
      const k = kinds[kind] || (kinds[kind] = { processes: 0, rssMiB: 0 });
      k.processes++;
      k.rssMiB += kb / 1024;
    }
    breakdown = kinds;
    peakRss = rss;
  }
  if (pssOk && (samples % 4 === 0 || rss > pssAt * 1.02)) {
    pssAt = Math.max(pssAt, rss);
    pssReads++;
    let pss = 0;
    const perPss = [];
    for (const pid of pids) {
      try {
        const kb = kib(fs.readFileSync("/proc/" + pid + "/smaps_rollup", "utf8"), "Pss");
        pss += kb;
        perPss.push([pid, kb]);
      } catch (e) { if (e && e.code !== "ENOENT" && e.code !== "ESRCH") pssOk = false; }
    }
    if (pss > peakPss) {
      const kinds = {};
      for (const [pid, kb] of perPss) {
        const kind = kindOf(pid);
        const k = kinds[kind] || (kinds[kind] = { processes: 0, pssMiB: 0 });
        k.processes++;
        k.pssMiB += kb / 1024;
      }
      pssBreakdown = kinds;
      peakPss = pss;
    }
  }
  maxProcs = Math.max(maxProcs, pids.length);
  samples++;
  last = Date.now();
  busy += last - t;
  if (!first) first = last;
}

let timer;
parentPort.on("message", (msg) => {
  if (msg && msg.start) {
    memRoot = msg.start.root || workerData.root;
    running = true; breakdown = {}; pssBreakdown = {}; peakRss = 0; peakPss = 0; pssOk = true; pssAt = 0; pssReads = 0; maxProcs = 0;
    samples = 0; first = 0; last = 0; busy = 0; cpu = new Map(); phaseStart = true;
    sample();
    timer = setInterval(sample, intervalMs);
    parentPort.postMessage({ started: true });
  } else if (msg === "stop") {
    clearInterval(timer);
    if (running) sample();
    running = false;
    parentPort.postMessage({
      peakRssMiB: peakRss / 1024,
      peakPssMiB: pssOk ? peakPss / 1024 : undefined,
      pssReadings: pssReads,
      atPeakPss: Object.fromEntries(Object.entries(pssBreakdown).map(([k, v]) => [k, { processes: v.processes, pssMiB: Math.round(v.pssMiB) }])),
      maxProcesses: maxProcs,
      samples,
      meanIntervalMs: samples > 1 ? (last - first) / (samples - 1) : 0,
      samplerMs: busy,
      cpuMs: [...cpu.values()].reduce((sum, c) => sum + c.last - c.base, 0) * TICK_MS,
      atPeak: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, { processes: v.processes, rssMiB: Math.round(v.rssMiB) }])),
    });
  }
});
`;

export class MemorySampler {
  private readonly worker: Worker;
  private waiting?: (value: unknown) => void;

  constructor(
    root = process.pid,
    readonly intervalMs = 50,
  ) {
    // Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on.
    this.worker = new Worker(WORKER, { eval: true, workerData: { root, intervalMs, ticksPerSecond: 100 } });
    this.worker.on("message", (m) => {
      const w = this.waiting;
      this.waiting = undefined;
      w?.(m);
    });
  }

  private ask(msg: "stop" | { start: { root?: number } }): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.worker.postMessage(msg);
    });
  }

  /** Starts sampling the tree under `root` (default: this process). */
  async start(root?: number): Promise<void> {
    await this.ask({ start: { root } });
  }

  async stop(): Promise<PhaseSample> {
    return (await this.ask("stop")) as PhaseSample;
  }

  /** Runs `work` with sampling on; returns its result, its wall time and the peak. */
  async measure<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; memory: PhaseSample }> {
    await this.start();
    const t = performance.now();
    try {
      const value = await work();
      const ms = performance.now() - t;
      return { value, ms, memory: await this.stop() };
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
