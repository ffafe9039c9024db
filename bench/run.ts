/**
 * `npm run bench [-- --quick]`: greenbook against its peer and against itself, in one run on this
 * machine. Prints a table and writes bench/results.json.
 *
 *   A. rounds of, alternately edition first and peer first (ABAB…, BABA…), medians over rounds:
 *      1. the cold edition: a new BuildEngine (memory cache only, browser launch included) builds
 *         the four documents, PDF + HTML, from a fresh copy of the chapter's data
 *      2. the peer: `pagedjs-cli` prints the zh-HK chapter's print HTML (whole command, its own
 *         browser launch included): the headline is 1 ÷ 2
 *      3. with the engine of 1 (now warm), one number edited in region-flows.csv: the new HTML is
 *         timed to its hand-over from memory (onHtmlRendered), the PDFs to the end of the build
 *   B. in one warm browser:
 *      4. the zh-HK chapter's print alone (warm print), repeated, median
 *      5. the two chapters printed one tab at a time against two tabs at once, interleaved
 *   C. 1, 5 and 20 copies of the zh-HK chapter printed and finished (one tab at a time if 5
 *      showed that costs under 5 %, else two), time and peak memory; each count in a new process
 *      (bench/scale.ts) that renders the chapter and prints it once before it is measured, so the
 *      figures are those of printing N chapters, not of this process's earlier steps
 *
 * Memory is PSS summed over the measured process and every descendant (node and all Chromium
 * processes; for C, the scale process's tree, which leaves out this process and its sampler),
 * with the RSS sum beside it (bench/memory-sampler.ts says why PSS is the honest one). CPU is
 * user + system time of the same tree. Targets are reported, not asserted.
 *
 * `--quick`: one round, 2 warm prints, copies 1 and 2: a smoke run, not a measurement.
 * Every temp folder is removed and every browser closed, however the run ends.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { launchBrowser, type BrowserSession } from "../src/browser/launch-browser.ts";
import { loadChapter } from "../src/chapter/load-chapter.ts";
import { renderCharts } from "../src/charts/render-charts.ts";
import { renderChapterDocument, type RenderedChapterDocument } from "../src/documents/build-chapter.ts";
import { readFaceStyles } from "../src/fonts/collect-face-text.ts";
import { embedSubsetFonts } from "../src/fonts/embed-subset-fonts.ts";
import { BuildEngine, chapterFigures, DEFAULT_PRINT_TABS, prepareBuild, type BuildResult } from "../src/pipeline/build-edition.ts";
import { buildTime } from "../src/pipeline/build-time.ts";
import { limit } from "../src/pipeline/limit.ts";
import type { ProgressEvent, Reporter } from "../src/pipeline/progress.ts";
import { printPdf, type PrintJob } from "../src/print/print-pdf.ts";
import { MemorySampler, type PhaseSample } from "./memory-sampler.ts";
import { runPagedjsCli, writeStandalone } from "./pagedjs-cli.ts";
import { markdownTable, mib, sec } from "./table.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The chapter benchmarked: the shipped one, with its own data and templates. */
const CHAPTER_DIR = path.join(ROOT, "chapters", "brain-drain");
const RESULTS = path.join(ROOT, "bench", "results.json");
const QUICK = process.argv.includes("--quick");
const ROUNDS = QUICK ? 1 : 3;
const WARM_PRINTS = QUICK ? 2 : 5;
const TAB_ROUNDS = QUICK ? 1 : 3;
const SCALE = QUICK ? [1, 2] : [1, 5, 20];
/** Documents the engine builds at once: its default (cores, at least 2). */
const CONCURRENCY = Math.max(2, os.availableParallelism());
/** The one number edited: a count in Table 2 (one more at each round). */
const EDIT = { file: "region-flows.csv", region: "japan", column: "leave" };
/**
 * How long one print's layout may take here: far above the engine's 60 s default, because on a
 * machine shared with other work a zh-HK layout has taken over 60 s and stopped the run before it
 * measured 20 chapters. The bench measures time; it does not enforce a limit.
 */
