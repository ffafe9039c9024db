/** The Node text measurer the charts are laid out with: font choice per character, weights, shaping. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chartFaces } from "../../src/charts/chart-faces.ts";
import { createTextMeasurer, parseFamilies } from "../../src/fonts/measure-text.ts";
import { woffToSfnt } from "../../src/fonts/woff.ts";
import { en } from "../../src/locale/locales/en.ts";

const STACK = '"Source Sans 3", "Noto Sans HK", sans-serif';
const measurer = createTextMeasurer(chartFaces(en.fonts.sans));
const w = (text: string, weight = 400, size = 11) => measurer.width({ family: STACK, weight, size }, text);

describe("woffToSfnt", () => {
  it("unwraps a fontsource .woff into an sfnt with the same tables", () => {
    const file = chartFaces(en.fonts.sans).find((f) => f.family === "Source Sans 3" && f.weight === 400 && f.rangeText.startsWith("U+0000"))!.file.replace(/\.woff2$/, ".woff");
    const woff = readFileSync(file);
    const sfnt = Buffer.from(woffToSfnt(woff, file));
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });

  it("refuses what is not a WOFF, naming the file", () => {
    expect(() => woffToSfnt(new Uint8Array(64), "x.woff")).toThrow(/x\.woff: not a WOFF file/);
  });
});

describe("createTextMeasurer", () => {
  it("sums the advances of characters set in different fonts of the stack", () => {
    expect(w("中a")).toBeCloseTo(w("中") + w("a"), 6);
    // Noto Sans HK ideographs are a full em.
    expect(w("中")).toBeCloseTo(11, 6);
  });

  it("applies the font's kerning within a run, as Chromium does", () => {
    expect(w("AV")).toBeLessThan(w("A") + w("V") - 0.1);
  });

  it("scales with the size and picks the bold face for 700 and bold", () => {
    expect(w("Hong Kong", 400, 22)).toBeCloseTo(2 * w("Hong Kong", 400, 11), 3);
    expect(w("Hong Kong", 700)).toBeGreaterThan(w("Hong Kong", 400));
    expect(measurer.width({ family: STACK, weight: "bold", size: 11 }, "Hong Kong")).toBe(w("Hong Kong", 700));
    // No 600 face is declared for the charts: CSS matching takes the next heavier, 700.
    expect(w("Hong Kong", 600)).toBe(w("Hong Kong", 700));
  });

  it("names a character no font of the stack has, and a stack of system fonts only", () => {
    expect(() => w("a\u{1F600}")).toThrow(/has a glyph for "\u{1F600}" \(U\+1F600\)/u);
    expect(() => measurer.width({ family: "sans-serif", size: 11 }, "a")).toThrow(/names none of the fonts greenbook has/);
  });
});

describe("parseFamilies", () => {
  it("reads quoted and bare names in order", () => {
    expect(parseFamilies(`"Source Sans 3", 'Noto Sans HK' , Arial,sans-serif`)).toEqual(["Source Sans 3", "Noto Sans HK", "Arial", "sans-serif"]);
  });
});
