/** No-break spaces where an English line must not part two words, in prose text only. */
import { describe, expect, it } from "vitest";
import { en } from "../../src/locale/locales/en.ts";
import { bindSpacesInHtml } from "../../src/render/render-chapter.ts";

const NBSP = "\u00a0";

describe("English bindSpaces", () => {
  it("binds a day to its month, et al. to its year, an exhibit or page to its number", () => {
    expect(en.bindSpaces!("on 30 June 2023")).toBe(`on 30${NBSP}June 2023`);
    expect(en.bindSpaces!("Cai et al.\n(2022) and Liang et al. 2021")).toBe(`Cai et${NBSP}al.${NBSP}(2022) and Liang et${NBSP}al.${NBSP}2021`);
    expect(en.bindSpaces!("Figure 3, Tables 2 and 3, p. 5, pp. 7")).toBe(`Figure${NBSP}3, Tables${NBSP}2 and 3, p.${NBSP}5, pp.${NBSP}7`);
  });

  it("leaves other spaces alone", () => {
    expect(en.bindSpaces!("June was 30 days; Mayor et alia; a Figure of speech")).toBe("June was 30 days; Mayor et alia; a Figure of speech");
  });

  it("touches text, never markup", () => {
    const html = `<a href="#fig 3" title="Figure 3">Figure 3</a> on <time datetime="30 June">30 June</time>`;
    expect(bindSpacesInHtml(html, en.bindSpaces!)).toBe(`<a href="#fig 3" title="Figure 3">Figure${NBSP}3</a> on <time datetime="30 June">30${NBSP}June</time>`);
  });
});

describe("Chinese bindSpaces", () => {
  it("keeps each number of a date with its unit", async () => {
    const { zhHK } = await import("../../src/locale/locales/zh-hk.ts");
    const nobr = (s: string) => `<span class="nobr">${s}</span>`;
    expect(zhHK.bindSpaces!("截至2023年7月31日，經此計劃；6月1日")).toBe(`截至${nobr("2023年")}${nobr("7月")}${nobr("31日")}，經此計劃；${nobr("6月")}${nobr("1日")}`);
    expect(zhHK.bindSpaces!("2023年全年，約30,183人")).toBe("2023年全年，約30,183人");
  });
});

describe("breakableUrls", () => {
  it("lets a URL break after a slash or before a hyphen, never after one", async () => {
    const { breakableUrls } = await import("../../src/render/render-chapter.ts");
    const html = `see <a href="https://a.org/x-y/z">https://a.org/x-y/z</a> and www.b.hk/k-l.`;
    expect(breakableUrls(html)).toBe(
      `see <a href="https://a.org/x-y/z">https://a.org/<wbr>x<wbr><span class="nobr">-y</span>/<wbr>z</a> and www.b.hk/<wbr>k<wbr><span class="nobr">-l</span>.`,
    );
    expect(breakableUrls("well-known words")).toBe("well-known words");
  });
});
