/**
 * Data text the embedded fonts cannot draw (emoji, CJK Extension B characters outside Noto HK),
 * as problems at file, line and column. CSV cells and every string of the YAML files are checked;
 * control characters are left to the plain-text rule (src/data/cells.ts, edition.ts).
 */
import type { RawTable } from "../data/parse-csv.ts";
import { yamlLineOf } from "../io/load-yaml.ts";
import { localeOf } from "../locale/locale-of.ts";
import { CONTROL_CHARS } from "../escape-controls.ts";
import type { Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import { createGlyphCoverage, firstUndrawable } from "./glyph-coverage.ts";

const isControl = (c: string) => {
  CONTROL_CHARS.lastIndex = 0;
  return CONTROL_CHARS.test(c);
};

/** Per language, whether its serif and its sans stack can both draw a code point. */
const coverage = new Map<string, (cp: number) => boolean>();
export const drawableIn = (lang: string): ((cp: number) => boolean) => {
  let f = coverage.get(lang);
  if (!f) {
    const fonts = localeOf(lang).fonts;
    f = createGlyphCoverage([fonts.serif, fonts.sans]);
    coverage.set(lang, f);
  }
  return f;
};
/** Drawable in every one of `languages` (text that any edition may print). */
const drawableInAll = (languages: readonly string[]) => (cp: number) => languages.every((l) => drawableIn(l)(cp));

/**
 * Cells of a parsed CSV file holding a character no embedded font has. A labels.csv column is
 * checked against its own language's fonts; any other cell may be printed in every language.
 */
export function undrawableCells(table: RawTable, languages: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const columnLanguage = new Map(languages.map((l) => [localeOf(l).labelColumn, l]));
  const everywhere = drawableInAll(languages);
  for (const { line, cells } of table.rows) {
    for (const [column, value] of Object.entries(cells)) {
      // ASCII is always drawable: skip the common case cheaply.
      if (/^[\x20-\x7e]*$/.test(value)) continue;
      const lang = columnLanguage.get(column);
      const bad = firstUndrawable(value, lang ? drawableIn(lang) : everywhere, isControl);
      if (bad) problems.push({ file: table.file, line, column, message: messages.gotValue(messages.undrawable(bad.char, bad.position), value) });
    }
  }
  return problems;
}

/**
 * Strings of a parsed YAML document holding a character no embedded font has, at their lines. A
 * field under a language key (`title.zh-Hans`) is checked against that language's fonts.
 */
export function undrawableYaml(value: unknown, text: string, file: string, languages: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const everywhere = drawableInAll(languages);
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === "string") {
      const lang = [...path].reverse().find((p): p is string => typeof p === "string" && languages.includes(p));
      const bad = /^[\x20-\x7e]*$/.test(v) ? undefined : firstUndrawable(v, lang ? drawableIn(lang) : everywhere, isControl);
      if (bad) problems.push({ file, line: lineOf(text, path), column: path.join("."), message: messages.yamlField(`expected ${messages.undrawable(bad.char, bad.position)}`, v) });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return problems;
}

/** The line of the field at `path`, or of the nearest enclosing field that has one (list items have none). */
function lineOf(text: string, path: (string | number)[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const line = yamlLineOf(text, path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}
