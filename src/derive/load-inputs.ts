/**
 * Makes an extract's tables available to the stages as typed tables (views over Parquet) named
 * after the spec's inputs, and validates them first: required columns present, every value of its type, keys unique.
 * Column names match case-insensitively (and by alias); `''` and `'empty'` are missing values;
 * text dates (`YYYY-MM-DD`, `YYYY-MM`) are cast. Problems are collected per file, then thrown.
 */
import path from "node:path";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import type { InputFile, InputFiles } from "./discover-inputs.ts";
import { sqlName, sqlString, type Session } from "./session.ts";
import type { ColumnType, DeriveSpec, InputSpec } from "./spec.ts";

const SQL_TYPE: Record<ColumnType, string> = { id: "BIGINT", integer: "BIGINT", number: "DOUBLE", text: "VARCHAR", date: "DATE" };
const TYPE_WORDS: Record<ColumnType, string> = { id: "whole numbers", integer: "whole numbers", number: "numbers", text: "text", date: "dates" };

/** Row counts per loaded table. */
export type LoadedCounts = Record<string, number>;

function readerSql(files: InputFile[]): string {
  const list = `[${files.map((f) => sqlString(f.path)).join(", ")}]`;
  return files[0]!.format === "parquet"
    ? `read_parquet(${list}, filename = true, union_by_name = true)`
    : `read_csv(${list}, header = true, all_varchar = true, filename = true, union_by_name = true)`;
}

/**
 * How a source column becomes the spec's type, in two projections so each value is trimmed and
 * cleaned once: `clean` (level 1, from the source column), `typed` (level 2, from the cleaned text
 * in `t`), and whether a bad-value flag applies (text that did not cast).
 */
function castSql(source: string, sourceType: string, type: ColumnType, t: string): { clean: string; typed: string; flagged: boolean } {
  const s = sqlName(source);
  const native = (type === "date" && sourceType === "DATE") || ((type === "id" || type === "integer") && /INT/.test(sourceType)) || (type === "number" && /INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(sourceType));
  if (native) return { clean: `CAST(${s} AS ${SQL_TYPE[type]})`, typed: t, flagged: false };
  if (type === "date" && /TIMESTAMP/.test(sourceType)) return { clean: `CAST(${s} AS DATE)`, typed: t, flagged: false };
  const trimmed = `trim(CAST(${s} AS VARCHAR))`;
  const clean = `CASE WHEN ${trimmed} = '' OR lower(${trimmed}) = 'empty' THEN NULL ELSE ${trimmed} END`;
  if (type === "text") return { clean, typed: t, flagged: false };
  if (type === "date") return { clean, typed: castDateSql(t), flagged: true };
  return { clean, typed: `TRY_CAST(${t} AS ${SQL_TYPE[type]})`, flagged: true };
}

/**
 * Returns SQL reading cleaned text `t` as a DATE: `YYYY-MM` is the first of the month; anything
 * else reads as DuckDB's cast reads it. strptime with a fixed format parses the usual `YYYY-MM-DD`
 * at under half the cast's CPU (and every stage that scans a table pays it again); where it
 * fails, the cast decides. Where strptime succeeds it agrees with the cast
 * (test/derive/load-inputs-dates.test.ts).
 */
export function castDateSql(t: string): string {
  return `CASE WHEN length(${t}) = 7 THEN TRY_CAST(${t} || '-01' AS DATE) ELSE COALESCE(CAST(try_strptime(${t}, '%Y-%m-%d') AS DATE), TRY_CAST(${t} AS DATE)) END`;
}

function folderOf(files: InputFile[]): string {
  if (files.length === 1) return files[0]!.shown;
  return path.dirname(files[0]!.shown);
}

interface Checked {
  column: string;
  type: ColumnType;
}

/** One format's files of a table: the typed SELECT over them and the columns whose text may fail to cast. */
interface Part {
  files: InputFile[];
  /** `SELECT <typed columns>[, extra] FROM (SELECT <cleaned columns __t_*>, filename AS __file FROM reader)`. */
  typed: (extra?: string[]) => string;
  checks: Checked[];
}

/**
 * Reads one format's files of a table as a typed SELECT. Parquet stays where it is (a scan with the
 * casts is cheaper than a stored copy); CSV text is parsed once into a table of text columns first.
 */
async function readPart(session: Session, input: InputSpec, files: InputFile[], raw: string): Promise<Part | Problem[]> {
  let reader = readerSql(files);
  try {
    if (files[0]!.format === "csv") {
      await session.run(`CREATE TABLE ${sqlName(raw)} AS SELECT * FROM ${reader}`);
      reader = sqlName(raw);
    }
  } catch (err) {
    return [{ file: folderOf(files), message: messages.deriveUnreadable(firstLine(err)) }];
  }
  let described: { column_name: string; column_type: string }[];
  try {
    described = (await session.all(`DESCRIBE SELECT * FROM ${reader}`)) as typeof described;
  } catch (err) {
    return [{ file: folderOf(files), message: messages.deriveUnreadable(firstLine(err)) }];
  }
  const byLower = new Map(described.map((d) => [d.column_name.toLowerCase(), d]));
  const problems: Problem[] = [];
  const level1: string[] = [];
  const level2: string[] = [];
  const checks: Checked[] = [];
  for (const [column, spec] of Object.entries(input.columns)) {
    const source = [column, ...spec.aliases].map((n) => byLower.get(n.toLowerCase())).find((d) => d !== undefined);
    const c = sqlName(column);
    const t = sqlName(`__t_${column}`);
    if (!source) {
      if (spec.required) problems.push({ file: folderOf(files), message: messages.deriveMissingColumn(column) });
      level2.push(`CAST(NULL AS ${SQL_TYPE[spec.type]}) AS ${c}`);
      continue;
    }
    const cast = castSql(source.column_name, source.column_type, spec.type, t);
    level1.push(`${cast.clean} AS ${t}`);
    level2.push(`${cast.typed} AS ${c}`);
    if (cast.flagged) checks.push({ column, type: spec.type });
  }
  if (problems.length) return problems;
  const inner = `SELECT ${[...level1, "filename AS __file"].join(", ")} FROM ${reader}`;
  return { files, checks, typed: (extra = []) => `SELECT ${[...level2, ...extra].join(", ")} FROM (${inner}) l1` };
}

