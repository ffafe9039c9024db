import { z } from "zod";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import type { RawTable } from "./parse-csv.ts";

export type Columns = Record<string, z.ZodType<unknown, string>>;

/** A validated row: typed cells plus the line it came from, for later error messages. */
export type Row<C extends Columns> = { [K in keyof C]: z.output<C[K]> } & { line: number };

/** Rows that must be present: each names column values a row must have, and how many such rows (default 1). */
export interface RequiredRow {
  match: Readonly<Record<string, string | number>>;
  /** At least this many rows must match; default 1. */
  count?: number;
  /** How to name the row in messages; default its values, quoted ("ttps"). */
  describe?: string;
}

/** What a data file must look like: its columns (in order), optional ones, its unique key, and rows it must have. */
export interface SeriesSpec<C extends Columns> {
  /** File name under the data folder, without `.csv`. */
  name: string;
  columns: C;
  /** Columns that may be left out of the header altogether. */
  optional?: readonly (keyof C & string)[];
  /** Columns whose values together must be unique. */
  key: readonly (keyof C & string)[];
  /** Rows the chapter cannot do without; a file without them is an error naming the row. */
  requiredRows?: readonly RequiredRow[];
  /**
   * A column of ISO dates saying when each row was published (e.g. a provisional estimate and
   * its later revision). A build uses only rows published by its as-of date.
   */
  released?: keyof C & string;
}

/** A series of any columns, as the engine handles them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySeries = SeriesSpec<any>;

/** Declares a data file (CSV) of a chapter. */
export function defineSeries<C extends Columns>(spec: SeriesSpec<C>): SeriesSpec<C> {
  return spec;
}

/** Problems listed per file; beyond this they are counted (a file of 400,000 bad rows needs no 400,000 lines). */
export const MAX_PROBLEMS_PER_FILE = 100;

/** Validates every cell of a parsed table against its spec; throws every problem at once. */
export function validateTable<C extends Columns>(spec: SeriesSpec<C>, raw: RawTable): Row<C>[] {
  // Problems in the file's own column order (labels.csv's language columns may be in any order).
  const at = (name: string) => (raw.header.includes(name) ? raw.header.indexOf(name) : raw.header.length);
  const columns = Object.entries(spec.columns).sort(([a], [b]) => at(a) - at(b));
  const problems: Problem[] = [];
  const rows: Row<C>[] = [];
  const keys = new Map<string, number>();
  for (const { line, cells } of raw.rows) {
    const out: Record<string, unknown> = { line };
    let ok = true;
    for (const [name, schema] of columns) {
      const value = cells[name] ?? "";
      const r = schema.safeParse(value);
      if (r.success) out[name] = r.data;
      else {
        ok = false;
        for (const issue of r.error.issues) problems.push({ file: raw.file, line, column: name, message: messages.gotValue(issue.message, value) });
      }
    }
    if (!ok) continue;
    const key = spec.key.map((k) => String(out[k])).join(" / ");
    const earlier = keys.get(key);
    if (earlier !== undefined) {
      problems.push({ file: raw.file, line, column: spec.key.join(", "), message: messages.duplicateKey(key, earlier) });
      continue;
    }
    keys.set(key, line);
    rows.push(out as Row<C>);
  }
  if (problems.length > MAX_PROBLEMS_PER_FILE) {
    const more = problems.length - MAX_PROBLEMS_PER_FILE;
    problems.length = MAX_PROBLEMS_PER_FILE;
    problems.push({ file: raw.file, message: messages.moreProblems(more) });
  }
  if (problems.length) throw new DataError(problems);
  return rows;
}

/** A problem for every required row the file lacks (after its rows validated). */
export function missingRequiredRows(spec: AnySeries, rows: readonly Record<string, unknown>[], file: string): Problem[] {
  const problems: Problem[] = [];
  for (const required of spec.requiredRows ?? []) {
    const entries = Object.entries(required.match);
    const found = rows.filter((r) => entries.every(([col, v]) => String(r[col]) === String(v))).length;
    const need = required.count ?? 1;
    if (found >= need) continue;
    const what = required.describe ?? `"${entries.map(([, v]) => String(v)).join(" / ")}"`;
    problems.push({ file, column: entries.length ? entries.map(([c]) => c).join(", ") : undefined, message: need === 1 ? messages.requiredRowMissing(what) : messages.requiredRowsTooFew(what, need, found) });
  }
  return problems;
}
