/**
 * The English byline never mixes scripts silently: an author without an English name is printed in
 * Chinese script marked lang="zh-HK" (and `check` and the build warn, see test/cli/check.test.ts);
 * a romanisation recorded in edition.yaml replaces it; the Chinese edition always prints Chinese names.
 */
import { afterAll, describe, expect, it } from "vitest";
import { formatList } from "../../src/render/format-number.ts";
import { authorLineHtml, authorNames, bylineWarnings } from "../../src/render/author-names.ts";
import { loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, DATA_DIR, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

const enLine = (names: string[]) => formatList(names, "en");

describe("byline", () => {
  it("marks a Chinese-only name in the English edition, and warns of it", () => {
    const data = loadDataset(DATA_DIR);
    expect(authorLineHtml(data, "en", enLine)).toBe('Alan Kwan, Heiwai Tang and <span lang="zh-HK">王柏林</span>');
    expect(authorNames(data, "zh-HK")).toEqual(["關穎倫", "鄧希煒", "王柏林"]);
    expect(bylineWarnings(data.edition)).toHaveLength(1);
  });

  it("prints a recorded romanisation instead, without a warning", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("{ en: null, zh-HK: 王柏林 }", "{ en: null, zh-HK: 王柏林, romanised: Placeholder Romanisation }") });
    const data = loadDataset(dir);
    expect(authorLineHtml(data, "en", enLine)).toBe("Alan Kwan, Heiwai Tang and Placeholder Romanisation");
    expect(authorNames(data, "zh-HK")).toEqual(["關穎倫", "鄧希煒", "王柏林"]);
    expect(bylineWarnings(data.edition)).toEqual([]);
  });
});
