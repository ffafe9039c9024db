import { parse } from "csv-parse/sync";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";

/** A CSV record as read: its 1-based line in the file and its cells by column name. */
export interface RawRow {
  line: number;
  cells: Record<string, string>;
}

export interface RawTable {
  file: string;
  header: string[];
  rows: RawRow[];
}

/**
 * Parses CSV text (already decoded) into rows keyed by the header, checking the header
 * against the expected columns. Every header problem is reported at once.
 */
export function parseCsv(text: string, file: string, expected: readonly string[], optional: readonly string[] = []): RawTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new DataError([{ file, line: e.lines, message: messages.csvSyntax(e.message ?? String(err)) }], { cause: err });
  }
  const first = records[0];
  if (!first) throw new DataError([{ file, message: messages.emptyFile() }]);
  const header = first.record.map((h) => h.trim());
  const headerLine = first.info.lines;
  const problems: Problem[] = [];
  const known = new Set([...expected, ...optional]);
  for (const name of expected) {
    if (!header.includes(name)) {
      const near = header.find((h) => !known.has(h) && isNear(h, name));
      problems.push({ file, line: headerLine, column: name, message: near ? messages.misspelledColumn(near) : messages.missingColumn() });
    }
  }
  for (const name of header) {
    if (!known.has(name) && !expected.some((e) => !header.includes(e) && isNear(name, e))) {
      problems.push({ file, line: headerLine, column: name, message: messages.unknownColumn(expected) });
    }
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push({ file, line: headerLine, column: name, message: messages.duplicateColumn() });
    seen.add(name);
  }
  if (problems.length) throw new DataError(problems);

  const rows: RawRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.every((c) => c.trim() === "")) continue;
    if (record.length !== header.length) {
      problems.push({ file, line: info.lines, message: messages.cellCount(header.length, record.length) });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = record[i] ?? ""));
    rows.push({ line: info.lines, cells });
  }
  if (problems.length) throw new DataError(problems);
  if (rows.length === 0) throw new DataError([{ file, line: headerLine, message: messages.headerOnly() }]);
  return { file, header, rows };
}

/** Damerau-free edit distance ≤ 2, or equal ignoring case, spaces, dashes and underscores. */
function isNear(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
  if (norm(a) === norm(b)) return true;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= 2;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