/** One pass over the part: per file, how many values of each checked column did not cast, and one of them. */
async function findBadValues(session: Session, part: Part): Promise<Problem[]> {
  if (part.checks.length === 0) return [];
  const shown = new Map(part.files.map((f) => [f.path, f.shown]));
  const bad = (c: Checked) => `(${sqlName(c.column)} IS NULL AND ${sqlName(`__t_${c.column}`)} IS NOT NULL)`;
  const inner = part.typed(["__file", ...part.checks.map((c) => sqlName(`__t_${c.column}`))]);
  const sums = part.checks.map((c) => `SUM(CASE WHEN ${bad(c)} THEN 1 ELSE 0 END) AS ${sqlName(`n_${c.column}`)}, MIN(CASE WHEN ${bad(c)} THEN ${sqlName(`__t_${c.column}`)} END) AS ${sqlName(`e_${c.column}`)}`);
  let rows: Awaited<ReturnType<Session["all"]>>;
  try {
    rows = await session.all(`SELECT __file, ${sums.join(", ")} FROM (${inner}) v WHERE ${part.checks.map(bad).join(" OR ")} GROUP BY __file ORDER BY __file`);
  } catch (err) {
    return [{ file: folderOf(part.files), message: messages.deriveUnreadable(firstLine(err)) }];
  }
  const problems: Problem[] = [];
  for (const row of rows) {
    for (const c of part.checks) {
      const n = Number(row[`n_${c.column}`] ?? 0);
      if (n > 0) problems.push({ file: shown.get(String(row.__file)) ?? String(row.__file), column: c.column, message: messages.deriveNotType(n, TYPE_WORDS[c.type], String(row[`e_${c.column}`])) });
    }
  }
  return problems;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split("\n")[0] ?? "";
}

/**
 * Makes `table` the typed rows of `source` (a SELECT): a view when no two rows share the key, else
 * a table with exact duplicates dropped; rows sharing a key with different values are refused.
 */
async function createTable(session: Session, table: string, source: string, input: InputSpec, files: InputFile[]): Promise<Problem[]> {
  const name = sqlName(table);
  if (input.key.length > 0) {
    const key = input.key.map(sqlName).join(", ");
    // Sorted, a repeated key sits next to its twin: at 20 M positions this costs about half the CPU of count(DISTINCT), a hash table of every key.
    const [dupes] = await session.all(`SELECT count(*) AS d FROM (SELECT (${key}) AS k, lag((${key})) OVER (ORDER BY ${key}) AS prev FROM (${source}) s) o WHERE k IS NOT DISTINCT FROM prev`);
    if (Number(dupes?.d ?? 0) > 0) {
      const columns = Object.keys(input.columns).map(sqlName).join(", ");
      await session.run(`CREATE TABLE ${name} AS SELECT DISTINCT ${columns} FROM (${source}) s`);
      const conflicts = await session.all(`SELECT count(*) AS n, min(CAST((${key}) AS VARCHAR)) AS e FROM (SELECT ${key} FROM ${name} GROUP BY ${key} HAVING count(*) > 1) k`);
      const n = Number(conflicts[0]?.n ?? 0);
      return n > 0 ? [{ file: folderOf(files), message: messages.deriveDuplicateKey(n, input.key.join(", "), String(conflicts[0]?.e)) }] : [];
    }
  }
  await session.run(`CREATE VIEW ${name} AS ${source}`);
  return [];
}

/**
 * Validates every input table and makes it available to the stages under its spec name, typed;
 * throws one DataError with every problem found. Each Parquet file is scanned to validate it and
 * again by each stage that reads the table (scans with casts cost less than storing a copy).
 */
export async function loadInputs(session: Session, spec: DeriveSpec, inputs: InputFiles): Promise<LoadedCounts> {
  const problems: Problem[] = [];
  const counts: LoadedCounts = {};
  for (const [table, input] of Object.entries(spec.inputs)) {
    const files = inputs[table] ?? [];
    if (files.length === 0) {
      const columns = Object.entries(input.columns).map(([c, s]) => `${sqlName(c)} ${SQL_TYPE[s.type]}`);
      await session.run(`CREATE TABLE ${sqlName(table)} (${columns.join(", ")})`);
      counts[table] = 0;
      continue;
    }
    const groups = (["parquet", "csv"] as const).map((f) => files.filter((x) => x.format === f)).filter((g) => g.length > 0);
    const parts: Part[] = [];
    const before = problems.length;
    for (const [i, group] of groups.entries()) {
      const part = await readPart(session, input, group, `__raw_${table}_${i}`);
      if (Array.isArray(part)) problems.push(...part);
      else {
        problems.push(...(await findBadValues(session, part)));
        parts.push(part);
      }
    }
    if (problems.length > before) continue;
    problems.push(...(await createTable(session, table, parts.map((p) => p.typed()).join(" UNION ALL "), input, files)));
    counts[table] = Number((await session.all(`SELECT count(*) AS n FROM ${sqlName(table)}`))[0]?.n ?? 0);
  }
  if (problems.length) throw new DataError(problems);
  return counts;
}
