/**
 * Stage 1: reads and validates a chapter's data folder: edition.yaml, catalog.yaml, every series
 * the chapter declares, labels.csv and published.csv. Each file's bytes are read once, hashed,
 * and kept: what is attached to a PDF or archived is exactly what was validated.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Chapter } from "../chapter/define-chapter.ts";
import { DataError, type Problem } from "../errors.ts";
import { displayPathOf } from "../io/display-path.ts";
import { sha256 } from "../io/hash.ts";
import { parseYaml, yamlLineOf } from "../io/load-yaml.ts";
import { localeOf } from "../locale/locale-of.ts";
import { messages } from "../messages.ts";
import { checkCatalog } from "./check-catalog.ts";
import { undrawableCells, undrawableYaml } from "../fonts/check-glyphs.ts";
import { decodeDataFile } from "./decode-text.ts";
import { MAX_PROBLEMS_PER_FILE, missingRequiredRows, validateTable, type AnySeries, type Columns, type Row, type SeriesSpec } from "./define-series.ts";
import { readDataFile } from "./read-data-file.ts";
import { catalogSchemaFor, editionLanguagesSchema, editionSchemaFor, ILLUSTRATION_EXTENSIONS, type Catalog, type Edition } from "./edition.ts";
import { parseCsv } from "./parse-csv.ts";
import type { LoadMemo } from "./load-memo.ts";
import { labelsSeries, publishedSeries, type PublishedRow } from "./standard-series.ts";

export { displayPathOf };

export type { DataFile, Dataset } from "./dataset.ts";
import type { DataFile, Dataset } from "./dataset.ts";

export interface LoadOptions {
  /** Use only rows published by this date (ISO); default the edition's release date. */
  asOf?: string;
  /** Results kept from the last build (watch); default none. */
  memo?: LoadMemo;
}

