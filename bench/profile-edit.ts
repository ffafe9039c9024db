/**
 * `node bin/run-ts.js bench/profile-edit.ts [N]`: times the watch path, one-number edit → refreshed
 * HTML, on a warm engine, N times (default 8), and prints each time and the median. Each edit's build
 * is cancelled once its HTML is handed over (the PDFs are the bench's business); beside each time,
 * this process's CPU time to the HTML, which the machine's load inflates much less. `--profile FILE`
 * writes a CPU profile of the edits alone (not the cold build) to FILE.cpuprofile.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "node:inspector/promises";
import { loadChapter } from "../src/chapter/load-chapter.ts";
import { BuildEngine } from "../src/pipeline/build-edition.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const N = Number(/^\d+$/.test(process.argv[2] ?? "") ? process.argv[2] : 8);
const tmp = mkdtempSync(path.join(os.tmpdir(), "greenbook-profile-edit-"));
const chapter = await loadChapter(path.join(ROOT, "chapters", "brain-drain"));
const dataDir = path.join(tmp, "data");
cpSync(chapter.dataDir, dataDir, { recursive: true });
const engine = new BuildEngine({ chapter, dataDir, templatesDir: chapter.templatesDir, outDir: path.join(tmp, "out"), cacheDir: false });

/** Adds 1 to japan's "leave" count in region-flows.csv. */
function edit(): void {
  const file = path.join(dataDir, "region-flows.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  const col = lines[0]!.split(",").indexOf("leave");
  const row = lines.findIndex((l) => l.split(",")[0] === "japan");
  const cells = lines[row]!.split(",");
  cells[col] = String(Number(cells[col]) + 1);
  lines[row] = cells.join(",");
  writeFileSync(file, lines.join("\n"));
}

try {
  const full = process.argv.includes("--full");
  let t = performance.now();
  await engine.build();
  process.stderr.write(`cold build ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  const times: number[] = [];
  /** This process's CPU time (user + system) from the start of each edit's build to its HTML. */
  const cpus: number[] = [];
  const profileTo = process.argv[process.argv.indexOf("--profile") + 1];
  const inspector = process.argv.includes("--profile") ? new Session() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
  }
  for (let i = 0; i < N; i++) {
    edit();
    const controller = new AbortController();
    let html = NaN;
    let cpu = NaN;
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const built = engine.build({
      signal: full ? undefined : controller.signal,
      onHtmlRendered: () => {
        html = performance.now() - t;
        const used = process.cpuUsage(cpu0);
        cpu = (used.user + used.system) / 1000;
        if (!full) controller.abort(new Error("HTML handed over"));
      },
    });
    const r = await built.catch(() => undefined);
    times.push(html);
    cpus.push(cpu);
    process.stderr.write(`edit ${i + 1}: HTML ${html.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)${r ? `, build ${(performance.now() - t).toFixed(0)} ms ${JSON.stringify(r.timings)}` : ""}\n`);
  }
  if (inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    writeFileSync(`${profileTo}.cpuprofile`, JSON.stringify(profile));
    inspector.disconnect();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpus].sort((a, b) => a - b);
  process.stdout.write(`median edit → HTML ${sorted[sorted.length >> 1]!.toFixed(0)} ms, CPU ${cpuSorted[cpuSorted.length >> 1]!.toFixed(0)} ms (load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})\n`);
} finally {
  await engine.close();
  rmSync(tmp, { recursive: true, force: true });
}
