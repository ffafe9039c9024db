import { parse } from "csv-parse/sync";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import { isNear } from "../io/is-near.ts";

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
export function parseCsv(source: string, file: string, expected: readonly string[], optional: readonly string[] = []): RawTable {
  // csv-parse counts CR and LF as two lines inside a quoted cell; with LF only, its line numbers are the file's.
  const text = source.replace(/\r\n?/g, "\n");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new DataError([csvSyntaxProblem(err, text, file)], { cause: err });
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
  for (const { record, info: end } of records.slice(1)) {
    if (record.every((c) => c.trim() === "")) continue;
    // csv-parse gives the record's last line; a quoted cell with line breaks starts it earlier.
    const info = { lines: end.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0) };
    if (record.length !== header.length) {
      const split = record.length > header.length ? splitThousands(record) : undefined;
      problems.push({ file, line: info.lines, message: split ? messages.cellCountThousands(header.length, record.length, split) : messages.cellCount(header.length, record.length) });
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

/** A csv-parse error as a problem on the line where it starts, in plain words where we know the error. */
function csvSyntaxProblem(err: unknown, text: string, file: string): Problem {
  const e = err as { code?: string; lines?: number; message?: string };
  if (e.code === "CSV_QUOTE_NOT_CLOSED") return { file, line: lineOfUnclosedQuote(text) ?? e.lines, message: messages.csvUnclosedQuote() };
  const detail = (e.message ?? String(err)).replace(/ at line \d+/, "");
  return { file, line: e.lines, message: messages.csvSyntax(detail) };
}

/**
 * The line on which the quoted cell left open at the end of the text begins (csv-parse reports the
 * last line of the file). Quotes open a cell only at its start, and `""` inside one is a quote.
 */
function lineOfUnclosedQuote(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (openedOn !== undefined) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else openedOn = undefined;
      } else if (c === "\n") line++;
      continue;
    }
    if (c === '"' && atCellStart) openedOn = line;
    atCellStart = c === "," || c === "\n";
    if (c === "\n") line++;
  }
  return openedOn;
}

/** The first run of cells that reads as one number split at its thousands separators ("7", "448", "900"), joined again. */
function splitThousands(record: string[]): string | undefined {
  for (let i = 0; i < record.length - 1; i++) {
    if (!/^[+-]?\d{1,3}$/.test(record[i]!.trim())) continue;
    let j = i + 1;
    while (j < record.length && /^\d{3}$/.test(record[j]!.trim())) j++;
    if (j < record.length && /^\d{3}\.\d+$/.test(record[j]!.trim())) j++;
    if (j - i >= 2) return record.slice(i, j).map((c) => c.trim()).join(",");
  }
  return undefined;
}
