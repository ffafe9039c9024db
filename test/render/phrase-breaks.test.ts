import { describe, expect, it } from "vitest";
import { markPhraseBreaks } from "../../src/render/phrase-breaks.ts";

describe("markPhraseBreaks", () => {
  it.each([
    // Word boundaries from the dictionary; never inside 人才, 流失 or 流入.
    ["<h2>人才流失與流入</h2>", "<h2>人才<wbr>流失<wbr>與<wbr>流入</h2>"],
    // Latin words are boundaries too; a number stays with what follows it (2019年).
    ["<h2>從LinkedIn數據看2019年</h2>", "<h2>從<wbr>LinkedIn<wbr>數據<wbr>看<wbr>2019年</h2>"],
    ["<figcaption>（2018至2022年）</figcaption>", "<figcaption>（2018至<wbr>2022年）</figcaption>"],
    // Two one-character words in a row are not split (the dictionary splits 綠皮書 into three).
    ["<h1>綠皮書</h1>", "<h1>綠皮書</h1>"],
    // Nothing beside punctuation or spaces: the browser's own rules apply there.
    ["<h3>流失、增益</h3>", "<h3>流失、增益</h3>"],
  ])("%s", (html, expected) => {
    expect(markPhraseBreaks(html, "zh-HK")).toBe(expected);
  });

  it("touches only headings and captions, never attributes, English text or character references", () => {
    const html = `<p>人才流失</p><h2 id="人才流失" title="人才流失">人才&amp;流失 Net flow</h2>`;
    expect(markPhraseBreaks(html, "zh-HK")).toBe(`<p>人才流失</p><h2 id="人才流失" title="人才流失">人才&amp;流失 Net flow</h2>`);
  });
});
