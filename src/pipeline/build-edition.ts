/**
 * Builds the edition: every document in every language, PDF and HTML, with one browser.
 *
 *   0. load the chapter folder        → Chapter         (src/chapter: chapter.ts, data/, templates/)
 *   1. load + validate its data       → Dataset         (src/data)
 *   2. compute statistics and claims  → Stats, Claims   (the chapter's computeStats; src/claims)
 *   3. draw the figures (Vega in Node) → SVG per figure (src/charts)
 *   4. render templates per language  → HTML            (src/render, src/documents)
 *   5. paginate and print             → PDF             (src/print)
 *   6. proofread the printed pages    → ProofReport     (src/proof: measured in the print, rules in Node)
 *   7. stage outputs, rename into place                 (src/output)
 *
 * A BuildEngine keeps its browser and a cache of stage results between builds (watch, bench):
 * charts and printed PDFs are keyed by the hash of everything they are made from, so an edit
 * redraws and reprints only what it changes. Documents are built in parallel tabs, as many at
 * once as the machine has cores. A browser that crashes mid-print is restarted and the document
 * tried once more.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Chapter } from "../chapter/define-chapter.ts";
import type { FigureDef } from "../chapter/define-exhibit.ts";
import { buildFigureSpecs, renderCharts } from "../charts/render-charts.ts";
import { assertRequiredClaims, evaluateChapterClaims, type Claims } from "../claims/evaluate-claims.ts";
import { renderNarrowCharts } from "../charts/render-narrow-charts.ts";
import { loadDataset, type Dataset } from "../data/load-dataset.ts";
import { LoadMemo } from "../data/load-memo.ts";
import { ProofError, UsageError } from "../errors.ts";
import { messages } from "../messages.ts";
import type { BrowserSession } from "../browser/launch-browser.ts";
import { printPdf, type PrintJob, type PrintResult } from "../print/print-pdf.ts";
import { FORMAT_DIR, loadTemplates, type TemplateSet } from "../render/load-templates.ts";
import { folderFingerprint } from "../io/folder-fingerprint.ts";
import type { ParityRecord } from "../render/render-chapter.ts";
import { bylineWarnings } from "../render/author-names.ts";
import { renderChapterDocument, type DocumentFile, type RenderedChapterDocument } from "../documents/build-chapter.ts";
import { readFaceStyles } from "../fonts/collect-face-text.ts";
import { embedSubsetFonts } from "../fonts/embed-subset-fonts.ts";
import { buildHandout, checkHandoutParity } from "../documents/build-handout.ts";
import { buildTime } from "./build-time.ts";
import { checkParity } from "../documents/check-parity.ts";
import { codeFingerprint } from "./code-fingerprint.ts";
import { BrowserHolder } from "./browser-holder.ts";
import { TaskGroup } from "./task-group.ts";
import { acquireOutputLock } from "../output/output-lock.ts";
import { OutputWriter, type WriteEffects } from "../output/output-writer.ts";
import { createReporter, type Reporter } from "./progress.ts";
import { hashOf } from "../io/hash.ts";
import { StageCache } from "../output/stage-cache.ts";
import { limit } from "./limit.ts";
import { settleBoth } from "./settle-both.ts";
import type { PageLayout } from "../proof/page-layout.ts";
import { formatProofReport, proofErrors, type DocumentProof, type ProofReport } from "../proof/proof-report.ts";
import { measureOptions, proofreadDocument } from "../proof/proofread-document.ts";

export const DOCUMENTS = ["chapter", "handout"] as const;

/** Tabs printing at once unless BuildOptions.printTabs says otherwise. */
export const DEFAULT_PRINT_TABS = 1;

