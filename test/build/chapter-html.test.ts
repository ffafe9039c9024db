/**
 * The screen edition: one self-contained HTML file per language (fonts as data: URIs, SVG inline,
 * nothing loaded from anywhere), with a document structure a screen reader can use, and no
 * serious or critical axe-core violation when opened in Chromium with the network cut off.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { buildFigureSpecs } from "../../src/charts/render-charts.ts";
import type { Dataset } from "../../src/data/load-dataset.ts";
import { buildEdition, chapterFigures } from "../../src/pipeline/build-edition.ts";
import { loadTemplates } from "../../src/render/load-templates.ts";
import { chapter, computeStats, loadData, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

type Lang = string;
const dataset = loadData(DATA_DIR);
const stats = computeStats(dataset);
const edition = dataset.edition;
const templates = loadTemplates(chapter, edition.languages, TEMPLATES_DIR);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const FIGURES = ["fig1", "fig2", "fig3", "fig4"] as const;

/** What the page shows and how it is built, read in Chromium. */
interface PageFacts {
  blocked: string[];
  failedFonts: string[];
  h1: number;
  h2: string[];
  tables: { id: string; colHeaders: number; colHeadersWithScope: number; spanners: { span: number; text: string }[]; rows: number; rowHeadersWithScope: number }[];
  figures: { id: string; caption: string; chartLabel: string | null; description: string | null; svgInline: boolean }[];
  axe: { id: string; impact: string | null; help: string; targets: string[] }[];
}

let session: BrowserSession | undefined;
const built = new Map<Lang, { file: string; html: string; facts: PageFacts }>();

beforeAll(async () => {
  const outDir = makeTempDir("greenbook-chapter-html-");
  const result = await buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES_DIR, outDir, documents: ["chapter"] });
  session = await launchBrowser();
  for (const f of result.files.filter((x) => x.document === "chapter" && x.format === "html")) {
    const html = readFileSync(f.path, "utf8");
    built.set(f.lang, { file: f.path, html, facts: await inspect(session, html) });
  }
}, 180_000);

afterAll(async () => {
  await session?.close();
  removeDataCopies();
});