/** Reads and validates the chapter's data folder (default its own); throws one DataError listing every problem found. */
export function loadDataset(chapter: Chapter, dir: string = chapter.dataDir, options: LoadOptions = {}): Dataset {
  const problems: Problem[] = [];
  const files: DataFile[] = [];

  const read = (fileName: string): { text: string; file: string } | undefined => {
    const absPath = path.resolve(dir, fileName);
    const displayPath = displayPathOf(absPath);
    try {
      const bytes = readDataFile(dir, absPath, displayPath);
      files.push({ name: fileName, absPath, displayPath, sha256: sha256(bytes), bytes });
      return { text: decodeDataFile(bytes, displayPath), file: displayPath };
    } catch (err) {
      if (err instanceof DataError) addAll(problems, err.problems);
      else problems.push({ file: displayPath, message: messages.unreadable((err as Error).message) });
      return undefined;
    }
  };

  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (err) {
      if (err instanceof DataError) {
        addAll(problems, err.problems);
        return undefined;
      }
      throw err;
    }
  };

  // Parsing and checking one file depends only on its text and the languages (the chapter is the engine's own).
  const remember = <T>(what: string, text: string, langs: readonly string[] | undefined, make: () => T): T =>
    options.memo ? options.memo.get([what, text, (langs ?? []).join(",")], make) : make();

  const editionSrc = read("edition.yaml");
  const languages = editionSrc ? attempt(() => remember("languages", editionSrc.text, undefined, () => editionLanguages(chapter, editionSrc.text, editionSrc.file))) : undefined;
  // With languages that cannot be used, the rest of edition.yaml is still checked (as written in the chapter's), so every problem is listed at once.
  if (editionSrc && !languages && readsAsYaml(editionSrc.text, editionSrc.file)) attempt(() => parseYaml(editionSrc.text, editionSrc.file, editionSchemaFor(chapter.languages, chapter.scope)));
  const edition = editionSrc && languages && attempt(() => remember("edition", editionSrc.text, languages, () => resolveEdition(parseYaml(editionSrc.text, editionSrc.file, editionSchemaFor(languages, chapter.scope)), languages, editionSrc)));
  const catalogSrc = read("catalog.yaml");
  const catalog = catalogSrc && languages && attempt(() => remember("catalog", catalogSrc.text, languages, () => parseYaml(catalogSrc.text, catalogSrc.file, catalogSchemaFor(languages)) as Catalog));
  if (edition && editionSrc) addAll(problems, remember("edition glyphs", editionSrc.text, edition.languages, () => undrawableYaml(edition, editionSrc.text, editionSrc.file, edition.languages)));
  if (catalog && catalogSrc && languages) addAll(problems, remember("catalog glyphs", catalogSrc.text, languages, () => undrawableYaml(catalog, catalogSrc.text, catalogSrc.file, languages)));

  const labelColumns = (languages ?? chapter.languages).map((l) => attempt(() => localeOf(l).labelColumn)).filter((c): c is string => c !== undefined);
  const specs: [string, AnySeries][] = [...Object.entries(chapter.series), ["labels", labelsSeries(labelColumns)], ["published", publishedSeries]];
  const loaded: Record<string, Row<Columns>[]> = {};
  for (const [key, spec] of specs) {
    // published.csv is there only for a chapter that was published before.
    if (key === "published" && !existsSync(path.resolve(dir, "published.csv"))) {
      loaded[key] = [];
      continue;
    }
    const src = read(`${spec.name}.csv`);
    if (!src) continue;
    const rows = attempt(() => remember(`table ${key} ${src.file}`, src.text, languages ?? chapter.languages, () => loadTable(spec, src.text, src.file, languages ?? chapter.languages)));
    if (rows) loaded[key] = rows;
  }

  if (edition?.illustration.file && editionSrc) {
    const file = readIllustration(dir, edition.illustration.file, (message) => problems.push({ file: editionSrc.file, line: yamlLineOf(editionSrc.text, ["illustration", "file"]), column: "illustration.file", message }));
    if (file) files.push(file);
  }

  const complete = specs.every(([key]) => loaded[key]);
  if (problems.length === 0 && complete && edition && catalog) {
    const fileOf = (name: string) => displayPathOf(path.resolve(dir, `${name}.csv`));
    addAll(problems, checkCatalog({ chapter, rows: loaded, catalog, fileOf, catalogFile: catalogSrc!.file }));
    if (problems.length === 0) {
      const labels = new Map(loaded.labels!.map((l) => [String(l.key), Object.fromEntries(edition.languages.map((lang) => [lang, String((l as Record<string, unknown>)[localeOf(lang).labelColumn])]))]));
      files.sort((a, b) => a.name.localeCompare(b.name));
      const all = files.map((f) => `${f.name}\0${f.sha256}\n`).join("");
      const { labels: _l, published, ...loadedTables } = loaded;
      const asOf = options.asOf ?? edition.releaseDate;
      const { tables, vintages } = selectVintage(chapter, loadedTables, asOf);
      return { dir: path.resolve(dir), edition, catalog, tables, published: published as unknown as PublishedRow[], labels, files, sha256: sha256(all), asOf, vintages };
    }
  }
  throw new DataError(problems);
}

/** Leaves out the rows of series with release dates that were published after `asOf`. */
function selectVintage(chapter: Chapter, tables: Record<string, Row<Columns>[]>, asOf: string) {
  const vintages: Dataset["vintages"] = {};
  const out: Record<string, Row<Columns>[]> = {};
  for (const [key, rows] of Object.entries(tables)) {
    const spec = chapter.series[key];
    const column = spec?.released;
    if (!spec || !column) {
      out[key] = rows;
      continue;
    }
    const released = (r: Row<Columns>) => String((r as Record<string, unknown>)[column]);
    const known = rows.filter((r) => released(r) <= asOf);
    const latest = known.map(released).sort().at(-1);
    vintages[spec.name] = { latest, later: rows.length - known.length };
    out[key] = known;
  }
  return { tables: out, vintages };
}

