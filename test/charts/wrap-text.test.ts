import { describe, expect, it } from "vitest";
import { estimateWidth, wrapText } from "../../src/charts/wrap-text.ts";

describe("wrapText", () => {
  it("keeps short text on one line", () => {
    expect(wrapText("Source: Census and Statistics Department", 600, 10)).toEqual(["Source: Census and Statistics Department"]);
  });

  it("breaks English at spaces, every line within the width", () => {
    const text = "Census and Statistics Department, annual survey of companies in Hong Kong with parent companies outside Hong Kong (reference date 1 June)";
    const lines = wrapText(text, 200, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const l of lines) expect(estimateWidth(l, 10)).toBeLessThanOrEqual(200);
  });

  it("breaks Chinese between characters, never before closing or after opening punctuation", () => {
    const text = "資料來源：政府統計處《代表香港境外母公司的駐港公司按年統計調查》（參考日期為6月1日）；2018年數字由2022年調查公布的變動推算";
    for (const width of [90, 120, 150, 200, 260]) {
      const lines = wrapText(text, width, 10);
      expect(lines.join("")).toBe(text);
      for (const l of lines.slice(1)) expect(l).not.toMatch(/^[。，、：；）」》]/);
      for (const l of lines.slice(0, -1)) expect(l).not.toMatch(/[（「《]$/);
    }
  });

  it("counts CJK characters as a full em and Latin by measured advances", () => {
    expect(estimateWidth("示意數據", 10)).toBeCloseTo(41.6, 1);
    expect(estimateWidth("0", 10)).toBeCloseTo(5.2, 1);
    expect(estimateWidth("W", 10, true)).toBeGreaterThan(estimateWidth("W", 10));
  });
});
