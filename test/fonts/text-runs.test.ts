/**
 * An edit that changes only text reuses the face styles read for the document before it
 * (text-runs.ts, embed-subset-fonts.ts): the fonts embedded are exactly those a fresh read in the
 * browser gives, and markup changes are read again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { readFaceStyles } from "../../src/fonts/collect-face-text.ts";
import { embedSubsetFonts } from "../../src/fonts/embed-subset-fonts.ts";
import { splitTextRuns } from "../../src/fonts/text-runs.ts";
import { StageCache } from "../../src/output/stage-cache.ts";

describe("splitTextRuns", () => {
  it("keeps markup and style sheets in the skeleton, digits masked only in geometry, and decoded text in the runs", () => {
    const a = splitTextRuns(`<!DOCTYPE html><html><head><title>T 1</title><style>p{font-weight:700}</style></head><body><p class="x">Tom &amp; Jerry&#x27;s 12&nbsp;%</p> <!-- c --><svg><text x="3">4.5</text></svg></body></html>`)!;
    expect(a.runs).toEqual(["T1", "p{font-weight:700}", "Tom&Jerry's12%", "4.5"]);
    const b = splitTextRuns(`<!DOCTYPE html><html><head><title>T 2</title><style>p{font-weight:700}</style></head><body><p class="x">Other words</p> <!-- c --><svg><text x="9">7</text></svg></body></html>`)!;
    expect(b.skeleton).toBe(a.skeleton);
    const c = splitTextRuns(`<!DOCTYPE html><html><head><title>T 2</title><style>p{font-weight:400}</style></head><body><p class="x">Other words</p> <!-- c --><svg><text x="9">7</text></svg></body></html>`)!;
    expect(c.skeleton).not.toBe(a.skeleton);
  });

  it("gives up on what it does not read (an unknown entity, CDATA, a value never closed)", () => {
    expect(splitTextRuns("<p>&hellip;</p>")).toBeUndefined();
    expect(splitTextRuns("<svg><![CDATA[x]]></svg>")).toBeUndefined();
    expect(splitTextRuns(`<a title="never closed>text</a>`)).toBeUndefined();
    expect(splitTextRuns(`<p>a tag that never ends <a href="#x"`)).toBeUndefined();
  });

  it("reads a tag to its own >: a > inside a quoted value stays in the tag, a quote not after = opens nothing", () => {
    const r = splitTextRuns(`<p><a title="1 > 0" data-x='a>b'>one</a><img alt=it's>two<b c = "d">three</b></p>`)!;
    expect(r.runs).toEqual(["one", "two", "three"]);
    expect(r.skeleton).toBe(`<p><a title="1 > 0" data-x='a>b'>\u0001</a><img alt=it's>\u0001<b c = "d">\u0001</b></p>`);
  });
});

describe("embedSubsetFonts reuses the styles of an unchanged skeleton", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  const doc = (body: string, weight = 400) =>
    `<!DOCTYPE html><html lang="en"><head><style>body{font-family:"Source Serif 4","Noto Serif HK",serif}h1{font-weight:${weight};text-transform:uppercase}li::marker{color:red}</style></head>` +
    `<body><h1>${body}</h1><ol><li>item</li></ol><p>${body} 香港 &amp; more</p><svg><text font-family="Noto Serif HK">${body}</text></svg></body></html>`;

  it("draws the second document's own characters without opening it, as a fresh read would", async () => {
    const read = (html: string) => readFaceStyles(session, html, "test.html");
    const cache = new StageCache();
    let reads = 0;
    const counted = (html: string) => {
      reads++;
      return read(html);
    };
    await embedSubsetFonts(doc("first edition 2024"), { collect: counted, cache });
    expect(reads).toBe(1);
    const edited = doc("second, zebra quiz 2025 — 新聞");
    const reused = await embedSubsetFonts(edited, { collect: counted, cache });
    expect(reads).toBe(1);
    const fresh = await embedSubsetFonts(edited, { collect: read });
    expect(fresh).toContain("@font-face");
    expect(reused).toBe(fresh);
    // A change to the markup (the heading's weight) is read again.
    await embedSubsetFonts(doc("second, zebra quiz 2025 — 新聞", 700), { collect: counted, cache });
    expect(reads).toBe(2);
  });
});