/** The edition's languages: edition.yaml's `languages`, or the chapter's; each must have a locale. */
function editionLanguages(chapter: Chapter, text: string, file: string): string[] {
  const first = parseYaml(text, file, editionLanguagesSchema);
  const langs = first.languages ?? [...chapter.languages];
  const problems: Problem[] = [];
  langs.forEach((lang, i) => {
    const line = yamlLineOf(text, ["languages", i]) ?? yamlLineOf(text, ["languages"]);
    try {
      localeOf(lang);
    } catch (err) {
      problems.push({ file, line, column: "languages", message: (err as Error).message });
      return;
    }
    if (!chapter.languages.includes(lang)) problems.push({ file, line, column: "languages", message: messages.languageNotWritten(lang, chapter.languages) });
  });
  if (problems.length) throw new DataError(problems);
  return langs;
}

/** True when the text parses as YAML at all (its syntax errors are reported once, by the first pass). */
function readsAsYaml(text: string, file: string): boolean {
  try {
    parseYaml(text, file, editionLanguagesSchema);
    return true;
  } catch {
    return false;
  }
}

/** Fills in each language's secondary language: edition.yaml's, else the first other language. */
function resolveEdition(parsed: ReturnType<ReturnType<typeof editionSchemaFor>["parse"]>, langs: string[], src: { text: string; file: string }): Edition {
  const secondary: Record<string, string> = {};
  for (const lang of langs) {
    const given = parsed.secondaryLanguage?.[lang];
    if (given !== undefined && (!langs.includes(given) || given === lang)) {
      throw new DataError([{ file: src.file, line: yamlLineOf(src.text, ["secondaryLanguage", lang]), column: `secondaryLanguage.${lang}`, message: messages.gotValue(`another language of this edition (${langs.filter((l) => l !== lang).join(", ")})`, given) }]);
    }
    secondary[lang] = given ?? (lang === langs[0] ? (langs[1] ?? lang) : langs[0]!);
  }
  return { ...parsed, languages: langs, secondary } as Edition;
}

function readIllustration(dir: string, rel: string, problem: (message: string) => void): DataFile | undefined {
  const abs = path.resolve(dir, rel);
  // Inside the data folder both as written and after following symbolic links.
  const inside = (root: string, p: string) => p.startsWith(root + path.sep);
  if (!inside(path.resolve(dir), abs)) problem(messages.illustrationOutside(rel));
  else if (!existsSync(abs)) problem(messages.illustrationMissing(rel));
  else if (!inside(realpathSync(dir), realpathSync(abs))) problem(messages.illustrationOutside(rel));
  else if (!statSync(abs).isFile()) problem(messages.illustrationNotFile(rel));
  else if (!ILLUSTRATION_EXTENSIONS.includes(path.extname(rel).toLowerCase())) problem(messages.illustrationType(rel, ILLUSTRATION_EXTENSIONS));
  else {
    try {
      const bytes = readDataFile(dir, abs, displayPathOf(abs));
      return { name: rel, absPath: abs, displayPath: displayPathOf(abs), sha256: sha256(bytes), bytes };
    } catch (err) {
      problem(err instanceof DataError ? err.problems.map((p) => p.message).join("; ") : messages.unreadable((err as Error).message));
    }
  }
  return undefined;
}

function loadTable<C extends Columns>(spec: SeriesSpec<C>, text: string, file: string, languages: readonly string[]): Row<C>[] {
  const expected = Object.keys(spec.columns).filter((c) => !(spec.optional ?? []).includes(c));
  const raw = parseCsv(text, file, expected, spec.optional ?? []);
  // Both kinds of problem at once: wrong values, and characters no embedded font can print.
  const glyphs = undrawableCells(raw, languages);
  let rows: Row<C>[];
  try {
    rows = validateTable(spec, raw);
  } catch (err) {
    if (err instanceof DataError && glyphs.length) throw new DataError([...err.problems, ...glyphs.slice(0, MAX_PROBLEMS_PER_FILE)]);
    throw err;
  }
  if (glyphs.length) throw new DataError(glyphs.slice(0, MAX_PROBLEMS_PER_FILE));
  const missing = missingRequiredRows(spec as AnySeries, rows, file);
  if (missing.length) throw new DataError(missing);
  return rows;
}

/** Appends `more` one by one: spreading a list of hundreds of thousands of problems overflows the stack. */
function addAll<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}
