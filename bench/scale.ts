/**
 * One step of the bench's scaling row, in a process of its own: `node bin/run-ts.js bench/scale.ts
 * COPIES TABS`. It does what a greenbook command does before printing (renders the zh-HK chapter,
 * charts in Node and the screen HTML's fonts cut in Chromium, launches the browser, prints the
 * chapter once untimed), says `ready` on stdout and waits for a line on stdin; then it prints and
 * finishes COPIES copies, TABS at a time, and writes `{"ms":…,"pages":…}` on stdout.
 *
 * The bench (run.ts) samples this process's tree between the two: the memory and CPU of printing
 * N chapters, without what the bench's own process has gathered in its earlier steps (cold builds,
 * the peer's runs) and without the sampler itself.
 */
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../src/browser/launch-browser.ts";
import { loadChapter } from "../src/chapter/load-chapter.ts";
import { renderCharts } from "../src/charts/render-charts.ts";
import { renderChapterDocument } from "../src/documents/build-chapter.ts";
import { readFaceStyles } from "../src/fonts/collect-face-text.ts";
import { embedSubsetFonts } from "../src/fonts/embed-subset-fonts.ts";
import { chapterFigures, prepareBuild } from "../src/pipeline/build-edition.ts";
import { buildTime } from "../src/pipeline/build-time.ts";
import { limit } from "../src/pipeline/limit.ts";
import { printPdf } from "../src/print/print-pdf.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [copies, tabs, timeoutMs] = process.argv.slice(2).map(Number);
if (!(copies! >= 1 && tabs! >= 1 && timeoutMs! >= 1)) {
  process.stderr.write("usage: bench/scale.ts COPIES TABS TIMEOUT_MS\n");
  process.exit(2);
}

const chapter = await loadChapter(path.join(ROOT, "chapters", "brain-drain"));
const { dataset, stats, claims, templates } = prepareBuild(chapter);
const lang = "zh-HK";
const session = await launchBrowser();
try {
  const text = templates.languages.get(lang)!.chartText;
  const charts = await renderCharts({ stats, dataset, lang, text, titles: false }, chapterFigures(chapter));
  const embedFonts = (html: string) => embedSubsetFonts(html, { collect: (bare) => readFaceStyles(session, bare, `${lang}/chapter.html`) });
  const zh = await renderChapterDocument({ chapter, dataset, stats, claims, templates, lang, charts, date: buildTime(dataset.edition), embedFonts });
  await zh.html;
  const job = await zh.print;
  const print = (name: string) => printPdf(session, { ...job, name, timeoutMs });
  await print("warm-up");
  process.stdout.write("ready\n");
  const input = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => input.once("line", () => resolve()));
  input.close();
  const slot = limit(tabs!);
  let pages = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: copies! }, (_, i) =>
      slot(async () => {
        const printed = await print(`zh-HK/chapter copy ${i + 1}`);
        pages += printed.pages;
        await zh.finish(printed);
      }),
    ),
  );
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t, pages })}\n`);
} finally {
  await session.close();
}
