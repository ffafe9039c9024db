/**
 * Tiny panel extracts for the derive tests: rows as objects, written as CSV, CSV.gz or Parquet
 * (Parquet through DuckDB's COPY, so no binary fixture is committed), and a dry-run derive that
 * returns each output as rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { deriveTables, type DeriveResult } from "../../../src/derive/derive-tables.ts";
import { openSession, sqlString } from "../../../src/derive/session.ts";

export type Row = Record<string, string | number | null | undefined>;
export type Extract = Partial<Record<"positions" | "users" | "education" | "school_ranks" | "company_ref", Row[]>>;
export const SPEC = path.resolve("chapters/brain-drain/derive/derive.yaml");

export interface WriteOptions {
  format?: "csv" | "csv.gz" | "parquet";
  /** Upper-case headers, as older Revelio CSV deliveries have. */
  upper?: boolean;
  /** Split each table into this many part files (round-robin rows). */
  parts?: number;
  /** The folder name per table (default: the table name). */
  names?: Partial<Record<keyof Extract, string>>;
}

function toCsv(rows: Row[], upper: boolean): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Row[string]) => (v === null || v === undefined ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [columns.map((c) => (upper ? c.toUpperCase() : c)).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

export function tempDir(prefix = "derive-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the extract into a new temporary folder (or `dir`) and returns its path. */
export async function writeExtract(extract: Extract, options: WriteOptions = {}, dir = tempDir()): Promise<string> {
  const format = options.format ?? "csv";
  const parts = options.parts ?? 1;
  const session = format === "parquet" ? await openSession({ threads: 1 }) : undefined;
  try {
    for (const [table, rows] of Object.entries(extract) as [keyof Extract, Row[]][]) {
      const folder = path.join(dir, options.names?.[table] ?? table);
      fs.mkdirSync(folder, { recursive: true });
      for (let p = 0; p < parts; p++) {
        const slice = rows.filter((_, i) => i % parts === p);
        if (slice.length === 0 && p > 0) continue;
        const csv = toCsv(slice.length ? slice : rows.slice(0, 0).concat([]), options.upper === true);
        const base = path.join(folder, `part-${p}`);
        if (format === "csv") fs.writeFileSync(`${base}.csv`, csv);
        else if (format === "csv.gz") fs.writeFileSync(`${base}.csv.gz`, zlib.gzipSync(csv));
        else {
          fs.writeFileSync(`${base}.tmp.csv`, csv);
          await session!.run(`COPY (SELECT * FROM read_csv(${sqlString(`${base}.tmp.csv`)}, header = true, all_varchar = true)) TO ${sqlString(`${base}.parquet`)} (FORMAT parquet)`);
          fs.rmSync(`${base}.tmp.csv`);
        }
      }
    }
  } finally {
    session?.close();
  }
  return dir;
}

/** Parses the CSV text derive produced (no quoted cells in these outputs). */
export function parseOutput(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\n");
  const columns = header!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i]!, v])));
}

/** Derives without writing; returns the result and each output parsed into rows. */
export async function deriveExtract(dir: string, params?: Record<string, unknown>, threads = 1): Promise<DeriveResult & { rows: (file: string) => Record<string, string>[] }> {
  let paramsFile: string | undefined;
  if (params) {
    paramsFile = path.join(tempDir("params-"), "params.yaml");
    fs.writeFileSync(paramsFile, JSON.stringify(params));
  }
  const result = await deriveTables({ specFile: SPEC, extractDir: dir, dataDir: tempDir("data-"), paramsFile, dryRun: true, threads });
  return { ...result, rows: (file) => parseOutput(result.outputs.get(file)!) };
}