/** The stage cache's default home, beside the installed packages (like other tools' caches). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL("../../node_modules/.cache/greenbook", import.meta.url));
export type DocumentKind = (typeof DOCUMENTS)[number];

type Lang = string;

export interface BuildOptions {
  /** The chapter to build (loadChapter). */
  chapter: Chapter;
  /** Data folder; default the chapter's data/. */
  dataDir?: string;
  /** Templates folder; default the chapter's templates/. */
  templatesDir?: string;
  /** Use the data as known on this date (ISO); default the edition's release date. */
  asOf?: string;
  outDir: string;
  /** Languages to build; default the edition's. */
  langs?: readonly Lang[];
  documents?: readonly DocumentKind[];
  /** Print on an already-running browser (its DevTools WebSocket URL) instead of launching one. */
  browserWSEndpoint?: string;
  /** How a browser is obtained (an effect tests replace); default launchBrowser with browserWSEndpoint. */
  launch?: () => Promise<BrowserSession>;
  /** Progress lines (plain); ignored when `reporter` is given. */
  log?: (line: string) => void;
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
  /**
   * Where stage results are cached between runs; default node_modules/.cache/greenbook (never
   * the output folder: a failed build must leave that as it was); false for memory only.
   */
  cacheDir?: string | false;
  /** Documents built at once (charts, HTML, proofreading, finishing); default the number of cores (at least 2). */
  concurrency?: number;
  /**
   * Tabs laying out and printing at once; default 1. On this machine two tabs finished the two
   * chapters no sooner than one after the other (the bench's row 5, with the omnibox renderer
   * gone), and each tab holds its renderer's memory; the documents' other stages still overlap.
   */
  printTabs?: number;
  /** File operations for the outputs (tests inject failures). */
  fs?: WriteEffects;
  /** Milliseconds a document's layout may take before the print fails. */
  printTimeoutMs?: number;
  /** Write the outputs; false builds and proofreads without touching the output folder (`check`). Default true. */
  write?: boolean;
}

export interface BuiltFile {
  path: string;
  lang: Lang;
  document: DocumentKind;
  format: "pdf" | "html" | "png";
  bytes: number;
  pages?: number;
}

export interface BuildResult {
  dataset: Dataset;
  stats: unknown;
  claims: Claims;
  files: BuiltFile[];
  parity: Map<Lang, ParityRecord>;
  /** The printing browser's version, e.g. "Chrome/156.0.8078.79". */
  browserVersion: string;
  /** Documents whose print was reused from the cache (their inputs did not change). */
  reused: string[];
  /** Milliseconds per stage, summed over documents. */
  timings: Record<string, number>;
  /** The proofreader's findings on every printed document. */
  proof: ProofReport;
}

/** What a build keeps from the one before it, so a watch rebuild does not load and check again what did not change. */
export interface PrepareMemo {
  /** Loads the templates (default loadTemplates, every time). */
  readTemplates?: (chapter: Chapter, langs: readonly string[], dir: string) => TemplateSet;
  /** Parsed and validated data files, by their text. */
  data?: LoadMemo;
}

/** Loads, validates and computes everything a build needs without touching a browser. */
export function prepareBuild(chapter: Chapter, dataDir: string = chapter.dataDir, templatesDir: string = chapter.templatesDir, langs?: readonly Lang[], asOf?: string, memo: PrepareMemo = {}) {
  const dataset = loadDataset(chapter, dataDir, { asOf, memo: memo.data });
  const stats = chapter.computeStats(dataset);
  const claims = evaluateChapterClaims(chapter, stats);
  assertRequiredClaims(claims);
  const languages = langs ?? dataset.edition.languages;
  for (const lang of languages) {
    if (!dataset.edition.languages.includes(lang)) throw new UsageError(messages.editionNotIn(lang, dataset.edition.languages));
  }
  // Secondary captions and bilingual headers need every language's templates.
  const templates = (memo.readTemplates ?? loadTemplates)(chapter, dataset.edition.languages, templatesDir);
  return { chapter, dataset, stats, claims, templates, languages };
}

/** The chapter's figures (not their variants), in chapter order. */
export function chapterFigures(chapter: Chapter): FigureDef[] {
  return chapter.exhibits.filter((e): e is FigureDef => e.kind === "figure");
}

