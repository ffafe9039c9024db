/**
 * `npm run bench:derive`: `greenbook derive` on 20 M positions, 6 M users and 10 M education rows
 * (bench/derive-extract.ts), as a child process under /usr/bin/time. Reports wall, CPU, peak RSS,
 * the spill folder's peak size, each stage's time and the load average, and writes
 * bench/derive-results.json. Targets (30 s wall, 5 GiB RSS) are reported, not asserted.
 *
 *   BENCH_DERIVE_EXTRACT=DIR  keep the generated extract there and reuse it on the next run
 *   BENCH_DERIVE_SCALE=0.1    a smaller extract (0.1 = 2 M positions) for a quick look
 *   BENCH_DERIVE_MEMORY=4GB   DuckDB's memory limit
 *   BENCH_DERIVE_DISK=0       in-memory tables instead of a disk-backed database file
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateBenchExtract } from "./derive-extract.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scale = Number(process.env.BENCH_DERIVE_SCALE ?? 1);
const size = { positions: Math.round(20e6 * scale), users: Math.round(6e6 * scale), education: Math.round(10e6 * scale) };
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-derive-"));
const extract = process.env.BENCH_DERIVE_EXTRACT ?? path.join(work, "extract");
const spill = path.join(work, "spill");
// Disk-backed tables (DuckDB compresses them) keep 20 M positions under the memory limit without spilling much.
const data = path.join(work, "data");

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let sum = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) sum += fs.statSync(path.join(e.parentPath, e.name)).size;
  return sum;
}

async function main(): Promise<void> {
  let started = performance.now();
  await generateBenchExtract(extract, size);
  const generateSeconds = (performance.now() - started) / 1000;
  fs.cpSync(path.join(ROOT, "data"), data, { recursive: true });
  fs.mkdirSync(spill);
  const loadBefore = os.loadavg();
  const timeFile = path.join(work, "time.txt");
  const args = ["-v", "-o", timeFile, process.execPath, path.join(ROOT, "bin/greenbook.js"), "derive", "--panel", extract, "--data", data, "--threads", "2", "--memory", process.env.BENCH_DERIVE_MEMORY ?? "4GB", "--temp", spill, ...(process.env.BENCH_DERIVE_DISK === "0" ? [] : ["--db", path.join(work, "derive.duckdb")]), "--quiet"];
  started = performance.now();
  let spillPeak = 0;
  const poll = setInterval(() => (spillPeak = Math.max(spillPeak, folderBytes(spill))), 250);
  const code = await new Promise<number>((resolve) => spawn("/usr/bin/time", args, { stdio: "inherit" }).on("exit", (c) => resolve(c ?? 1)));
  clearInterval(poll);
  const wall = (performance.now() - started) / 1000;
  const loadAfter = os.loadavg();
  if (code !== 0) throw new Error(`derive exited with ${code}`);
  const time = fs.readFileSync(timeFile, "utf8");
  const field = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(time)?.[1] ?? Number.NaN);
  const manifest = JSON.parse(fs.readFileSync(path.join(data, "derive-manifest.json"), "utf8"));
  const result = {
    size,
    cpus: os.cpus().length,
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    wallSeconds: Math.round(wall * 10) / 10,
    cpuSeconds: Math.round((field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 10) / 10,
    peakRssGiB: Math.round((field("Maximum resident set size \\(kbytes\\)") / 1024 / 1024) * 100) / 100,
    spillPeakMiB: Math.round(spillPeak / 1024 / 1024),
    loadAverage: { before: loadBefore.map((l) => Math.round(l * 100) / 100), after: loadAfter.map((l) => Math.round(l * 100) / 100) },
    stages: [{ stage: "load inputs", seconds: manifest.load.seconds }, ...manifest.stages],
    duckdb: manifest.engine.duckdb,
  };
  console.log(`derive: ${size.positions.toLocaleString("en")} positions, ${size.users.toLocaleString("en")} users, ${size.education.toLocaleString("en")} education rows`);
  console.log(`  wall ${result.wallSeconds} s (target 30), CPU ${result.cpuSeconds} s, peak RSS ${result.peakRssGiB} GiB (target 5), spill peak ${result.spillPeakMiB} MiB`);
  console.log(`  load average before ${result.loadAverage.before.join(" ")}, after ${result.loadAverage.after.join(" ")}; ${result.cpus} CPUs; extract generated in ${result.generateSeconds} s`);
  for (const s of result.stages) console.log(`  ${String(s.stage).padEnd(32)} ${String(s.seconds).padStart(6)} s`);
  fs.writeFileSync(path.join(ROOT, "bench/derive-results.json"), `${JSON.stringify(result, null, 2)}\n`);
}

try {
  await main();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
