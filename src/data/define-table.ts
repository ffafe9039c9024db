import { z } from "zod";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import type { RawTable } from "./parse-csv.ts";

export type Columns = Record<string, z.ZodType<unknown, string>>;

/** A validated row: typed cells plus the line it came from, for later error messages. */
export type Row<C extends Columns> = { [K in keyof C]: z.output<C[K]> } & { line: number };

/** What a data file must look like: its columns (in order), optional ones, and its unique key. */
export interface TableSpec<C extends Columns> {
  /** File name under the data folder, without `.csv`. */
  name: string;
  columns: C;
  /** Columns that may be left out of the header altogether. */
  optional?: readonly (keyof C & string)[];
  /** Columns whose values together must be unique. */
  key: readonly (keyof C & string)[];
}

export function defineTable<C extends Columns>(spec: TableSpec<C>): TableSpec<C> {
  return spec;
}

/** Problems listed per file; beyond this they are counted (a file of 400,000 bad rows needs no 400,000 lines). */
export const MAX_PROBLEMS_PER_FILE = 100;

/** Validates every cell of a parsed table against its spec; throws every problem at once. */
export function validateTable<C extends Columns>(spec: TableSpec<C>, raw: RawTable): Row<C>[] {
  const problems: Problem[] = [];
  const rows: Row<C>[] = [];
  const keys = new Map<string, number>();
  for (const { line, cells } of raw.rows) {
    const out: Record<string, unknown> = { line };
    let ok = true;
    for (const [name, schema] of Object.entries(spec.columns)) {
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