export class BuildEngine {
  private readonly browser: BrowserHolder;
  readonly cache: StageCache;
  /** The last print job of each chapter (e.g. "en/chapter"), for the preview's paged view. */
  readonly printJobs = new Map<string, PrintJob>();
  private readonly reporter: Reporter;
  /** The templates last loaded, with the fingerprint of their folders: a data edit does not read and check them again. */
  private templates?: { key: string; set: TemplateSet };
  private readonly dataMemo = new LoadMemo();
  /** Prints wait here for a tab of their own (printTabs at once). */
  private readonly printSlot: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(readonly options: BuildOptions) {
    const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
    this.cache = new StageCache(dir, codeFingerprint(options.chapter.dir), (message) => this.reporter.line(message));
    this.reporter = options.reporter ?? createReporter(options.log ? { tty: false, write: (t) => options.log!(t.replace(/\n$/, "")) } : { quiet: true });
    this.browser = BrowserHolder.forOptions(options, (line) => this.reporter.line(line));
    this.printSlot = limit(options.printTabs ?? DEFAULT_PRINT_TABS);
  }

  /** The templates, loaded again only when a file in their folders (or the book format's) changed since the last build. */
  private readonly readTemplates = (chapter: Chapter, langs: readonly string[], dir: string): TemplateSet => {
    const fingerprint = folderFingerprint([path.resolve(dir), FORMAT_DIR]);
    const key = fingerprint && hashOf(fingerprint, ...langs);
    if (key && this.templates?.key === key) return this.templates.set;
    const set = loadTemplates(chapter, langs, dir);
    this.templates = key ? { key, set } : undefined;
    return set;
  };

  /** Prints a job, or reuses the PDF printed earlier from the same HTML and assets. */
  private async print(session: BrowserSession, job: PrintJob, signal?: AbortSignal): Promise<PrintResult & { cached: boolean }> {
    const key = hashOf(this.browser.version, job.paginate ? "paged" : "plain", job.html, [...job.assets.keys()].sort().join("\n"), JSON.stringify(job.measure ?? null), JSON.stringify(job.placeExhibits ?? null));
    const pdf = this.cache.get("pdf", key);
    const meta = this.cache.getJson<{ pages: number; layout?: PageLayout }>("pdfmeta", key);
    if (pdf && meta) return { pdf, pages: meta.pages, layout: meta.layout, cached: true };
    const printed = await this.printSlot(async () => {
      // A print that waited for its tab while the build was cancelled does not start.
      signal?.throwIfAborted();
      return printPdf(session, { ...job, timeoutMs: job.timeoutMs ?? this.options.printTimeoutMs });
    });
    this.cache.set("pdf", key, printed.pdf);
    this.cache.setJson("pdfmeta", key, { pages: printed.pages, layout: printed.layout });
    return { ...printed, cached: false };
  }

