/** edition.yaml and catalog.yaml: every problem with its YAML line. */
import { afterAll, describe, expect, it } from "vitest";
import { editionSchemaFor } from "../../src/data/edition.ts";
import { DataError } from "../../src/errors.ts";
import { parseYaml } from "../../src/io/load-yaml.ts";
import { chapter, loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, removeDataCopies } from "../helpers/data-copy.ts";
import { loadProblems } from "../helpers/load-problems.ts";

afterAll(removeDataCopies);

/** edition.yaml's schema for the chapter's languages. */
const editionSchema = editionSchemaFor(chapter.languages, chapter.scope);

/** Removes the chapter title block (lines 19–21 of the shipped edition.yaml). */
const dropChapterTitle = (t: string) => t.replace(/^ {2}title:\n {4}en: "Brain Drain[^\n]*\n {4}zh-HK: [^\n]*\n/m, "");

describe("edition.yaml", () => {
  it("startPage 0, on its line", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("startPage: 172", "startPage: 0") });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:8: column "startPage": expected a page number of at least 1, got "0"']);
  });

  it("a fractional startPage", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("startPage: 172", "startPage: 17.5") });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:8: column "startPage": expected a whole page number, got "17.5"']);
  });

  it("an unknown language in `languages`, on the line of the item", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("startPage: 172\n", "startPage: 172\nlanguages:\n  - zh-HK\n  - fr\n") });
    // A language needs a locale (and the chapter's templates in it): "fr" has no locale.
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:11: column "languages": unknown language "fr": greenbook has locales for zh-HK, en, zh-Hans (a chapter can add one with defineLocale)']);
  });

  it("a language greenbook knows but the chapter is not written in, on the line of the item", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("startPage: 172\n", "startPage: 172\nlanguages:\n  - zh-HK\n  - zh-Hans\n") });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:11: column "languages": the chapter has no templates in "zh-Hans" (it is written in zh-HK, en)']);
  });

  it("a missing chapter title, on the line of its parent key `chapter:`", () => {
    const dir = copyData({ "edition.yaml": dropChapterTitle });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:18: column "chapter.title": missing']);
  });

  it("an empty Chinese chapter title, on its own line", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("    zh-HK: 人才得失與香港前景", '    zh-HK: "  "') });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:21: column "chapter.title.zh-HK": expected non-empty text, got "  "']);
  });

  it("all three problems at once, each with its line", () => {
    const dir = copyData({
      "edition.yaml": (t) => dropChapterTitle(t.replace("startPage: 172\n", "startPage: 0\nlanguages: [zh-HK, fr]\n")),
    });
    const byLine = (a: string, b: string) => Number(/:(\d+):/.exec(a)?.[1]) - Number(/:(\d+):/.exec(b)?.[1]);
    expect(loadProblems(dir).sort(byLine)).toEqual([
      '<data>/edition.yaml:8: column "startPage": expected a page number of at least 1, got "0"',
      '<data>/edition.yaml:9: column "languages": unknown language "fr": greenbook has locales for zh-HK, en, zh-Hans (a chapter can add one with defineLocale)',
      '<data>/edition.yaml:19: column "chapter.title": missing',
    ]);
  });

  it.each([
    ["at the top level", "year: 2024\n", "year: 2024\nyaer: 2024\n", 4, "yaer", Object.keys(editionSchema.shape).join(", ")],
    ["in a nested object", "  size: A4\n", "  size: A4\n  colour: red\n", 11, "page.colour", "size, margin"],
  ])("an unknown field %s, by its name, on its own line", (_where, find, replace, line, column, expected) => {
    const dir = copyData({ "edition.yaml": (t) => t.replace(find, replace) });
    expect(loadProblems(dir)).toEqual([`<data>/edition.yaml:${line}: column "${column}": not a field here; expected ${expected}`]);
  });

  it("a misspelled field, as a misspelling of the missing one, on the line where it is written", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace('  title:\n    en: "Brain', '  tilte:\n    en: "Brain') });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:19: column "chapter.title": missing (found "tilte": misspelled?)']);
  });

  it("a value of the wrong type, in words", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("year: 2024", "year: twenty twenty-four").replace("  title:\n    en: \"Brain", '  title: "Brain"\n  xtitle:\n    en: "Brain') });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:3: column "year": expected a number, got "twenty twenty-four"',
      '<data>/edition.yaml:19: column "chapter.title": expected the fields zh-HK, en, got "Brain"',
      '<data>/edition.yaml:20: column "chapter.xtitle": not a field here; expected title, subtitle',
    ]);
  });

  it("a YAML syntax error, with its line", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  size: A4", "  size: [A4") });
    const problems = loadProblems(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^<data>\/edition\.yaml:\d+: not valid YAML: /);
  });

  it("a duplicate key is a YAML error", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("year: 2024\n", "year: 2024\nyear: 2025\n") });
    expect(loadProblems(dir)[0]).toMatch(/^<data>\/edition\.yaml:4: not valid YAML: /);
  });

  it("defaults what may be left out (languages, page size and margins)", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace(/^page:\n(?: {2}[^\n]*\n)+/m, "") });
    const ds = loadDataset(dir);
    expect(ds.edition.languages).toEqual(["zh-HK", "en"]);
    expect(ds.edition.page).toEqual({ size: "A4", margin: { top: "22mm", bottom: "24mm", inside: "22mm", outside: "20mm" } });
  });

  it("an illustration file that does not exist", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  file: null", "  file: art/opening.png") });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:37: column "illustration.file": the illustration file "art/opening.png" does not exist in the data folder']);
  });

  it("an illustration file outside the data folder", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  file: null", "  file: ../edition.yaml") });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:37: column "illustration.file": the illustration file "../edition.yaml" is outside the data folder; put the image in the data folder and give its path from there',
    ]);
  });
});

describe("parseYaml", () => {
  it("an empty document names the first missing fields at the document level", () => {
    let err: unknown;
    try {
      parseYaml("", "e.yaml", editionSchema);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const columns = (err as DataError).problems.map((p) => p.column);
    expect(columns).toContain("version");
    expect(columns).toContain("chapter");
  });
});

describe("catalog.yaml", () => {
  it("a provenance that is not one of the three, on its line", () => {
    const dir = copyData({ "catalog.yaml": (t) => t.replace("  provenance: illustrative\n", "  provenance: invented\n") });
    expect(loadProblems(dir)).toEqual(['<data>/catalog.yaml:12: column "age-flows.provenance": expected published, official, illustrative, derived or synthetic, got "invented"']);
  });

  it("a data file without a catalog entry", () => {
    const dir = copyData({ "catalog.yaml": (t) => t.replace(/^rhq:\n(?: {2}[^\n]*\n)+/m, "") });
    expect(loadProblems(dir)).toEqual(['<data>/catalog.yaml: no entry "rhq" describing <data>/rhq.csv']);
  });
});
