/**
 * The press handouts as a reader gets them: one A4 page each, every number also in the chapter
 * of the same language, a headline that follows the data, and a build that refuses to spill
 * onto a second page. One browser serves every build in this file.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { main } from "../../src/cli/main.ts";
import { TemplateError } from "../../src/errors.ts";
import { buildEdition, type BuildResult } from "../../src/pipeline/build-edition.ts";
import { chapter, TEMPLATES_DIR, type Stats } from "../helpers/chapter.ts";
import { copyData, DATA_DIR, makeTempDir, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

type Lang = string;
const LANGS: readonly Lang[] = ["zh-HK", "en"];
const TEMPLATES = TEMPLATES_DIR;
/** A4 in PDF points. */
const A4 = { width: 595.28, height: 841.89 };

let session: BrowserSession;
let shipped: { out: string; result: BuildResult };
let flipped: { out: string; code: number; stderr: string[] };

/** Leavers outnumber joiners: 10,000 more leavers, all aged 25–29, so the age groups still add up. */
const flipData = () =>
  copyData({
    "linkedin-totals.csv": (t) => t.replace(/^left,(\d+)$/m, (_, n: string) => `left,${Number(n) + 10000}`),
    "age-flows.csv": (t) => t.replace(/^all,25-29,(\d+),(\d+),/m, (_, j: string, l: string) => `all,25-29,${j},${Number(l) + 10000},`),
  });

beforeAll(async () => {
  session = await launchBrowser();
  const ws = session.browser.wsEndpoint();
  const out = makeTempDir("greenbook-handout-");
  const flipOut = makeTempDir("greenbook-handout-flip-");
  const stderr: string[] = [];
  const [result, code] = await Promise.all([
    buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES, outDir: out, browserWSEndpoint: ws }),
    main(["build", "--only", "handout", "--data", flipData(), "--out", flipOut, "--templates", TEMPLATES, "--browser-ws", ws, "--quiet"], { stdout: () => undefined, stderr: (l) => stderr.push(l) }),
  ]);
  shipped = { out, result };
  flipped = { out: flipOut, code, stderr };
}, 240_000);

afterAll(async () => {
  await session?.close();
  removeDataCopies();
});

/** The text of a PDF as pdftotext extracts it. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/**
 * Number tokens a reader would compare: at least three digits, or a decimal point, or a percent
 * sign; years 1990–2099 excluded. Signs are dropped (the chart prints −2%; prose says "fell by 2%").
 */
function numberTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?%?/g)) {
    const token = m[0];
    const digits = token.replace(/\D/g, "");
    if (digits.length < 3 && !token.includes(".") && !token.endsWith("%")) continue;
    if (/^(199\d|20\d\d)$/.test(token)) continue;
    out.add(token);
  }
  return out;
}

/** Text with line breaks and spacing removed (zh) or collapsed (en), to find a sentence in it. */
function flat(text: string, lang: Lang): string {
  return lang === "zh-HK" ? text.replace(/\s+/g, "") : text.replace(/\s+/g, " ").trim();
}

function headlineWording(lang: Lang): Record<"true" | "false", string> {
  const claims = parseYaml(readFileSync(path.join(TEMPLATES, lang, "claims.yaml"), "utf8")) as Record<string, Record<string, string>>;
  const w = claims["joiners-exceed-leavers#headline"];
  if (!w?.true || !w.false) throw new Error(`templates/${lang}/claims.yaml: no joiners-exceed-leavers#headline wording`);
  return { true: w.true, false: w.false };
}

function h1Of(html: string): string {
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  if (!m) throw new Error("no <h1> in the handout");
  return m[1]!.replace(/<[^>]+>/g, "").trim();
}

