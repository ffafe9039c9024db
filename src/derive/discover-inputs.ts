/**
 * Finds the files of each table of an extract folder. A table is either a folder named after
 * the table (or one of its aliases) holding part files, or part files at the top level whose names
 * start with the table's name and a part number (`individual_user_0009_part_00.parquet`,
 * `Individual_Job_Positions_and_Job_History-12.csv.gz`). Names match case-insensitively.
 */
import fs from "node:fs";
import path from "node:path";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import type { DeriveSpec } from "./spec.ts";

export type FileFormat = "parquet" | "csv";
export interface InputFile {
  /** Absolute path. */
  path: string;
  /** As shown to a user: relative to the working directory. */
  shown: string;
  format: FileFormat;
}
/** Table name → its files, sorted by path (an empty list for an absent optional table). */
export type InputFiles = Record<string, InputFile[]>;

const EXTENSIONS: readonly [string, FileFormat][] = [
  [".parquet", "parquet"],
  [".csv.gz", "csv"],
  [".csv", "csv"],
];

function formatOf(name: string): FileFormat | undefined {
  const lower = name.toLowerCase();
  return EXTENSIONS.find(([ext]) => lower.endsWith(ext))?.[1];
}

function stem(name: string): string {
  const lower = name.toLowerCase();
  const ext = EXTENSIONS.find(([e]) => lower.endsWith(e))?.[0] ?? "";
  return lower.slice(0, lower.length - ext.length);
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && formatOf(e.name) !== undefined && !e.name.startsWith("."))
    .map((e) => path.join(e.parentPath, e.name));
}

/** True when a top-level file's stem is the name itself or the name followed by a part number. */
function isPartOf(fileStem: string, name: string): boolean {
  if (fileStem === name) return true;
  if (!fileStem.startsWith(name)) return false;
  return /^[-_.](\d|part)/.test(fileStem.slice(name.length));
}

/** Lists every table's files; throws a DataError naming each required table without files. */
export function discoverInputs(extractDir: string, spec: DeriveSpec): InputFiles {
  const shownDir = path.relative(process.cwd(), extractDir) || ".";
  if (!fs.existsSync(extractDir) || !fs.statSync(extractDir).isDirectory()) throw new DataError([{ file: shownDir, message: messages.deriveNotFolder() }]);
  const entries = fs.readdirSync(extractDir, { withFileTypes: true });
  const problems: Problem[] = [];
  const found: InputFiles = {};
  for (const [table, input] of Object.entries(spec.inputs)) {
    const names = [table, ...input.aliases].map((n) => n.toLowerCase());
    const files: string[] = [];
    for (const e of entries) {
      const lower = e.name.toLowerCase();
      const full = path.join(extractDir, e.name);
      if (e.isDirectory() && names.includes(lower)) files.push(...listFiles(full));
      else if (e.isFile() && formatOf(e.name) && names.some((n) => isPartOf(stem(e.name), n))) files.push(full);
    }
    files.sort();
    if (files.length === 0 && !input.optional) problems.push({ file: shownDir, message: messages.deriveNoFiles(table, names) });
    found[table] = files.map((f) => ({ path: f, shown: path.relative(process.cwd(), f) || f, format: formatOf(f)! }));
  }
  if (problems.length) throw new DataError(problems);
  return found;
}
