/**
 * Claims flip with the data: on a copy of the data in which leavers outnumber joiners, both
 * editions say so (the "false" wording of every variant of joiners-exceed-leavers is in the PDFs
 * and the HTML of the chapter or the handout that uses it) and nothing still says the opposite
 * (no "true" wording is left in any of them).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Dataset } from "../../src/data/load-dataset.ts";
import { loadTemplates } from "../../src/render/load-templates.ts";
import { createProseRenderer } from "../../src/render/render-prose.ts";
import { chapter, computeStats, evaluateClaims, loadData as loadDataset, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { copyData, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { visibleText } from "../helpers/render-text.ts";

const TEMPLATES = TEMPLATES_DIR;
const LANGUAGES = [...chapter.languages];
const CLAIM = "joiners-exceed-leavers";
let data: string;
let out: string;
const stdout: string[] = [];

/** Whitespace, hyphens and soft hyphens removed: PDF line breaks and hyphenation do not matter. */
const squash = (s: string) => s.replace(/[\s\u00ad\-‐]+/g, "");

beforeAll(async () => {
  data = copyData({
    "linkedin-totals.csv": (t) => t.replace("left,26836", "left,36836"),
    "age-flows.csv": (t) => t.replace("all,25-29,7200,8400,38000", "all,25-29,7200,18400,38000"),
  });
  out = makeTempDir("greenbook-out-");
  const code = await main(["build", "--data", data, "--out", out, "--quiet"], { stdout: (l) => stdout.push(l), stderr: (l) => stdout.push(l) });
  expect(code, stdout.join("\n")).toBe(0);
}, 240_000);

afterAll(() => removeDataCopies());

/** Every wording of the claim (all variants) for one outcome, as visible text, on the flipped data. */
function wordings(lang: string, outcome: string): string[] {
  const dataset = loadDataset(data);
  const stats = computeStats(dataset);
  const claims = evaluateClaims(stats);
  claims.get(CLAIM)!.outcome = outcome;
  const templates = loadTemplates(chapter, [lang], TEMPLATES).languages.get(lang)!;
  const prose = createProseRenderer({ chapter, dataset: dataset as Dataset, stats, claims, templates, target: "screen" });
  return Object.keys(templates.claims)
    .filter((key) => key.split("#")[0] === CLAIM)
    .map((key) => {
      const variant = key.includes("#") ? ` variant="${key.split("#")[1]}"` : "";
      return visibleText(prose.inline({ name: key, file: templates.claimsFile, text: `{{claim "${CLAIM}"${variant}}}` })).trim();
    });
}

/**
 * PDF text as one flow: running heads (with their page numbers) and footnote bodies, which
 * interrupt a sentence that crosses a page, are taken out.
 */
function bodyText(pdf: string, html: string): string {
  const edition = loadDataset(data).edition;
  let text = pdf;
  for (const head of [edition.book["zh-HK"], edition.book.en, `${edition.chapter.title["zh-HK"]}：${edition.chapter.subtitle["zh-HK"]}`, edition.chapter.title.en]) {
    if (head === undefined) throw new Error("edition.yaml lacks a running head in zh-HK or en");
    const h = squash(head).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    text = text.replace(new RegExp(`\\d{3}${h}|${h}\\d{3}`, "g"), "");
  }
  const notes = [...html.matchAll(/<li id="fn-(\d+)"[^>]*>([\s\S]*?)<\/li>/g)];
  for (const [, n, body] of notes) text = text.replace(`${n}${squash(visibleText(body!).replace(/↑\s*$/, ""))}`, "");
  return text;
}

it("check reports the claim as false", async () => {
  const lines: string[] = [];
  const code = await main(["check", "--data", data], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  expect(code).toBe(0);
  expect(lines.join("\n")).toContain(`${CLAIM} = false`);
});

describe.each(LANGUAGES)("%s", (lang) => {
  /** Chapter and handout text together: a variant appears in whichever document uses it. */
  const documents = () => {
    let html = "";
    let pdf = "";
    for (const doc of ["chapter", "handout"]) {
      const rawHtml = readFileSync(path.join(out, lang, `${doc}.html`), "utf8");
      const text = spawnSync("pdftotext", [path.join(out, lang, `${doc}.pdf`), "-"], { encoding: "utf8" }).stdout;
      html += `\n${squash(visibleText(rawHtml))}`;
      pdf += `\n${bodyText(squash(text), rawHtml)}`;
    }
    return { html, pdf };
  };

  it("says that more left than arrived, in every place the claim is used", () => {
    const { html, pdf } = documents();
    const said = wordings(lang, "false");
    expect(said.length).toBeGreaterThanOrEqual(4);
    for (const w of said) {
      expect(html, `HTML lacks: ${w}`).toContain(squash(w));
      // In the PDF a sentence may run across a page turn (footnotes and running heads between its halves):
      // its beginning is there (the whole wording is checked in the HTML above).
      expect(pdf, `PDF lacks the start of: ${w}`).toContain(squash(w).slice(0, 40));
    }
  });

  it("no longer says that more arrived than left", () => {
    const { html, pdf } = documents();
    for (const w of wordings(lang, "true")) {
      expect(html.includes(squash(w)), `HTML still says: ${w}`).toBe(false);
      expect(pdf.includes(squash(w)), `PDF still says: ${w}`).toBe(false);
    }
  });
});