const PRINT_TIMEOUT_MS = 300_000;
/** One tab at a time is used where it costs less than this over two tabs. */
const ONE_TAB_MAX_COST = 1.05;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/**
 * Runs bench/scale.ts for `copies` copies and samples its process tree (not this one) from the
 * moment it is ready to print to the moment it has finished the last copy.
 */
async function measureScale(sampler: MemorySampler, copies: number, tabs: number): Promise<{ ms: number; pages: number; memory: PhaseSample }> {
  // With this process's node flags: `npm run bench` gives it greenbook's (package.json config.node_flags).
  const child = spawn(process.execPath, [...process.execArgv, path.join(ROOT, "bin", "run-ts.js"), path.join(ROOT, "bench", "scale.ts"), String(copies), String(tabs), String(PRINT_TIMEOUT_MS)], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (what: string): Promise<string> => {
    const line = await Promise.race([lines.next(), exited.then((code) => ({ done: true, value: `exit ${code}` }))]);
    if (line.done) throw new Error(`bench/scale.ts ended before ${what} (${line.value ?? "no output"})`);
    return line.value;
  };
  try {
    if ((await next("it was ready")) !== "ready") throw new Error("bench/scale.ts did not say ready");
    await sampler.start(child.pid);
    child.stdin!.end("go\n");
    let result: { ms: number; pages: number };
    try {
      result = JSON.parse(await next("it reported its copies")) as { ms: number; pages: number };
    } catch (err) {
      await sampler.stop();
      throw err;
    }
    const memory = await sampler.stop();
    const code = await exited;
    if (code !== 0) throw new Error(`bench/scale.ts exited with ${code}`);
    return { ...result, memory };
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
}

/** Adds 1 to one count of region-flows.csv; returns a description of the edit. */
function editOneNumber(dataDir: string): string {
  const file = path.join(dataDir, EDIT.file);
  const lines = readFileSync(file, "utf8").split("\n");
  const header = lines[0]!.split(",");
  const col = header.indexOf(EDIT.column);
  const row = lines.findIndex((l) => l.split(",")[0] === EDIT.region);
  if (col < 0 || row < 1) throw new Error(`${EDIT.file}: no row "${EDIT.region}" or column "${EDIT.column}"`);
  const cells = lines[row]!.split(",");
  const before = Number(cells[col]);
  cells[col] = String(before + 1);
  lines[row] = cells.join(",");
  writeFileSync(file, lines.join("\n"));
  return `${EDIT.file}: ${EDIT.region}.${EDIT.column} ${before} → ${before + 1}`;
}

interface TimedEvent extends ProgressEvent {
  t: number;
}

/** A reporter that keeps the engine's progress events with their time since `zero()`. */
function recorder() {
  let t0 = performance.now();
  const events: TimedEvent[] = [];
  const reporter: Reporter = { event: (e) => events.push({ ...e, t: performance.now() - t0 }), line: () => undefined, finish: () => undefined };
  return { reporter, events, zero: () => (t0 = performance.now()) };
}

/** When each document's steps happened, in seconds from the start of the build. */
function timeline(events: TimedEvent[]): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const docs = [...new Set(events.map((e) => e.doc).filter((d) => d !== "edition"))];
  return docs
    .map((doc) => {
      const of = (stage: string, state: string) => events.find((e) => e.doc === doc && e.stage === stage && e.state === state);
      const charts = of("charts", "done");
      const start = of("print", "start");
      const done = of("print", "done");
      const parts: string[] = [];
      if (charts) parts.push(`charts done ${s(charts.t)}`);
      if (done) parts.push(`${start ? "print" : "charts+render+print"} ${s(start ? start.t : done.t - (done.ms ?? 0))}–${s(done.t)}`);
      return `${doc}: ${parts.join(", ")}`;
    })
    .join("; ");
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const GIB = 1024;

/** One measured run: wall time and the tree's memory and CPU. */
interface Run {
  ms: number;
  memory: PhaseSample;
}
/** Medians of runs: wall, CPU, peak PSS, peak RSS; `all` keeps every run's wall time. */
function summarize(runs: Run[]) {
  return {
    n: runs.length,
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.memory.cpuMs)),
    pssMiB: median(runs.map((r) => r.memory.peakPssMiB ?? NaN)),
    rssMiB: median(runs.map((r) => r.memory.peakRssMiB)),
    all: runs.map((r) => round(r.ms)),
  };
}
type Summary = ReturnType<typeof summarize>;

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "greenbook-bench-"));
  // Removed even if something (puppeteer's SIGINT handler, say) calls process.exit.
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.once("exit", cleanup);
  // Ctrl-C or a kill: leave through process.exit, so the exit hooks (this one, puppeteer's, the peer's) run.
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  const sampler = new MemorySampler();
  let engine: BuildEngine | undefined;
  let session: BrowserSession | undefined;
  try {
    const chapter = await loadChapter(CHAPTER_DIR);
    const rec = recorder();
    let zhJob: PrintJob | undefined;
    let peerInput: string | undefined;
    let peerPages = 0;
    let firstTimeline = "";
    let files = 0;
    let pagesNote = "";
    const cold: Run[] = [];
    const peer: Run[] = [];
    const editHtml: number[] = [];
    let editStages = "";
    const editPdf: Run[] = [];
    const edits: string[] = [];

    const runEdition = async (round: number) => {
      // A fresh copy of the chapter's data, so every cold build builds the same input.
      const dataDir = path.join(tmp, `data-${round}`);
      cpSync(chapter.dataDir, dataDir, { recursive: true });
      const outDir = path.join(tmp, `out-${round}`);
      rec.zero();
      const built = await sampler.measure(async () => {
        engine = new BuildEngine({ chapter, dataDir, templatesDir: chapter.templatesDir, outDir, cacheDir: false, concurrency: CONCURRENCY, reporter: rec.reporter, printTimeoutMs: PRINT_TIMEOUT_MS });
        return engine.build();
      });
      cold.push(built);
      const events = rec.events.splice(0);
      if (round === 0) {
        firstTimeline = timeline(events);
        files = built.value.files.length;
        pagesNote = built.value.files.filter((f) => f.format === "pdf").map((f) => `${f.lang}/${f.document} ${f.pages}p`).join(", ");
        zhJob = engine!.printJobs.get("zh-HK/chapter");
        if (!zhJob) throw new Error("the cold build printed no zh-HK chapter");
        peerInput = writeStandalone(zhJob, path.join(tmp, "pagedjs-cli"));
      }
      // The same engine, now warm: one number edited.
      edits.push(editOneNumber(dataDir));
      let htmlMs = NaN;
      const warm = await sampler.measure(async () => {
        const t = performance.now();
        return engine!.build({ onHtmlRendered: () => (htmlMs = performance.now() - t) });
      });
      editHtml.push(htmlMs);
      if (round === 0) editStages = Object.entries(warm.value.timings).map(([k, ms]) => `${k} ${sec(ms, 2)}`).join(", ");
      editPdf.push(warm);
      await engine!.close();
      engine = undefined;
    };
    const runPeer = async () => {
      let sampling: Promise<void> | undefined;
      const run = await runPagedjsCli(peerInput!, path.join(tmp, "pagedjs-cli", "out.pdf"), ROOT, { onSpawn: (pid) => (sampling = sampler.start(pid)) }).finally(async () => {
        await sampling;
      });
      const memory = await sampler.stop();
      peerPages = run.pages;
      peer.push({ ms: run.ms, memory });
    };

    const warmPrint: Run[] = [];
    const oneTab: Run[] = [];
    const twoTabs: Run[] = [];
    const scale: (Run & { copies: number; pages: number })[] = [];
    let tabCost = NaN;
    let scaleTabs = 2;
    let browserVersion = "Chromium (not launched)";
    // A step that fails (a print timing out on an overloaded machine, say) ends the measuring, not the report.
    let failure: string | undefined;
    try {
      // A. Cold edition against the peer, interleaved; the edits ride on each round's warm engine.
      for (let r = 0; r < ROUNDS; r++) {
        const order = r === 0 || r % 2 === 0 ? ["edition", "peer"] : ["peer", "edition"];
        for (const what of order) {
          log(`round ${r + 1}/${ROUNDS}: ${what === "edition" ? "cold edition, then one edit" : "pagedjs-cli on the zh-HK chapter"}`);
          if (what === "edition") await runEdition(r);
          else await runPeer();
        }
      }

      // B. One warm browser: the chapters' print jobs, rendered as the engine does (charts in Node).
      log("warm browser: rendering the chapters' print jobs");
      const { dataset, stats, claims, templates, languages } = prepareBuild(chapter);
      const date = buildTime(dataset.edition);
      session = await launchBrowser();
      browserVersion = await session.browser.version();
      const s = session;
      const chapters = new Map<string, RenderedChapterDocument>();
      for (const lang of languages) {
        const text = templates.languages.get(lang)!.chartText;
        const charts = await renderCharts({ stats, dataset, lang, text, titles: false }, chapterFigures(chapter));
        // The self-contained HTML embeds fonts cut to what it draws, as the engine does.
        const embedFonts = (html: string) => embedSubsetFonts(html, { collect: (bare) => readFaceStyles(s, bare, `${lang}/chapter.html`) });
        const rendered = await renderChapterDocument({ chapter, dataset, stats, claims, templates, lang, charts, date, embedFonts });
        await rendered.html;
        chapters.set(lang, rendered);
      }
      const zh = chapters.get("zh-HK")!;
      const print = (job: PrintJob, name: string) => printPdf(s, { ...job, name, timeoutMs: PRINT_TIMEOUT_MS });

      // 4. The zh-HK chapter's warm print (one warm-up print first, untimed).
      log(`warm print of the zh-HK chapter ×${WARM_PRINTS}`);
      const zhPrint = await zh.print;
      await print(zhPrint, "warm-up");
      for (let i = 0; i < WARM_PRINTS; i++) warmPrint.push(await sampler.measure(() => print(zhPrint, `zh-HK/chapter#${i + 1}`)));

      // 5. The two chapters, one tab at a time against two at once, interleaved.
      const jobs = await Promise.all([...chapters.values()].map((c) => c.print));
      const printAll = (tabs: number) => {
        const slot = limit(tabs);
        return sampler.measure(() => Promise.all(jobs.map((j, i) => slot(() => print(j, `${j.name}@${tabs}#${i}`)))));
      };
      for (let r = 0; r < TAB_ROUNDS; r++) {
        log(`tabs, round ${r + 1}/${TAB_ROUNDS}: the two chapters one at a time and two at once`);
        if (r % 2 === 0) {
          oneTab.push(await printAll(1));
          twoTabs.push(await printAll(2));
        } else {
          twoTabs.push(await printAll(2));
          oneTab.push(await printAll(1));
        }
      }
      tabCost = median(oneTab.map((r) => r.ms)) / median(twoTabs.map((r) => r.ms));
      scaleTabs = tabCost < ONE_TAB_MAX_COST ? 1 : 2;

      await session.close();
      session = undefined;

      // 6. N copies of the zh-HK chapter, printed and finished, each N in a process of its own.
      for (const n of SCALE) {
        log(`scale: ${n} cop${n === 1 ? "y" : "ies"} of the zh-HK chapter, ${scaleTabs} tab${scaleTabs === 1 ? "" : "s"} at a time, in a new process`);
        scale.push({ copies: n, ...(await measureScale(sampler, n, scaleTabs)) });
      }
    } catch (err) {
      failure = (err as Error)?.message?.split("\n")[0] ?? String(err);
      log(`measuring stopped: ${failure}; reporting what was measured`);
      await engine?.close().catch(() => undefined);
      engine = undefined;
      await session?.close().catch(() => undefined);
      session = undefined;
    }

    // Report.
    const C = summarize(cold);
    const P = summarize(peer);
    const E = summarize(editPdf);
    const W = summarize(warmPrint);
    const T1 = summarize(oneTab);
    const T2 = summarize(twoTabs);
    const htmlMs = median(editHtml);
    const headline = C.ms / P.ms;
    const perChapter = scale.map((x) => x.ms / x.copies);
    const last = scale.at(-1);
    const lastCopies = last?.copies ?? SCALE.at(-1)!;
    const lastPss = last?.memory.peakPssMiB ?? NaN;
    // Linear: the largest run costs at most 20 % more per chapter than the cheaper of the smaller ones.
    const linear = perChapter.length === SCALE.length && perChapter.at(-1)! <= 1.2 * Math.min(...perChapter.slice(0, -1));
    const mem = (x: { pssMiB: number; rssMiB: number }) => `${mib(x.pssMiB)} (${mib(x.rssMiB)})`;
    const runs = (x: Summary) => `${x.n} run${x.n === 1 ? "" : "s"}: ${x.all.map((ms) => sec(ms, 2)).join(", ")}`;
    const where = (m: PhaseSample) =>
      Object.entries(m.atPeakPss)
        .sort((a, b) => b[1].pssMiB - a[1].pssMiB)
        .map(([kind, v]) => `${kind}${v.processes > 1 ? ` ×${v.processes}` : ""} ${v.pssMiB}`)
        .join(", ");
    const rows: string[][] = [
      ["1", "cold edition: 4 documents, PDF + HTML (median)", sec(C.ms, 2), sec(C.cpuMs), mem(C), `new BuildEngine, memory cache only, browser launch included; ${files} files; ${pagesNote}; ${runs(C)}`],
      ["2", "pagedjs-cli, zh-HK chapter PDF (median)", sec(P.ms, 2), sec(P.cpuMs), mem(P), `whole command (npx, node, its Chromium); ${peerPages} pages; ${runs(P)}`],
      ["1÷2", "headline: cold edition ÷ pagedjs-cli", `${headline.toFixed(2)}×`, `${(C.cpuMs / P.cpuMs).toFixed(2)}×`, "", "ratio of medians, wall time (CPU beside it); runs interleaved edition/peer, then peer/edition"],
      ["3a", "one-number edit → refreshed HTML (median)", sec(htmlMs, 3), "", "", `${edits[0]} (one more each round); warm engine, build() to onHtmlRendered (the new HTML from memory); ${editHtml.map((ms) => sec(ms, 3)).join(", ")}; stages of the first edit's build: ${editStages}`],
      ["3b", "one-number edit → refreshed PDFs (median)", sec(E.ms, 2), sec(E.cpuMs), mem(E), `same build, to its end; ${runs(E)}`],
      ["3c", "timeline, first cold build (s from start)", "", "", "", firstTimeline],
      ["4", "zh-HK chapter, warm print (median)", sec(W.ms, 2), sec(W.cpuMs), mem(W), `printPdf in a warm browser, after one untimed print; ${runs(W)}`],
      ["5a", "both chapters, one tab at a time (median)", sec(T1.ms, 2), sec(T1.cpuMs), mem(T1), runs(T1)],
      ["5b", "both chapters, two tabs at once (median)", sec(T2.ms, 2), sec(T2.cpuMs), mem(T2), `${runs(T2)}; one tab costs ${((tabCost - 1) * 100).toFixed(1)} % more time: the copies below use ${scaleTabs} tab${scaleTabs === 1 ? "" : "s"}`],
      ...scale.map((x, i) => [
        "6",
        `${x.copies} × zh-HK chapter`,
        sec(x.ms),
        sec(x.memory.cpuMs),
        mem({ pssMiB: x.memory.peakPssMiB ?? NaN, rssMiB: x.memory.peakRssMiB }),
        `${sec(perChapter[i]!, 2)} per chapter; printPdf + finish per copy, ${scaleTabs} tab${scaleTabs === 1 ? "" : "s"} at a time, in a new process after one untimed print; ${x.pages} pages`,
      ]),
      ...(last ? [["6'", `where the PSS is at the peak of ${last.copies} copies`, "", "", mib(lastPss), where(last.memory)]] : []),
    ];
    const table = markdownTable(["#", "measure", "time", "CPU", "peak MiB: PSS (RSS sum)", "notes"], rows);
    const targets: [string, string, boolean][] = [
      ["cold edition ÷ pagedjs-cli (zh-HK chapter) ≤ 1.0", `${sec(C.ms, 2)} ÷ ${sec(P.ms, 2)} = ${headline.toFixed(2)}× (CPU ${(C.cpuMs / P.cpuMs).toFixed(2)}×)`, headline <= 1],
      ["edit → refreshed HTML ≤ 0.15 s", sec(htmlMs, 3), htmlMs <= 150],
      [`peak PSS ≤ 0.7 GiB at ${lastCopies} chapters`, last ? `${(lastPss / GIB).toFixed(2)} GiB (RSS sum ${(last.memory.peakRssMiB / GIB).toFixed(2)} GiB)` : "not measured", lastPss <= 0.7 * GIB],
      ["time linear in chapters (per chapter, largest run ≤ 1.2× the cheaper smaller run)", perChapter.map((m) => sec(m, 2)).join(" / "), linear],
      // The engine's default tab count must be the rule's choice.
      [
        `one tab at a time where it costs < 5 %, else two (the engine prints ${DEFAULT_PRINT_TABS === 1 ? "one tab" : `${DEFAULT_PRINT_TABS} tabs`} at a time)`,
        `one tab ${((tabCost - 1) * 100).toFixed(1)} % slower than two`,
        Number.isFinite(tabCost) && (tabCost < ONE_TAB_MAX_COST) === (DEFAULT_PRINT_TABS === 1),
      ],
    ];
    const targetTable = markdownTable(["target", "measured", ""], targets.map(([t, m, ok]) => [t, m, ok ? "met" : "not met"]));
    const loadAfter = os.loadavg();
    const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
    const totalMs = performance.now() - started;
    const header = [
      `greenbook bench${QUICK ? " --quick (a smoke run, not a measurement)" : ""} — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}${process.execArgv.length ? ` (${process.execArgv.join(" ")})` : ""}, ${browserVersion}, engine builds ${CONCURRENCY} documents at a time and prints ${DEFAULT_PRINT_TABS} at a time.`,
      `Load average ${load(loadBefore)} at start, ${load(loadAfter)} at end (other work on the machine inflates wall times; CPU is this process tree's user + system time).`,
      `Memory: peak PSS summed over node and every Chromium process (RSS sum beside it), sampled every 50 ms (PSS every 200 ms and at each RSS high).`,
      ...(failure ? [`INCOMPLETE: measuring stopped at "${failure}"; rows after that step are missing or partial.`] : []),
    ].join("\n");
    process.stdout.write(`\n${header}\n\n${table}\n\n${targetTable}\n\nbench ran in ${sec(totalMs)}\n`);

    const results = {
      date: new Date().toISOString(),
      quick: QUICK,
      failure,
      machine: { cores: os.cpus().length, memGiB: round(os.totalmem() / 2 ** 30, 1), node: process.version, browser: browserVersion, concurrency: CONCURRENCY, loadavgStart: loadBefore, loadavgEnd: loadAfter },
      coldEdition: C,
      pagedjsCli: { ...P, pages: peerPages },
      headline: round(headline, 3),
      edit: { edits, htmlMs: editHtml.map((x) => round(x, 1)), htmlMedianMs: round(htmlMs, 1), pdf: E },
      firstColdTimeline: firstTimeline,
      warmPrint: W,
      tabs: { one: T1, two: T2, oneTabCost: round(tabCost, 3), scaleTabs },
      scale: scale.map((x) => ({ copies: x.copies, ms: round(x.ms), msPerChapter: round(x.ms / x.copies), cpuMs: round(x.memory.cpuMs), peakPssMiB: round(x.memory.peakPssMiB ?? NaN), peakRssMiB: round(x.memory.peakRssMiB), atPeakPss: x.memory.atPeakPss, pages: x.pages })),
      targets: targets.map(([target, measured, met]) => ({ target, measured, met })),
      totalMs: round(totalMs),
    };
    writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
    log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
    if (failure) process.exitCode = 1;
  } finally {
    await engine?.close().catch(() => undefined);
    await session?.close().catch(() => undefined);
    await sampler.close().catch(() => undefined);
    cleanup();
  }
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error)?.stack ?? err}`);
  process.exitCode = 1;
});
