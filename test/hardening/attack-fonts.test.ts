/**
 * Regression tests for F17 of the attack report: characters the embedded fonts cannot draw
 * (emoji, CJK Extension B outside Noto HK) made Chromium fall back to a system font (DejaVu) or
 * print a box. `check` now refuses them with file, line, column and the character.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadData } from "../helpers/chapter.ts";
import { zhHK } from "../../src/locale/locales/zh-hk.ts";
import { loadFontFaces } from "../../src/fonts/font-faces.ts";
import { createGlyphCoverage } from "../../src/fonts/glyph-coverage.ts";
import { woff2CodePoints } from "../../src/fonts/woff2-cmap.ts";
import { copyData, DATA_DIR, removeDataCopies } from "../helpers/data-copy.ts";
import { loadProblems } from "../helpers/load-problems.ts";

afterAll(removeDataCopies);

const drawable = createGlyphCoverage([zhHK.fonts.serif, zhHK.fonts.sans]);
const cp = (c: string) => c.codePointAt(0)!;

describe("F17 characters the embedded fonts cannot draw", () => {
  it.each(["☕", "😀", "𠀋", "\u{1F1ED}"])("%s is not drawable", (c) => {
    expect(drawable(cp(c))).toBe(false);
  });

  it.each(["A", "é", "–", "’", "中", "國", "𨋢", "𩶘", "％", " "])("%s is drawable", (c) => {
    expect(drawable(cp(c))).toBe(true);
  });

  it("reads glyph coverage from the font files, not only the CSS ranges (☕ lies in a Noto HK range but no file has it)", () => {
    const face = loadFontFaces().find((f) => f.family === "Noto Sans HK" && f.weight === 400 && f.ranges.some(([lo, hi]) => cp("☕") >= lo && cp("☕") <= hi))!;
    expect(face).toBeDefined();
    const points = woff2CodePoints(face.file);
    expect(points.length).toBeGreaterThan(0);
    expect(points.some(([lo, hi]) => cp("☕") >= lo && cp("☕") <= hi)).toBe(false);
    const latin = loadFontFaces().find((f) => f.name === "source-serif-4-latin-400-normal.woff2")!;
    const latinPoints = woff2CodePoints(latin.file);
    expect(latinPoints.some(([lo, hi]) => cp("A") >= lo && cp("A") <= hi)).toBe(true);
    expect(latinPoints.some(([lo, hi]) => cp("中") >= lo && cp("中") <= hi)).toBe(false);
  });

  it("refuses labels with an emoji, a symbol and CJK Ext-B, naming file, line, column and character", () => {
    const dir = copyData({
      "labels.csv": (t) => t.replace("region:us,United States,美國", "region:us,United States ☕,美國𠀋").replace("region:mainland,Mainland China,", "region:mainland,Mainland China 😀,"),
    });
    expect(loadProblems(dir)).toEqual([
      '<data>/labels.csv:2: column "en": expected characters the embedded fonts can draw (found "☕" U+2615 at character 15, which none of them has), got "United States ☕"',
      '<data>/labels.csv:2: column "zh_hk": expected characters the embedded fonts can draw (found "𠀋" U+2000B at character 3, which none of them has), got "美國𠀋"',
      '<data>/labels.csv:3: column "en": expected characters the embedded fonts can draw (found "😀" U+1F600 at character 16, which none of them has), got "Mainland China 😀"',
    ]);
  });

  it("refuses them in edition.yaml text too, at the field's line", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("    zh-HK: 人才得失與香港前景", "    zh-HK: 人才得失與香港前景𠀋").replace("  en: [Hong Kong, brain drain,", "  en: [Hong Kong 😀, brain drain,") });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:21: column "chapter.title.zh-HK": expected characters the embedded fonts can draw (found "𠀋" U+2000B at character 10, which none of them has), got "人才得失與香港前景𠀋"',
      '<data>/edition.yaml:30: column "keywords.en.0": expected characters the embedded fonts can draw (found "😀" U+1F600 at character 11, which none of them has), got "Hong Kong 😀"',
    ]);
  });

  it("reports both a bad value and an undrawable label of the same file at once", () => {
    const dir = copyData({ "labels.csv": (t) => t.replace("region:us,United States,美國", "region:us,United States ☕,美國").replace("region:mainland,Mainland China,", "region:mainland,,") });
    expect(loadProblems(dir)).toEqual([
      '<data>/labels.csv:3: column "en": expected text of 1 to 200 characters, got ""',
      '<data>/labels.csv:2: column "en": expected characters the embedded fonts can draw (found "☕" U+2615 at character 15, which none of them has), got "United States ☕"',
    ]);
  });

  it("the shipped data has no such character", () => {
    expect(() => loadData(DATA_DIR)).not.toThrow();
  });
});
