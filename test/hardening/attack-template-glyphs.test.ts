/**
 * F17, the rest of it: characters the embedded fonts cannot draw in text that is not data. The
 * chapter's templates and wording (test/fixtures/bad-inputs holds a case per file kind) and the book
 * format's layouts, partials and style sheets fail `check` and `build` at file and line, per
 * language, against the fonts that language's pages use; comments, which never reach a page, do not.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadChartText, chartTextSchema } from "../../src/charts/chart-text.ts";
import { main } from "../../src/cli/main.ts";
import { TemplateError } from "../../src/errors.ts";
import { unprintableInSources, type PrintedSource } from "../../src/fonts/check-template-glyphs.ts";
import { FORMAT_DIR, loadTemplates } from "../../src/render/load-templates.ts";
import { chapter, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { makeTempDir, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

const FONTS = "Source Serif 4, Noto Serif HK, Source Sans 3, Noto Sans HK";
const cannotDraw = (where: string, char: string, code: string, lang: string) =>
  `${where}: character "${char}" (U+${code}) cannot be drawn by the embedded fonts (the ${lang} pages are set in ${FONTS}, and none of them has it); remove it or write it with characters they have`;

const source = (text: string, syntax: PrintedSource["syntax"], languages: string[] = ["en"]): PrintedSource => ({ file: "t", text, syntax, languages });

describe("unprintableInSources", () => {
  it("names the line and the character, once per line and character", () => {
    expect(unprintableInSources([source("fine\nstill fine 中文\nbad 😀 and 😀 again 𠀋\n", "markdown")])).toEqual([
      cannotDraw("t:3", "😀", "1F600", "en"),
      cannotDraw("t:3", "𠀋", "2000B", "en"),
    ]);
  });

  it("skips Handlebars comments in Markdown but not HTML comments, which Markdown prints (raw HTML is off)", () => {
    expect(unprintableInSources([source("{{!-- 😀 --}}\n{{! ☕ }}\n<!-- 𠀋 -->\n", "markdown")])).toEqual([cannotDraw("t:3", "𠀋", "2000B", "en")]);
  });

  it("skips Handlebars and HTML comments in layouts, and comments in style sheets, keeping line numbers", () => {
    expect(unprintableInSources([source("<!-- 😀\n😀 -->\n{{!-- ☕\n --}}<p>☕</p>\n", "handlebars")])).toEqual([cannotDraw("t:4", "☕", "2615", "en")]);
    expect(unprintableInSources([source("/* ☕\n   😀 */\n.x::before { content: \"😀\"; }\n", "css")])).toEqual([cannotDraw("t:3", "😀", "1F600", "en")]);
  });

  it("checks YAML strings (not comments) at the line the character is written on, also inside a block scalar", () => {
    const yaml = "# a comment with ☕ is not printed\ncaption: plain\nnotes: |\n  first line\n  second 😀 line\nescaped: \"\\U0001F600\"\n";
    expect(unprintableInSources([source(yaml, "yaml")])).toEqual([cannotDraw("t:5", "😀", "1F600", "en"), cannotDraw("t:6", "😀", "1F600", "en")]);
  });

  it("names the first language, of those printing the text, whose fonts lack the character", () => {
    expect(unprintableInSources([source("x 😀", "markdown", ["zh-HK", "en"])])).toEqual([cannotDraw("t:1", "😀", "1F600", "zh-HK")]);
    expect(unprintableInSources([source("x 😀", "markdown", ["en", "zh-HK"])])).toEqual([cannotDraw("t:1", "😀", "1F600", "en")]);
  });

  it("refuses bidi controls, invisible format and control characters (text that lies), allowing line breaks, tabs and an opening BOM", () => {
    const control = (where: string, found: string) => `${where}: ${found} is not allowed in template text: it reorders, hides or breaks what the page shows; remove it`;
    expect(unprintableInSources([source("\ufeffline one\twith a tab\r\nthe total is 4,532\u202e people\nzero\u200bwidth and \u0007 bell\n", "markdown")])).toEqual([
      control("t:2", "a bidi control (U+202E)"),
      control("t:3", "an invisible format character (U+200B)"),
      control("t:3", "a control character (U+0007)"),
    ]);
    // In YAML an escape writes it: reported at the scalar's line.
    expect(unprintableInSources([source('a: plain\nb: "isolate \\u2066 here"\n', "yaml")])).toEqual([control("t:2", "a bidi control (U+2066)")]);
  });

  it("lists at most 100 problems per file, then how many more", () => {
    const lines = Array.from({ length: 105 }, (_, i) => `line ${i + 1} 😀`).join("\n");
    const problems = unprintableInSources([source(lines, "markdown")]);
    expect(problems).toHaveLength(101);
    expect(problems[99]).toBe(cannotDraw("t:100", "😀", "1F600", "en"));
    expect(problems[100]).toBe("t: 5 more problems in this file not listed; fix the ones above and check again");
  });
});

