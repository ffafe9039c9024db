/**
 * The exhibits' make-up: figures and tables (each series in its numbered order) are interleaved when
 * that saves a page or fills a half-empty one; otherwise they stay in numbered order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { facesForText, facesOf, fontFaceCss } from "../../src/fonts/font-faces.ts";
import { fontAssets, fontAssetUrl } from "../helpers/font-files.ts";
import { MAX_SHIFT, planExhibits, predictPages, scorePages, type ExhibitRun, type MeasuredExhibit } from "../../src/print/place-exhibits.ts";
import { pagedScripts, printPdf } from "../../src/print/print-pdf.ts";
import { extractPageTexts } from "../../src/proof/check-text-layer.ts";

const exhibit = (id: string, height: number, notes = 0): MeasuredExhibit => ({ id, kind: id.startsWith("t") ? "table" : "figure", page: 0, height, marginTop: 0, marginBottom: 10, notes });
const run = (used: number, exhibits: MeasuredExhibit[]): ExhibitRun => ({ start: { page: 1, used, capacity: 1000, gap: 20 }, capacity: 1000, exhibits });

describe("planExhibits", () => {
  it("moves the first table up into the space the text leaves when that saves a page", () => {
    // Numbered: text | f1 f2 | t1 (3 pages). Table first: text t1 | f1 f2 (2 pages).
    const plan = planExhibits(run(500, [exhibit("f1", 550), exhibit("f2", 400), exhibit("t1", 450)]), 0.8);
    expect(plan?.order).toEqual(["t1", "f1", "f2"]);
    expect(plan?.predicted.pages).toBe(2);
    expect(plan?.current.pages).toBe(3);
  });

  it("keeps each series in its numbered order, even where breaking it would save a page", () => {
    // Table 2 first would fit under the text and leave f1 + t1 a page (2 pages); the orders that keep t1 before t2 all take 3.
    expect(planExhibits(run(600, [exhibit("f1", 450), exhibit("t1", 500), exhibit("t2", 300)]), 0.8)).toBeNull();
  });

  it("keeps the numbered order when no interleaving saves a page or fills a half-empty one", () => {
    expect(planExhibits(run(500, [exhibit("f1", 900), exhibit("t1", 900)]), 0.8)).toBeNull();
    // A smaller shortfall alone is not worth it.
    expect(planExhibits(run(300, [exhibit("f1", 600), exhibit("t1", 300), exhibit("f2", 500)]), 0.8)).toBeNull();
  });

  it("moves no exhibit more than MAX_SHIFT places from its numbered place", () => {
    // Table 1 first would fill the text's page (numbered: text | f1 f2 | f3 f4 | t1), but it is 4 places on.
    const exhibits = [exhibit("f1", 500), exhibit("f2", 450), exhibit("f3", 500), exhibit("f4", 450), exhibit("t1", 300)];
    const plan = planExhibits(run(600, exhibits), 0.8);
    for (const id of plan?.order ?? []) expect(Math.abs(plan!.order.indexOf(id) - exhibits.findIndex((e) => e.id === id)), id).toBeLessThanOrEqual(MAX_SHIFT);
    expect(plan?.order[0]).not.toBe("t1");
  });

  it("leaves a run of one kind alone", () => {
    expect(planExhibits(run(500, [exhibit("f1", 600), exhibit("f2", 300)]), 0.8)).toBeNull();
  });

  it("counts an exhibit's notes against the room on its page", () => {
    const pages = predictPages(run(0, [exhibit("t1", 500, 100), exhibit("t2", 400)]), [exhibit("t1", 500, 100), exhibit("t2", 400)]);
    // 20 + 500 + 10 + 400 = 930 > 1000 − 100: t2 goes over.
    expect(pages.map((p) => [Math.round(p.used), p.capacity])).toEqual([[520, 900], [400, 1000]]);
    expect(scorePages(pages, 0.8)).toMatchObject({ pages: 2, underfull: 2 });
  });
});

describe("printing with the make-up", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  }, 60_000);

  const FACES = facesForText(facesOf(["Source Serif 4"]), "Text Figure Table 0123456789");
  const box = (kind: string, id: string, label: string, mm: number) => `<figure class="exhibit exhibit-${kind}" id="${id}" style="height:${mm}mm">${label}</figure>`;
  const html = (exhibits: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
${fontFaceCss(FACES, fontAssetUrl)}
@page { size: 100mm 140mm; margin: 10mm; }
html, body { margin: 0; }
body { font-family: "Source Serif 4"; font-size: 10pt; line-height: 14pt; }
.exhibits { margin: 0; }
.exhibit { margin: 0; break-inside: avoid; }
</style>${pagedScripts()}</head><body><main><div class="body"><p style="height:60mm;margin:0">Text</p></div><section class="exhibits">${exhibits}</section></main></body></html>`;
  const print = (exhibits: string, minFill?: number) => printPdf(session, { name: "test/make-up", html: html(exhibits), assets: fontAssets(FACES), paginate: true, placeExhibits: minFill === undefined ? undefined : { minFill } });

  it("sets Table 1 under the text and both figures on the next page, one page fewer than the numbered order", async () => {
    const exhibits = `${box("figure", "fig1", "Figure 1", 70)}${box("figure", "fig2", "Figure 2", 45)}${box("table", "table1", "Table 1", 50)}`;
    const numbered = await print(exhibits);
    expect(numbered.pages).toBe(3);
    const placed = await print(exhibits, 0.8);
    expect(placed.pages).toBe(2);
    const pages = (await extractPageTexts(placed.pdf)).map((t) => t.replace(/\s+/g, " ").trim());
    expect(pages[0]).toBe("Text Table 1");
    expect(pages[1]).toBe("Figure 1 Figure 2");
  }, 120_000);

  it("keeps the numbered order when moving gains nothing", async () => {
    const exhibits = `${box("figure", "fig1", "Figure 1", 100)}${box("table", "table1", "Table 1", 100)}`;
    const placed = await print(exhibits, 0.8);
    const pages = (await extractPageTexts(placed.pdf)).map((t) => t.replace(/\s+/g, " ").trim());
    expect(pages).toEqual(["Text", "Figure 1", "Table 1"]);
  }, 120_000);
});