/** Opens `html` with every request but data: URIs blocked, and reads its structure and axe's verdict. */
async function inspect(s: BrowserSession, html: string): Promise<PageFacts> {
  const page: Page = await s.browser.newPage();
  try {
    const blocked: string[] = [];
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      const url = req.url();
      if (url.startsWith("data:") || url === "about:blank") void req.continue();
      else {
        blocked.push(url);
        void req.abort("blockedbyclient");
      }
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    await page.evaluate("document.fonts.ready.then(() => true)");
    const facts = (await page.evaluate(`(${String(() => {
      const text = (el: Element | null) => (el?.textContent ?? "").replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
      return {
        failedFonts: (() => {
          const failed: string[] = [];
          document.fonts.forEach((f) => void (f.status === "error" && failed.push(f.family)));
          return failed;
        })(),
        h1: document.querySelectorAll("h1").length,
        h2: Array.from(document.querySelectorAll("h2")).map(text),
        tables: Array.from(document.querySelectorAll("table")).map((t) => ({
          id: t.id,
          colHeaders: t.querySelectorAll('thead th:not([scope="colgroup"])').length,
          spanners: Array.from(t.querySelectorAll('thead th[scope="colgroup"]')).map((th) => ({ span: (th as HTMLTableCellElement).colSpan, text: text(th) })),
          colHeadersWithScope: t.querySelectorAll('thead th[scope="col"]').length,
          rows: t.querySelectorAll("tbody tr:not(.group-header)").length,
          rowHeadersWithScope: t.querySelectorAll('tbody tr:not(.group-header) > th:first-child[scope="row"]').length,
        })),
        figures: Array.from(document.querySelectorAll("figure.exhibit")).map((f) => ({
          id: f.id,
          caption: text(f.querySelector(":scope > figcaption")),
          chartLabel: f.querySelector('[role="img"]')?.getAttribute("aria-label") ?? null,
          description: f.querySelector(".chart-description") ? text(f.querySelector(".chart-description")) : null,
          svgInline: f.querySelector("svg") !== null,
        })),
      };
    })})()`)) as Omit<PageFacts, "blocked" | "axe">;
    await page.addScriptTag({ content: AXE_SOURCE });
    const axe = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) })))`)) as PageFacts["axe"];
    return { ...facts, blocked, axe };
  } finally {
    await page.close();
  }
}

function output(l: Lang) {
  const b = built.get(l);
  if (!b) throw new Error(`no ${l} chapter HTML was built`);
  return b;
}

it("writes one HTML file per language", () => {
  expect([...built.keys()].sort()).toEqual([...edition.languages].sort());
  for (const [l, b] of built) expect(path.basename(path.dirname(b.file))).toBe(l);
});

describe.each(edition.languages)("the chapter HTML (%s)", (l) => {
  it("is self-contained: no URL to fetch, fonts as data: URIs, SVG inline, no scripts", () => {
    const { html, facts } = output(l);
    expect(html.match(/\s(?:src|href|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/gi) ?? []).toEqual([]);
    expect(html.match(/url\(\s*["']?(?!data:|#)[^)]*\)/gi) ?? []).toEqual([]);
    expect(html).not.toMatch(/<link\b[^>]*rel=["']?stylesheet/i);
    expect(html).not.toMatch(/<script\b/i);
    const faces = html.match(/@font-face\s*\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.filter((f) => !/src:\s*url\(data:font\/woff;base64,/.test(f))).toEqual([]);
    expect([...html.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]!.slice(0, 40)).filter((src) => !src.startsWith("data:"))).toEqual([]);
    // Opened with the network cut off, nothing was requested and every font loaded.
    expect(facts.blocked).toEqual([]);
    expect(facts.failedFonts).toEqual([]);
  });

  it("declares its language", () => {
    expect(output(l).html).toMatch(new RegExp(`<html\\s+lang="${l}"`));
  });

  it("has one h1 and the sections as h2", () => {
    const { facts } = output(l);
    expect(facts.h1).toBe(1);
    const headings = templates.languages.get(l)!.sections.flatMap((s) => [...s.text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()));
    expect(headings.length).toBeGreaterThanOrEqual(8);
    expect(headings.filter((h) => !facts.h2.includes(h))).toEqual([]);
  });

  it("has four tables with column and row headers scoped", () => {
    const { facts } = output(l);
    expect(facts.tables.map((t) => t.id)).toEqual(["table1-table", "table2-table", "table3-table", "table4-table"]);
    for (const t of facts.tables) {
      expect(t.colHeadersWithScope, t.id).toBe(t.colHeaders);
      expect(t.rows, t.id).toBeGreaterThan(0);
      expect(t.rowHeadersWithScope, t.id).toBe(t.rows);
    }
    // Table 2 has a row per region, Table 4 a row per city.
    expect(facts.tables[1]!.rows).toBe(stats.regions.rows.length);
    expect(facts.tables[3]!.rows).toBe(stats.cities.rows.length);
    // Table 4's ranks under two spanner heads (four by shares of users, three by THE ranks), in both languages.
    expect(facts.tables[3]!.spanners.map((sp) => sp.span)).toEqual([4, 3]);
    expect(facts.tables[3]!.spanners.map((sp) => sp.text)).toEqual(l === "en" ? ["Rank by share of users 比率排名", "Rank by university’s THE rank 院校THE排名"] : ["比率排名 Rank by share of users", "院校THE排名 Rank by university’s THE rank"]);
    for (const t of facts.tables.slice(0, 3)) expect(t.spanners, t.id).toEqual([]);
  });

  it("has each figure with its caption, its chart inline and the generated description", () => {
    const { facts } = output(l);
    const t = templates.languages.get(l)!;
    // The descriptions made from the statistics and the wording, as for the book (titles left to the captions).
    const descriptions = new Map(buildFigureSpecs({ stats, dataset: dataset as Dataset, lang: l, text: t.chartText, titles: false }, chapterFigures(chapter)).map((f) => [f.id, f.description]));
    expect(facts.figures.map((f) => f.id)).toEqual([...FIGURES, "table1", "table2", "table3", "table4"]);
    FIGURES.forEach((id, i) => {
      const figure = facts.figures.find((f) => f.id === id)!;
      const number = l === "zh-HK" ? `${t.strings.figure}${i + 1}` : `${t.strings.figure} ${i + 1}`;
      expect(figure.caption.startsWith(number), `${id} caption "${figure.caption}"`).toBe(true);
      expect(figure.svgInline, id).toBe(true);
      const description = descriptions.get(id);
      expect(description, `${id}: a description`).toMatch(/.{40,}/);
      expect(figure.chartLabel, `${id}: the chart's accessible name`).toBe(description);
      expect(figure.description, `${id}: the figure description`).toBe(description);
    });
    for (const n of [1, 2, 3, 4]) {
      const caption = facts.figures.find((f) => f.id === `table${n}`)!.caption;
      expect(caption.startsWith(l === "zh-HK" ? `${t.strings.table}${n}` : `${t.strings.table} ${n}`), caption).toBe(true);
    }
  });

  it("has no serious or critical axe-core violation", () => {
    const bad = output(l).facts.axe.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad, bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join("\n    ")}`).join("\n")).toEqual([]);
  });
});