describe("the shipped templates", () => {
  it("have no character the fonts cannot draw", () => {
    expect(() => loadTemplates(chapter, chapter.languages)).not.toThrow();
  });
});

/** A templates folder with its own book format (layouts, partials, styles) beside the chapter's languages. */
function copyTemplatesWithFormat(): string {
  const dir = path.join(makeTempDir("greenbook-format-"), "templates");
  cpSync(TEMPLATES_DIR, dir, { recursive: true });
  for (const sub of ["layouts", "partials", "styles"]) cpSync(path.join(FORMAT_DIR, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

function edit(file: string, find: string, replace: string): number {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`${file} must hold exactly once: ${find}`);
  writeFileSync(file, text.slice(0, at) + replace + text.slice(at + find.length));
  return text.slice(0, at).split("\n").length;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(...l.split("\n")), stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stdout, stderr };
}

describe("the book format's layouts and style sheets", () => {
  const dir = copyTemplatesWithFormat();
  const layout = path.join(dir, "layouts/chapter.hbs");
  const css = path.join(dir, "styles/print.css");
  const layoutLine = edit(layout, '<p class="version-stamp">', '<p class="version-stamp">⌛ ');
  const cssLine = edit(css, 'content: counter(footnote-marker) "　";', 'content: counter(footnote-marker) "　𠀋";');
  // Comments never reach a page: these must not be reported.
  edit(css, ".script-latin ::footnote-marker {", "/* 😀 */ .script-latin ::footnote-marker {");
  // Every language's pages print the format; the edition's first language (zh-HK) is named.
  const expected = (cmd: string) => [
    `greenbook ${cmd}: ${cannotDraw(`${layout}:${layoutLine}`, "⌛", "231B", "zh-HK")}`,
    cannotDraw(`${css}:${cssLine}`, "𠀋", "2000B", "zh-HK"),
  ];

  it("check: exit 1, every character at its file and line", async () => {
    const r = await run(["check", "--templates", dir]);
    expect(r.stderr).toEqual(expected("check"));
    expect(r.code).toBe(1);
  });

  it("build: exit 1, the same messages, no output folder made", async () => {
    const out = path.join(makeTempDir("greenbook-out-"), "new");
    const before = snapshotTree(dir);
    const r = await run(["build", "--templates", dir, "--out", out, "--quiet"]);
    expect(r.stderr).toEqual(expected("build"));
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe("the charts command's wording", () => {
  it("loadChartText refuses charts.yaml with a character the language's fonts lack", () => {
    const dir = path.join(makeTempDir("greenbook-charts-"), "templates");
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    const file = path.join(dir, "zh-HK/charts.yaml");
    const line = edit(file, 'note: "註：{note}"', 'note: "註𠀋：{note}"');
    const load = () => loadChartText(dir, "zh-HK", chartTextSchema(chapter));
    expect(load).toThrow(TemplateError);
    expect(load).toThrow(cannotDraw(`${file}:${line}`, "𠀋", "2000B", "zh-HK"));
  });
});