  /**
   * Builds the documents. `onHtmlRendered` gets the chapters' screen HTML as soon as it is
   * rendered, before the PDFs (watch mode: a browser tab shows the change at once).
   */
  async build(run: { onHtmlRendered?: (files: ReadonlyMap<string, Uint8Array>) => void; signal?: AbortSignal } = {}): Promise<BuildResult> {
    const o = this.options;
    const timings: Record<string, number> = {};
    const time = async <T>(stage: string, f: () => Promise<T> | T): Promise<T> => {
      const t = performance.now();
      try {
        return await f();
      } finally {
        timings[stage] = (timings[stage] ?? 0) + performance.now() - t;
      }
    };
    const t0 = performance.now();
    const { chapter, dataset, stats, claims, templates, languages } = await time("data", () => prepareBuild(o.chapter, o.dataDir, o.templatesDir, o.langs, o.asOf, { readTemplates: this.readTemplates, data: this.dataMemo }));
    this.dataMemo.nextBuild();
    this.reporter.event({ doc: "edition", stage: "data", state: "done", ms: timings.data, detail: `(${dataset.files.length} files, snapshot ${dataset.sha256.slice(0, 12)})` });
    for (const w of bylineWarnings(dataset.edition)) this.reporter.line(`warning: ${w}`);
    const date = buildTime(dataset.edition, o.env);
    const documents = o.documents ?? DOCUMENTS;
    const write = o.write !== false;
    // The output folder is locked, and a staging folder made in it, once the HTML has been handed
    // over and before the first file is staged: a preview's HTML waits for no other build.
    let release: () => void = () => undefined;
    let writer: OutputWriter | undefined;
    const openOutput = async (): Promise<OutputWriter> => {
      if (write) release = await acquireOutputLock(o.outDir, { signal: run.signal, onWait: (_pid, owner) => this.reporter.line(`waiting for another build (${owner}) writing to ${o.outDir} …`) });
      return (writer = new OutputWriter(o.outDir, o.fs));
    };
    const settings = dataset.edition.proof;
    const measure = measureOptions(settings);
    const proofs: DocumentProof[] = [];
    const files: BuiltFile[] = [];
    let proof: ProofReport = { failOnErrors: true, documents: [] };
    const parity = new Map<Lang, ParityRecord>();
    const handoutParity = new Map<Lang, ParityRecord>();
    const reused: string[] = [];
    const add = (target: OutputWriter, lang: Lang, document: DocumentKind, f: DocumentFile) => {
      target.write(f.rel, f.data);
      files.push({ path: path.join(o.outDir, f.rel), lang, document, format: f.format, bytes: f.data.length, pages: f.pages });
    };
    // One failure cancels the other documents: they stop at their next stage, and all are awaited before the browser closes.
    const group = new TaskGroup(o.concurrency ?? Math.max(2, os.availableParallelism()), run.signal);
    const signal = group.signal;
    try {
      // The browser launches while the charts (drawn in Node) and the HTML are made; printing waits for it.
      const launched = this.browser.get();
      launched.catch(() => undefined);
      // A build that hands its HTML over (watch, preview) renders both screen editions first and
      // prints afterwards; any other starts each print as soon as its job is ready and cuts the
      // screen edition's fonts while the print is laid out (Chromium's work and Node's overlap on
      // the critical path to the PDFs).
      const htmlFirst = run.onHtmlRendered !== undefined;
      type RenderedChapter = { lang: Lang; doc: string; rendered: RenderedChapterDocument };
      const renderOne = async (lang: Lang): Promise<RenderedChapter> => {
        const doc = `${lang}/chapter`;
        const text = templates.languages.get(lang)!.chartText;
        // In the book the caption above a figure is its title; the chart keeps its source line and illustrative mark.
        const chartInput = { stats, dataset, lang, text, titles: false, cache: this.cache };
        const figures = chapterFigures(chapter);
        const specs = await time("charts", () => buildFigureSpecs(chartInput, figures));
        const charts = await time("charts", () => renderCharts(chartInput, figures, specs));
        // The screen edition also carries each figure drawn for a phone's column.
        const narrowCharts = await time("charts", () => renderNarrowCharts(chartInput, figures, specs));
        this.reporter.event({ doc, stage: "charts", state: "done", ms: timings.charts });
        const embedFonts = (html: string) =>
          embedSubsetFonts(html, { collect: (bare) => this.browser.run(doc, (s) => readFaceStyles(s, bare, `${doc}.html`), signal), cache: this.cache });
        const rendered = await time("render", () => renderChapterDocument({ chapter, dataset, stats, claims, templates, lang, charts, narrowCharts, date, embedFonts, cache: this.cache }));
        parity.set(lang, rendered.parity);
        // A build that hands its HTML over makes it first; any other makes the print job first.
        if (htmlFirst) await time("render", () => rendered.html);
        else await time("render", () => rendered.print);
        return { lang, doc, rendered };
      };
      const printOne = async ({ lang, doc, rendered }: RenderedChapter, out: OutputWriter) => {
        const t = performance.now();
        const job = await time("render", () => rendered.print);
        this.printJobs.set(doc, job);
        // The screen HTML is made while the print is laid out (already made, in a build that handed it over).
        const [printed, html] = await settleBoth(
          time("print", () =>
            this.browser.run(doc, (s) => {
              this.reporter.event({ doc, stage: "print", state: "start" });
              return this.print(s, { ...job, measure }, signal);
            }, signal),
          ),
          rendered.html,
        );
        if (printed.cached) reused.push(doc);
        if (printed.layout) proofs.push(await time("proof", () => proofreadDocument({ document: doc, layout: printed.layout!, pdf: printed.pdf, firstFolio: dataset.edition.startPage, settings })));
        add(out, lang, "chapter", html);
        add(out, lang, "chapter", await time("finish", () => rendered.finish(printed)));
        this.reporter.event({ doc, stage: "print", state: printed.cached ? "cached" : "done", ms: performance.now() - t, pages: printed.pages });
      };
      const handoutTasks = (out: OutputWriter) =>
        documents.includes("handout") && chapter.handout
          ? languages.map((lang) => async () => {
              const doc = `${lang}/handout`;
              const t = performance.now();
              const built = await time("handout", () => this.browser.run(doc, (s) => buildHandout({ session: s, chapter, dataset, stats, claims, templates, lang, date, cache: this.cache, measure, print: (session, job) => this.print(session, job, signal) }), signal));
              handoutParity.set(lang, built.parity);
              if (built.printed.layout) proofs.push(await time("proof", () => proofreadDocument({ document: doc, layout: built.printed.layout!, pdf: built.printed.pdf, settings })));
              for (const f of built.files) add(out, lang, "handout", { ...f, pages: f.format === "pdf" ? 1 : undefined });
              this.reporter.event({ doc, stage: "print", state: "done", ms: performance.now() - t, pages: 1 });
            })
          : [];
      const chapterLangs = documents.includes("chapter") ? languages : [];
      if (htmlFirst) {
        // Both screen editions, then the hand-over, then the prints.
        const chapters = await group.all(chapterLangs.map((lang) => () => renderOne(lang)));
        if (parity.size > 1) checkParity(parity);
        run.signal?.throwIfAborted();
        // The new HTML, from memory (a preview shows it at once); the output folder changes only when everything is built.
        const html = await Promise.all(chapters.map(({ rendered }) => rendered.html));
        run.onHtmlRendered!(new Map(html.map((f) => [f.rel, f.data])));
        const out = await openOutput();
        await launched;
        await group.all([...chapters.map((c) => () => printOne(c, out)), ...handoutTasks(out)]);
      } else {
        // Each chapter is printed as soon as its print job is ready; Node renders one language at
        // a time (its charts, HTML and print fonts), so the first print starts as early as it can
        // and the next language is rendered while Chromium lays the first out.
        const out = await openOutput();
        const renderSlot = limit(1);
        await group.all([...chapterLangs.map((lang) => async () => printOne(await renderSlot(() => renderOne(lang)), out)), ...handoutTasks(out)]);
        if (parity.size > 1) checkParity(parity);
      }
      if (handoutParity.size > 1) checkHandoutParity(handoutParity);
      run.signal?.throwIfAborted();
      proofs.sort((a, b) => a.document.localeCompare(b.document));
      proof = { failOnErrors: settings.failOnErrors, documents: proofs };
      if (settings.failOnErrors && proofErrors(proof).length) throw new ProofError(`the proofreader found errors on the printed pages; nothing was written\n${formatProofReport(proof).join("\n")}`);
      if (proofs.some((d) => d.findings.length)) for (const line of formatProofReport(proof)) this.reporter.line(line);
      if (write) await time("write", () => writer!.commit());
      else writer!.discard();
    } catch (err) {
      writer?.discard();
      throw group.error ?? err;
    } finally {
      group.dispose();
      release();
      await this.browser.closeIdleTabs();
    }
    files.sort((a, b) => a.path.localeCompare(b.path));
    this.reporter.line(`built ${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s${reused.length ? ` (${reused.length} unchanged, reused)` : ""}`);
    return { dataset, stats, claims, files, parity, browserVersion: this.browser.version, reused, timings, proof };
  }

  /** The launched browser's process id (undefined before launch or for a remote browser). */
  get browserPid(): number | undefined {
    return this.browser.pid;
  }

  /** Closes (or disconnects from) the browser. */
  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Builds once with a fresh engine and closes its browser; `signal` cancels the build (outputs left as they were). */
export async function buildEdition(options: BuildOptions, run: { signal?: AbortSignal } = {}): Promise<BuildResult> {
  const engine = new BuildEngine(options);
  try {
    return await engine.build({ signal: run.signal });
  } finally {
    await engine.close();
  }
}
