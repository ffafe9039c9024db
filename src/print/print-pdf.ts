/**
 * HTML → PDF in Chromium. Paged.js lays the document out into pages (running heads, footnotes at
 * page bottoms, counters), then Chromium prints it. The page may load nothing but its own assets;
 * a page error, a failed or blocked request, or a layout that never finishes fails the print.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { PrintError } from "../errors.ts";
import { ASSET_ORIGIN, assetServer, type AssetMap, type AssetServer } from "../browser/asset-server.ts";
import { withTab } from "../browser/tab-pool.ts";
import type { BrowserSession } from "../browser/launch-browser.ts";
import { measureLayout } from "../proof/measure-layout.ts";
import { planExhibits, scorePages, worthMoving, type ExhibitRun } from "./place-exhibits.ts";
import { readFileSync } from "node:fs";
import type { MeasureOptions, PageLayout } from "../proof/page-layout.ts";
import { preparePagedHtml } from "./paged-html.ts";

export interface PrintJob {
  /** Names the document in messages, e.g. "zh-HK/chapter". */
  name: string;
  /** The complete HTML document. Its assets are referenced under ASSET_ORIGIN. */
  html: string;
  assets: AssetMap;
  /** Paginate with Paged.js (chapter); false prints the page as laid out by CSS (handout). */
  paginate: boolean;
  /** Milliseconds layout may take before the print fails; default 60 s. */
  timeoutMs?: number;
  /** Checks the laid-out page before printing (e.g. a one-page limit); throws to fail the print. */
  inspect?: (page: Page) => Promise<void>;
  /** Measure the laid-out pages for the proofreader (src/proof); default not measured. */
  measure?: MeasureOptions;
  /**
   * Set the exhibits after the text in the interleaving of figures and tables that leaves the
   * fewest pages filled less than `minFill` (src/print/place-exhibits.ts); default: numbered order.
   */
  placeExhibits?: { minFill: number };
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Pages Paged.js produced (or 0 when not paginated). */
  pages: number;
  /** The pages as laid out, measured (when the job asked for it). */
  layout?: PageLayout;
}

const require = createRequire(import.meta.url);
// pagedjs's package.json exports no subpaths: find the package, then its minified polyfill build
// (served at /vendor/paged.polyfill.js: the HTML, and so the print cache key, names it so).
export const PAGED_JS = path.join(path.dirname(require.resolve("pagedjs")), "..", "dist", "paged.polyfill.min.js");
/** greenbook's corrections to Paged.js 0.4 (footnote placement, page-end hyphens, widows). */
export const PAGED_FIXES = fileURLToPath(new URL("./paged-fixes.js", import.meta.url));

/**
 * Script tags that make a document paginate with Paged.js when loaded; `minLinesAfterHeading` is
 * the proofreader's heading-keep setting, which the print then keeps (paged-fixes.js, fix 9).
 * `fixes: false` leaves greenbook's corrections out (tests of what the proofreader catches without them).
 */
export function pagedScripts(options: { minLinesAfterHeading?: number; fixes?: boolean } = {}): string {
  const keep = options.minLinesAfterHeading === undefined ? "" : `window.__greenbookMinLinesAfterHeading=${Math.trunc(options.minLinesAfterHeading)};`;
  // Every declared face is loaded before layout starts: a face that arrived mid-layout would change
  // line breaks, so two prints of one document could differ.
  return `<script>${keep}window.PagedConfig={auto:true,before:function(){return Promise.all(Array.from(document.fonts).map(function(f){return f.load().catch(function(){});})).then(function(){return document.fonts.ready;});},after:function(flow){window.__greenbookPages=flow.total;window.__greenbookDone=true;}};</script>\n<script src="${ASSET_ORIGIN}/vendor/paged.polyfill.js"></script>${options.fixes === false ? "" : `\n<script src="${ASSET_ORIGIN}/vendor/paged-fixes.js"></script>`}`;
}

/**
 * Paged.js names footnotes and other generated elements with random UUIDs, which Chromium
 * writes into the PDF as link destinations (from `id` and `href`); renumbered in document order,
 * the same document prints to the same bytes every time. Only ids and links are touched: Paged.js's
 * generated style rules select on its data-* attributes, which must keep their values.
 */
const STABLE_IDS = `(() => {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const seen = new Map();
  const stable = (s) => s.replace(uuid, (u) => { if (!seen.has(u)) seen.set(u, "gb" + (seen.size + 1)); return seen.get(u); });
  for (const el of document.querySelectorAll("*")) {
    for (const name of ["id", "href"]) {
      const value = el.getAttribute(name);
      if (value !== null && uuid.test(value)) { uuid.lastIndex = 0; el.setAttribute(name, stable(value)); }
      uuid.lastIndex = 0;
    }
  }
  return seen.size;
})()`;

/**
 * Prints one document in a print tab of the session's browser (src/browser/tab-pool.ts). With `placeExhibits`, a better
 * interleaving of the exhibits found on the first print's measurements is printed too, and the
 * better of the two prints (as measured, not as predicted) is kept.
 */
