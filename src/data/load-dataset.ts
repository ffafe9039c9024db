import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import { checkConsistency } from "./check-consistency.ts";
import { decodeDataFile } from "./decode-text.ts";
import { readDataFile } from "./read-data-file.ts";
import { MAX_PROBLEMS_PER_FILE, validateTable, type Columns, type Row, type TableSpec } from "./define-table.ts";
import { undrawableCells, undrawableYaml } from "../fonts/check-glyphs.ts";
import { catalogSchema, editionSchema, ILLUSTRATION_EXTENSIONS, type Catalog, type Edition } from "./edition.ts";
import { parseYaml, yamlLineOf } from "./load-yaml.ts";
import { parseCsv } from "./parse-csv.ts";
import { tables, type TableRows } from "./tables.ts";

/** A data file as read: where it is, as shown to users, and its content hash. */
export interface DataFile {
  name: string;
  absPath: string;
  displayPath: string;
  sha256: string;
}

/** Everything under data/, read and validated: the input of every later stage. */
export interface Dataset {
  dir: string;
  edition: Edition;
  catalog: Catalog;
  tables: TableRows;
  /** Bilingual labels by key, e.g. `region:us`. */
  labels: Map<string, { en: string; "zh-HK": string }>;
  files: DataFile[];
  /** Hash of all input files together: names the data snapshot. */
  sha256: string;
}

/** Reads and validates the data folder; throws one DataError listing every problem found. */
export function loadDataset(dir: string): Dataset {
  const problems: Problem[] = [];
  const files: DataFile[] = [];
  const texts = new Map<string, string>();

  const read = (fileName: string): { text: string; file: string } | undefined => {
    const absPath = path.resolve(dir, fileName);
    const displayPath = displayPathOf(absPath);
    try {
      const bytes = readDataFile(dir, absPath, displayPath);
      files.push({ name: fileName, absPath, displayPath, sha256: sha256(bytes) });
      const text = decodeDataFile(bytes, displayPath);
      texts.set(fileName, text);
      return { text, file: displayPath };
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

  const editionSrc = read("edition.yaml");
  const edition = editionSrc && attempt(() => parseYaml(editionSrc.text, editionSrc.file, editionSchema));
  const catalogSrc = read("catalog.yaml");
  const catalog = catalogSrc && attempt(() => parseYaml(catalogSrc.text, catalogSrc.file, catalogSchema));
  if (edition && editionSrc) addAll(problems, undrawableYaml(edition, editionSrc.text, editionSrc.file));
  if (catalog && catalogSrc) addAll(problems, undrawableYaml(catalog, catalogSrc.text, catalogSrc.file));

  const loaded: Partial<Record<keyof TableRows, unknown[]>> = {};
  for (const [key, spec] of Object.entries(tables) as unknown as [keyof TableRows, TableSpec<Columns>][]) {
    const src = read(`${spec.name}.csv`);
    if (!src) continue;
    const rows = attempt(() => loadTable(spec, src.text, src.file));
    if (rows) loaded[key] = rows;
  }

  if (edition?.illustration.file && editionSrc) {
    const rel = edition.illustration.file;
    const abs = path.resolve(dir, rel);
    const problem = (message: string) => problems.push({ file: editionSrc.file, line: yamlLineOf(editionSrc.text, ["illustration", "file"]), column: "illustration.file", message });
    // Inside the data folder both as written and after following symbolic links.
    const inside = (root: string, p: string) => p.startsWith(root + path.sep);
    if (!inside(path.resolve(dir), abs)) problem(messages.illustrationOutside(rel));
    else if (!existsSync(abs)) problem(messages.illustrationMissing(rel));
    else if (!inside(realpathSync(dir), realpathSync(abs))) problem(messages.illustrationOutside(rel));
    else if (!statSync(abs).isFile()) problem(messages.illustrationNotFile(rel));
    else if (!ILLUSTRATION_EXTENSIONS.includes(path.extname(rel).toLowerCase())) problem(messages.illustrationType(rel, ILLUSTRATION_EXTENSIONS));
    else {
      try {
        files.push({ name: rel, absPath: abs, displayPath: displayPathOf(abs), sha256: sha256(readFileSync(abs)) });
      } catch (err) {
        problem(messages.unreadable((err as Error).message));
      }
    }
  }

  const complete = Object.keys(tables).every((k) => loaded[k as keyof TableRows]);
  if (problems.length === 0 && complete && edition && catalog) {
    const rows = loaded as TableRows;
    const fileOf = (name: string) => displayPathOf(path.resolve(dir, `${name}.csv`));
    addAll(problems, checkConsistency(rows, catalog, fileOf, catalogSrc!.file));
    if (problems.length === 0) {
      const labels = new Map(rows.labels.map((l) => [l.key, { en: l.en, "zh-HK": l.zh_hk }]));
      files.sort((a, b) => a.name.localeCompare(b.name));
      const all = createHash("sha256");
      for (const f of files) all.update(`${f.name}\0${f.sha256}\n`);
      return { dir: path.resolve(dir), edition, catalog, tables: rows, labels, files, sha256: all.digest("hex") };
    }
  }
  throw new DataError(problems);
}

function loadTable<C extends Columns>(spec: TableSpec<C>, text: string, file: string): Row<C>[] {
  const expected = Object.keys(spec.columns).filter((c) => !(spec.optional ?? []).includes(c));
  const raw = parseCsv(text, file, expected, spec.optional ?? []);
  // Both kinds of problem at once: wrong values, and characters no embedded font can print.
  const glyphs = undrawableCells(raw);
  let rows: Row<C>[];
  try {
    rows = validateTable(spec, raw);
  } catch (err) {
    if (err instanceof DataError && glyphs.length) throw new DataError([...err.problems, ...glyphs.slice(0, MAX_PROBLEMS_PER_FILE)]);
    throw err;
  }
  if (glyphs.length) throw new DataError(glyphs.slice(0, MAX_PROBLEMS_PER_FILE));
  return rows;
}

/** Appends `more` one by one: spreading a list of hundreds of thousands of problems overflows the stack. */
function addAll<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A path as users see it: relative to the working directory when inside it. */
export function displayPathOf(absPath: string): string {
  const rel = path.relative(process.cwd(), absPath);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : absPath;
}