describe.each(LANGS)("the %s handout", (lang) => {
  const file = (name: string) => path.join(shipped.out, lang, name);

  it("is exactly one A4 page", async () => {
    const doc = await PDFDocument.load(readFileSync(file("handout.pdf")));
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(A4.width, 0);
    expect(height).toBeCloseTo(A4.height, 0);
    expect(doc.getTitle()).toContain(shipped.result.dataset.edition.chapter.title[lang]);
    expect(doc.getSubject()).toBe(shipped.result.dataset.edition.book[lang]);
    const built = shipped.result.files.filter((f) => f.document === "handout" && f.lang === lang).map((f) => path.basename(f.path));
    expect(built.sort()).toEqual(["handout-chart.png", "handout.html", "handout.pdf"]);
  });

  it("prints only numbers that the chapter prints too, with the same value", () => {
    const handout = numberTokens(pdfText(file("handout.pdf")));
    const chapter = numberTokens(pdfText(file("chapter.pdf")));
    // The key numbers are there at all (a handout without them would pass vacuously).
    expect(handout).toContain((shipped.result.stats as Stats).flows.joined.toLocaleString("en"));
    expect(handout.size).toBeGreaterThanOrEqual(10);
    // An axis's tick labels are its scale, not figures: the handout's small chart may tick elsewhere.
    const html = readFileSync(file("handout.html"), "utf8");
    const ticks = new Set([...html.matchAll(/role-axis-label"[^>]*>([\s\S]*?)<\/g>/g)].flatMap((m) => [...numberTokens(m[1]!.replace(/<[^>]+>/g, " "))]));
    expect([...handout].filter((n) => !chapter.has(n) && !ticks.has(n))).toEqual([]);
  });

  it("has the masthead, the headline for the data's outcome, and a chart of measured data with its source", () => {
    const text = flat(pdfText(file("handout.pdf")), lang);
    const edition = shipped.result.dataset.edition;
    for (const s of [edition.book[lang], edition.chapter.title[lang], edition.embargo[lang], edition.contact[lang]]) {
      expect(s, "edition.yaml has the masthead in this language").toBeDefined();
      expect(text.toLowerCase()).toContain(flat(s!, lang).toLowerCase());
    }
    const wording = headlineWording(lang);
    expect(h1Of(readFileSync(file("handout.html"), "utf8"))).toBe(wording.true);
    expect(text).toContain(flat(wording.true, lang));
    expect(text).not.toContain(flat(wording.false, lang));
    // The chart is drawn from official estimates (never illustrative data), and its source is named.
    expect(text).toContain(flat(shipped.result.dataset.catalog["population"]!.source[lang]!, lang));
    expect(text).not.toContain(flat(shipped.result.dataset.catalog["age-flows"]!.source[lang]!, lang));
  });

  it("is also a self-contained HTML page and a 2× PNG of its chart", () => {
    const html = readFileSync(file("handout.html"), "utf8");
    expect(html).toMatch(/<svg role="img" aria-label="/);
    expect(html).toMatch(/@font-face\{[^}]*src:url\(data:font\/woff;base64,/);
    expect(html).not.toMatch(/greenbook\.invalid|https?:\/\/(?!www\.w3\.org)/);
    const png = readFileSync(file("handout-chart.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const svgWidth = Number(/<svg role="img"[^>]*\swidth="([\d.]+)"/.exec(html)?.[1]);
    expect(png.readUInt32BE(16)).toBe(Math.round(svgWidth * 2));
  });

  it("changes its headline when more professionals left than joined (greenbook build --only handout)", () => {
    expect(flipped.stderr).toEqual([]);
    expect(flipped.code).toBe(0);
    const wording = headlineWording(lang);
    expect(h1Of(readFileSync(path.join(flipped.out, lang, "handout.html"), "utf8"))).toBe(wording.false);
    const text = flat(pdfText(path.join(flipped.out, lang, "handout.pdf")), lang);
    expect(text).toContain(flat(wording.false, lang));
    expect(text).not.toContain(flat(wording.true, lang));
    // --only handout builds nothing else.
    expect(Object.keys(snapshotTree(flipped.out)).filter((f) => !f.endsWith("/") && !f.startsWith(".cache/")).sort()).toEqual(
      LANGS.flatMap((l) => [`${l}/handout-chart.png`, `${l}/handout.html`, `${l}/handout.pdf`]).sort(),
    );
  });
});

describe("a handout that does not fit on one page", () => {
  it("fails the build, says by how much, and writes nothing", async () => {
    const templates = makeTempDir("greenbook-templates-");
    cpSync(TEMPLATES, templates, { recursive: true });
    const findings = path.join(templates, "en", "handout", "findings.md");
    const long = " This sentence is here to make the finding far too long for the page.".repeat(25);
    writeFileSync(findings, readFileSync(findings, "utf8").replace(/^(- .*)$/m, `$1${long}`));
    const out = makeTempDir("greenbook-handout-overflow-");
    const build = buildEdition({ chapter, dataDir: DATA_DIR, templatesDir: templates, outDir: out, documents: ["handout"], langs: ["en"], browserWSEndpoint: session.browser.wsEndpoint() });
    await expect(build).rejects.toThrow(TemplateError);
    await expect(build).rejects.toThrow(/^en\/handout: content is \d+ mm taller than one A4 page/);
    expect(snapshotTree(out)).toEqual({});
  });
});
