/**
 * Loads an extract's tables into the session as typed tables named after the spec's inputs, and
 * validates them on the way: required columns present, every value of its type, keys unique.
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
 * How a source column becomes the spec's type, in three projections so each value is trimmed and
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
  const from = type === "date" ? `CASE WHEN length(${t}) = 7 THEN ${t} || '-01' ELSE ${t} END` : t;
  return { clean, typed: `TRY_CAST(${from} AS ${SQL_TYPE[type]})`, flagged: true };
}

function folderOf(files: InputFile[]): string {
  if (files.length === 1) return files[0]!.shown;
  return path.dirname(files[0]!.shown);
}

/** Loads one format's files of a table into `target`; returns the problems found. */
async function loadPart(session: Session, input: InputSpec, files: InputFile[], target: string, create: boolean): Promise<Problem[]> {
  const reader = readerSql(files);
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
  const level3: string[] = [];
  const checks: { column: string; type: ColumnType; flag: string }[] = [];
  for (const [column, spec] of Object.entries(input.columns)) {
    const source = [column, ...spec.aliases].map((n) => byLower.get(n.toLowerCase())).find((d) => d !== undefined);
    const c = sqlName(column);
    const t = sqlName(`__t_${column}`);
    // Every non-text column carries a flag column, so Parquet and CSV parts of a table line up.
    const flag = `__bad_${column}`;
    if (!source) {
      if (spec.required) problems.push({ file: folderOf(files), message: messages.deriveMissingColumn(column) });
      level3.push(`CAST(NULL AS ${SQL_TYPE[spec.type]}) AS ${c}`);
      if (spec.type !== "text") level3.push(`CAST(NULL AS VARCHAR) AS ${sqlName(flag)}`);
      continue;
    }
    const cast = castSql(source.column_name, source.column_type, spec.type, t);
    level1.push(`${cast.clean} AS ${t}`);
    level2.push(`${cast.typed} AS ${c}`, t);
    level3.push(c);
    if (cast.flagged) {
      level3.push(`CASE WHEN ${c} IS NULL THEN ${t} END AS ${sqlName(flag)}`);
      checks.push({ column, type: spec.type, flag });
    } else if (spec.type !== "text") level3.push(`CAST(NULL AS VARCHAR) AS ${sqlName(flag)}`);
  }
  if (problems.length) return problems;
  // The file name is kept only on rows with a bad value (a name on every row would cost gigabytes).
  const bad = checks.map((k) => `(${sqlName(k.column)} IS NULL AND ${sqlName(`__t_${k.column}`)} IS NOT NULL)`);
  const file = bad.length ? `CASE WHEN ${bad.join(" OR ")} THEN __file END` : "CAST(NULL AS VARCHAR)";
  const select = `SELECT ${level3.join(", ")}, ${file} AS __file FROM (SELECT ${[...level2, "__file"].join(", ")} FROM (SELECT ${[...level1, "filename AS __file"].join(", ")} FROM ${reader}) l1) l2`;
  try {
    await session.run(create ? `CREATE TABLE ${sqlName(target)} AS ${select}` : `INSERT INTO ${sqlName(target)} ${select}`);
  } catch (err) {
    return [{ file: folderOf(files), message: messages.deriveUnreadable(firstLine(err)) }];
  }
  return checks.length ? findBadValues(session, target, checks, files) : [];
}

async function findBadValues(session: Session, target: string, checks: { column: string; type: ColumnType; flag: string }[], files: InputFile[]): Promise<Problem[]> {
  const shown = new Map(files.map((f) => [f.path, f.shown]));
  const parts = checks.map((c) => `SUM(CASE WHEN ${sqlName(c.flag)} IS NULL THEN 0 ELSE 1 END) AS ${sqlName(`n_${c.column}`)}, MIN(${sqlName(c.flag)}) AS ${sqlName(`e_${c.column}`)}`);
  const rows = await session.all(`SELECT __file, ${parts.join(", ")} FROM ${sqlName(target)} WHERE __file IS NOT NULL AND __file IN (${files.map((f) => sqlString(f.path)).join(", ")}) GROUP BY __file ORDER BY __file`);
  const problems: Problem[] = [];
  for (const row of rows) {
    for (const c of checks) {
      const n = Number(row[`n_${c.column}`] ?? 0);
      if (n > 0) problems.push({ file: shown.get(String(row.__file)) ?? String(row.__file), column: c.column, message: messages.deriveNotType(n, TYPE_WORDS[c.type], String(row[`e_${c.column}`])) });
    }
  }
  return problems;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split("\n")[0] ?? "";
}

/** Refuses rows that share a key but differ elsewhere; drops exact duplicates. */
async function dedupe(session: Session, table: string, staging: string, input: InputSpec, files: InputFile[]): Promise<Problem[]> {
  const columns = Object.keys(input.columns).map(sqlName).join(", ");
  if (input.key.length === 0) {
    await session.run(`ALTER TABLE ${sqlName(staging)} RENAME TO ${sqlName(table)}`);
    return [];
  }
  const key = input.key.map(sqlName).join(", ");
  const [dupes] = await session.all(`SELECT count(*) - count(DISTINCT (${key})) AS d FROM ${sqlName(staging)}`);
  if (Number(dupes?.d ?? 0) === 0) {
    // No duplicates: the loaded table becomes the input table as it is (its flag columns are almost all NULL).
    await session.run(`ALTER TABLE ${sqlName(staging)} RENAME TO ${sqlName(table)}`);
    return [];
  }
  await session.run(`CREATE TABLE ${sqlName(table)} AS SELECT DISTINCT ${columns} FROM ${sqlName(staging)}`);
  const conflicts = await session.all(`SELECT count(*) AS n, min(CAST((${key}) AS VARCHAR)) AS e FROM (SELECT ${key} FROM ${sqlName(table)} GROUP BY ${key} HAVING count(*) > 1) k`);
  const n = Number(conflicts[0]?.n ?? 0);
  return n > 0 ? [{ file: folderOf(files), message: messages.deriveDuplicateKey(n, input.key.join(", "), String(conflicts[0]?.e)) }] : [];
}

/** Loads and validates every input table; throws one DataError with every problem found. */
export async function loadInputs(session: Session, spec: DeriveSpec, inputs: InputFiles): Promise<LoadedCounts> {
  const problems: Problem[] = [];
  const counts: LoadedCounts = {};
  for (const [table, input] of Object.entries(spec.inputs)) {
    const files = inputs[table] ?? [];
    const staging = `__load_${table}`;
    if (files.length === 0) {
      const columns = Object.entries(input.columns).map(([c, s]) => `${sqlName(c)} ${SQL_TYPE[s.type]}`);
      await session.run(`CREATE TABLE ${sqlName(table)} (${columns.join(", ")})`);
      counts[table] = 0;
      continue;
    }
    const groups = (["parquet", "csv"] as const).map((f) => files.filter((x) => x.format === f)).filter((g) => g.length > 0);
    const before = problems.length;
    for (const [i, group] of groups.entries()) problems.push(...(await loadPart(session, input, group, staging, i === 0)));
    if (problems.length > before) continue;
    problems.push(...(await dedupe(session, table, staging, input, files)));
    await session.run(`DROP TABLE IF EXISTS ${sqlName(staging)}`);
    counts[table] = Number((await session.all(`SELECT count(*) AS n FROM ${sqlName(table)}`))[0]?.n ?? 0);
  }
  if (problems.length) throw new DataError(problems);
  return counts;
}
