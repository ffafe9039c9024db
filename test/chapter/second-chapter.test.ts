/**
 * Proof that the engine serves any chapter: test/fixtures/chapters/harbour-ferries (its own data,
 * one figure, one table, two claims, a handout) is built end to end in English, Traditional
 * Chinese and Simplified Chinese, with nothing in src/ that knows it exists.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChapter } from "../../src/chapter/load-chapter.ts";
import type { Chapter } from "../../src/chapter/define-chapter.ts";
import { loadDataset } from "../../src/data/load-dataset.ts";
import { DataError } from "../../src/errors.ts";
import { buildEdition, type BuildResult } from "../../src/pipeline/build-edition.ts";
import { inspectEdition } from "../../src/pipeline/inspect-edition.ts";

const FIXTURE = path.resolve("test/fixtures/chapters/harbour-ferries");
const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
const pdfFonts = (file: string) => execFileSync("pdffonts", [file], { encoding: "utf8" });

describe("a second chapter in three languages", () => {
  let chapter: Chapter;
  let out: string;
  let result: BuildResult;

  beforeAll(async () => {
    chapter = await loadChapter(FIXTURE);
    out = mkdtempSync(path.join(os.tmpdir(), "gb-ferries-"));
    result = await buildEdition({ chapter, outDir: out, cacheDir: false, env: { SOURCE_DATE_EPOCH: "1710460800" } });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("builds a chapter and a handout, PDF and HTML, in each of the edition's languages", () => {
    const built = result.files.map((f) => path.relative(out, f.path).split(path.sep).join("/")).sort();
    for (const lang of ["en", "zh-HK", "zh-Hans"]) {
      for (const f of ["chapter.pdf", "chapter.html", "handout.pdf", "handout.html", "handout-chart.png"]) expect(built).toContain(`${lang}/${f}`);
    }
  });

  it.each([
    ["en", "Ferry travel has recovered", "Figure 1", "Table 1"],
    ["zh-HK", "渡輪客量已經回升", "【圖1】", "【表1】"],
    ["zh-Hans", "渡轮客量已经回升", "【图1】", "【表1】"],
  ])("%s: the PDF reads in its own language, with its own exhibit references", (lang, claim, figRef, tableRef) => {
    // Soft hyphens in the English text layer are issue 13's; here only the words matter.
    const text = pdfText(path.join(out, lang, "chapter.pdf")).replace(/[\s\u00ad]+/g, "");
    expect(text).toContain(claim.replace(/\s+/g, ""));
    expect(text).toContain(figRef.replace(/\s+/g, ""));
    expect(text).toContain(tableRef.replace(/\s+/g, ""));
    const handout = pdfText(path.join(out, lang, "handout.pdf")).replace(/\s+/g, "");
    expect(handout).toContain(claim.replace(/\s+/g, ""));
  });

  it("sets Simplified Chinese in the SC faces and large numbers in 万, Traditional in the HK faces and 萬", () => {
    const hans = path.join(out, "zh-Hans", "chapter.pdf");
    const hk = path.join(out, "zh-HK", "chapter.pdf");
    expect(pdfFonts(hans)).toMatch(/NotoSerifSC/);
    expect(pdfFonts(hans)).not.toMatch(/Type 3/);
    expect(pdfFonts(hk)).toMatch(/NotoSerifHK/);
    expect(pdfFonts(hk)).not.toMatch(/NotoSerifSC/);
    // Han–Latin spacing (text-autospace) may show in the text layer as a space between the digits and the unit.
    expect(pdfText(hans)).toMatch(/3,000 ?万/);
    expect(pdfText(hk)).toMatch(/3,000 ?萬/);
  });

  it("renders helpers in table column headers", () => {
    const text = pdfText(path.join(out, "en", "chapter.pdf"));
    expect(text).not.toContain("{{");
    expect(text).toMatch(/Route\s+2019\s+2023\s+Change/);
  });

  it("prints the secondary language under captions and headers (the first other language of the edition)", () => {
    const hans = readFileSync(path.join(out, "zh-Hans", "chapter.html"), "utf8");
    expect(hans).toMatch(/<html lang="zh-Hans">/);
    expect(hans).toContain('class="caption-secondary" lang="en"');
    const en = readFileSync(path.join(out, "en", "chapter.html"), "utf8");
    expect(en).toContain('class="caption-secondary" lang="zh-HK"');
  });
});

describe("the second chapter's data and claims", () => {
  let chapter: Chapter;
  let dir: string;
  beforeAll(async () => {
    chapter = await loadChapter(FIXTURE);
    dir = mkdtempSync(path.join(os.tmpdir(), "gb-ferries-data-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const copy = () => {
    const d = mkdtempSync(path.join(dir, "d-"));
    cpSync(path.join(FIXTURE, "data"), d, { recursive: true });
    return d;
  };

  it("flips both claims in all three languages when patronage falls", () => {
    const d = copy();
    const csv = readFileSync(path.join(d, "ridership.csv"), "utf8").replace("2023,central-tst,19540000", "2023,central-tst,9540000");
    writeFileSync(path.join(d, "ridership.csv"), csv);
    const dataset = loadDataset(chapter, d);
    const report = inspectEdition(chapter, dataset, chapter.computeStats(dataset));
    expect(report.templateErrors).toEqual([]);
    const recovered = report.claims.find((c) => c.id === "patronage-recovered")!;
    expect(recovered.outcome).toBe("false");
    expect(recovered.wording.en!["patronage-recovered"]).toMatch(/has not yet recovered/);
    expect(recovered.wording["zh-HK"]!["patronage-recovered"]).toMatch(/仍未回升/);
    expect(recovered.wording["zh-Hans"]!["patronage-recovered"]).toMatch(/仍未回升/);
    expect(report.claims.find((c) => c.id === "busiest-route-grew")!.outcome).toBe("false");
  });

  it("refuses a language that has no locale, naming the file, line and field", () => {
    const d = copy();
    const yaml = readFileSync(path.join(d, "edition.yaml"), "utf8").replace("languages: [en, zh-HK, zh-Hans]", "languages: [en, zh-HK, fr]");
    writeFileSync(path.join(d, "edition.yaml"), yaml);
    const err = (() => {
      try {
        loadDataset(chapter, d);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/edition\.yaml:4: column "languages": unknown language "fr"/);
  });

  it("a series without its required rows is a data error, not a crash", () => {
    const d = copy();
    writeFileSync(path.join(d, "ridership.csv"), "year,route,passengers\n2019,central-tst,18250000\n");
    expect(() => loadDataset(chapter, d)).toThrow(/ridership\.csv: expected at least 2 rows for two years or more, found 1/);
  });

  it("src/ names no chapter: the engine learns about this one only from its folder", () => {
    expect(existsSync(path.join(FIXTURE, "chapter.ts"))).toBe(true);
    const grep = (() => {
      try {
        return execFileSync("grep", ["-rlE", "harbour-ferries|patronage|ridership", "src"], { encoding: "utf8" });
      } catch {
        return "";
      }
    })();
    expect(grep).toBe("");
  });
});
