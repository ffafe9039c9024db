import { describe, expect, it } from "vitest";
import { localeOf } from "../../src/locale/locale-of.ts";
import { documentWithFonts } from "../../src/render/document-parts.ts";
import { recentMemo } from "../../src/io/recent-memo.ts";

const RULES = ['@font-face{font-family:"Source Serif 4";font-style:normal;font-weight:400;src:url(data:font/woff;base64,AAAA) format("woff");}', '@font-face{font-family:"Noto Serif HK";font-style:normal;font-weight:400;src:url(data:font/woff;base64,BBBB) format("woff");}'].join("\n");

function page(lang: string) {
  let renders = 0;
  const doc = documentWithFonts({
    render: (css) => {
      renders++;
      return `<!doctype html><html><head><style>${css}</style></head><body><h1>人才得失 Brain drain</h1><p>香港「高才通」2023 年 7 月</p></body></html>`;
    },
    rest: ["body{margin:0}"],
    locale: localeOf(lang),
    lang,
    target: "screen",
  });
  return { doc, renders: () => renders };
}

describe("documentWithFonts", () => {
  it.each(["zh-HK", "en"])("gives the same document as text and as UTF-8 bytes (%s)", (lang) => {
    const { doc, renders } = page(lang);
    const text = doc.text(RULES);
    expect(Buffer.from(doc.bytes(RULES)).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(Buffer.from(doc.bytes("")).toString("utf8")).toBe(doc.text(""));
    // The page is rendered once, whatever rules it is then given.
    expect(renders()).toBe(1);
  });

  it("sets the Latin faces of a Chinese page at the Han's size, in text and in bytes", () => {
    const { doc } = page("zh-HK");
    const text = doc.text(RULES);
    expect(text).toMatch(/font-family:"Source Serif 4";[^}]*size-adjust:94%;\}/);
    expect(text).not.toMatch(/font-family:"Noto Serif HK";[^}]*size-adjust/);
    expect(Buffer.from(doc.bytes(RULES)).toString("utf8")).toBe(text);
    expect(page("en").doc.text(RULES)).not.toContain("size-adjust");
  });
});

describe("recentMemo", () => {
  it("computes once per key and forgets the least recently used beyond its size", () => {
    const calls: string[] = [];
    const memo = recentMemo(2, (k) => {
      calls.push(k);
      return { k };
    });
    const a = memo("a");
    expect(memo("a")).toBe(a);
    memo("b");
    memo("a"); // a is now the most recent
    memo("c"); // evicts b
    expect(calls).toEqual(["a", "b", "c"]);
    expect(memo("a")).toBe(a);
    memo("b");
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });

  it("remembers a result that is undefined", () => {
    let n = 0;
    const memo = recentMemo(4, () => {
      n++;
      return undefined;
    });
    memo("x");
    memo("x");
    expect(n).toBe(1);
  });
});