export async function printPdf(session: BrowserSession, job: PrintJob): Promise<PrintResult> {
  const minFill = job.placeExhibits?.minFill;
  let plan: ReturnType<typeof planExhibits> = null;
  // The first layout's PDF is not made when its measurements already propose a better order.
  const first = await printOnce(session, job, job.html, (run) => {
    plan = minFill === undefined || !run?.pages ? null : planExhibits(run, minFill);
    return plan === null;
  });
  const chosen = plan as ReturnType<typeof planExhibits>;
  if (!chosen || minFill === undefined) return first.result!;
  const second = await printOnce(session, job, withExhibitOrder(job.html, chosen.order), () => true);
  // As printed, not as predicted: the second print is kept only if it really gains.
  if (second.run?.pages && first.run?.pages && worthMoving(scorePages(second.run.pages, minFill), scorePages(first.run.pages, minFill))) return second.result!;
  return (await printOnce(session, job, job.html, () => true)).result!;
}

/** `html` with the order its exhibits are to be set in (read by paged-fixes.js before layout). */
export function withExhibitOrder(html: string, ids: readonly string[]): string {
  const script = `<script>window.__greenbookExhibitOrder=${JSON.stringify(ids).replace(/</g, "\\u003c")};</script>`;
  const at = html.indexOf("</head>");
  return at < 0 ? html : `${html.slice(0, at)}${script}\n${html.slice(at)}`;
}

const MEASURE_EXHIBITS = new URL("./measure-exhibits.js", import.meta.url);
let measureExhibitsSource: string | undefined;

/** The exhibits after the text, measured in the printing tab (null without an exhibits section). */
async function measureExhibits(page: Page): Promise<ExhibitRun | null> {
  measureExhibitsSource ??= readFileSync(MEASURE_EXHIBITS, "utf8").replace(/^\/\*[\s\S]*?\*\/\s*/, "").replace(/;\s*$/, "");
  return (await page.evaluate(`(${measureExhibitsSource})()`)) as ExhibitRun | null;
}

/** A print tab's one-time set-up: its request handler, and print media (kept across the documents it prints). */
async function setUpPrintTab(page: Page): Promise<AssetServer> {
  const server = await assetServer(page);
  await page.emulateMediaType("print");
  return server;
}

/** Lays out `html` in a print tab (src/browser/tab-pool.ts) and, if `makePdf` (given the exhibits' measurements) says so, prints it. */
async function printOnce(session: BrowserSession, job: PrintJob, html: string, makePdf: (run: ExhibitRun | null) => boolean): Promise<{ result?: PrintResult; run: ExhibitRun | null }> {
  const timeout = job.timeoutMs ?? 60_000;
  return withTab(session, "print", setUpPrintTab, async (page, server) => {
    const assets: AssetMap = new Map(job.assets);
    assets.set("/index.html", { type: "text/html; charset=utf-8", body: job.paginate ? preparePagedHtml(html) : html });
    assets.set("/vendor/paged.polyfill.js", { type: "text/javascript", file: PAGED_JS });
    assets.set("/vendor/paged-fixes.js", { type: "text/javascript", file: PAGED_FIXES });
    assets.set("/favicon.ico", { type: "image/x-icon", body: new Uint8Array() });
    const failures = server.serve(assets);
    page.setDefaultTimeout(timeout);
    const problems = () => [...failures.errors, ...failures.blocked.map((u) => `blocked request to ${u} (documents may only load their own files)`)];
    // A blocked request fails the print at once: Paged.js may wait for ever on a stylesheet it could not fetch.
    let poll: NodeJS.Timeout | undefined;
    const blocked = new Promise<void>((resolve) => {
      poll = setInterval(() => failures.blocked.length && resolve(), 100);
    });
    const loaded = (async () => {
      await page.goto(`${ASSET_ORIGIN}/index.html`, { waitUntil: "load", timeout });
      await page.evaluate("document.fonts.ready.then(() => true)");
      if (job.paginate) await page.waitForFunction("window.__greenbookDone === true", { timeout, polling: 50 });
    })();
    // Settled later (page closed) when the blocked request wins the race: not an unhandled rejection.
    loaded.catch(() => undefined);
    try {
      await Promise.race([loaded, blocked]);
    } catch (err) {
      const what = (err as Error).name === "TimeoutError" ? `layout did not finish within ${Math.round(timeout / 1000)} s` : (err as Error).message;
      // What the page could not load is the likelier cause than the symptom.
      throw new PrintError(`${job.name}: ${[what, ...problems()].join("; ")}`, { cause: err });
    } finally {
      clearInterval(poll);
    }
    if (problems().length) throw new PrintError(`${job.name}: the page failed to load cleanly:\n  ${problems().join("\n  ")}`);
    if (job.paginate) await page.evaluate(STABLE_IDS);
    await job.inspect?.(page);
    const run = job.paginate && job.placeExhibits ? await measureExhibits(page) : null;
    if (!makePdf(run)) return { run };
    const layout = job.measure ? await measureLayout(page, job.measure) : undefined;
    const pages = job.paginate ? Number(await page.evaluate("window.__greenbookPages")) : 0;
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout });
    if (failures.errors.length || failures.blocked.length) throw new PrintError(`${job.name}: the page failed while printing: ${[...failures.errors, ...failures.blocked].join("; ")}`);
    return { result: { pdf, pages, layout }, run };
  });
}
