/**
 * The declaration a chapter gives `derive` (its derive.yaml): which tables an extract holds and
 * in what shape, which parameters the stage SQL may read, the ordered stage files, and which
 * stage table becomes which CSV of the data folder. The engine knows nothing else about a chapter.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DataError } from "../errors.ts";
import { messages } from "../messages.ts";
import { parseYaml } from "../io/load-yaml.ts";

const columnType = z.enum(["id", "integer", "number", "text", "date"], "expected id, integer, number, text or date");
export type ColumnType = z.output<typeof columnType>;

const columnSpec = z.strictObject({
  type: columnType,
  /** The stage SQL cannot run without it. */
  required: z.boolean().default(false),
  /** Other names real deliveries use for this column (matched case-insensitively). */
  aliases: z.array(z.string()).default([]),
});

const inputSpec = z.strictObject({
  doc: z.string(),
  /** Other names the table's folder or files go by in real deliveries. */
  aliases: z.array(z.string()).default([]),
  /** An extract may lack the table; it is then created empty. */
  optional: z.boolean().default(false),
  /** Rows with the same values here are one row: exact duplicates are dropped, differing ones refused. */
  key: z.array(z.string()).default([]),
  columns: z.record(z.string(), columnSpec),
});

const localized = z.strictObject({ en: z.string().min(1), "zh-HK": z.string().min(1) });

const scalarParameter = z.strictObject({
  doc: z.string().min(1),
  type: z.enum(["date", "integer", "number", "text"]),
  default: z.union([z.string(), z.number()]),
  /** The values a text parameter may take. */
  choices: z.array(z.string()).optional(),
});
const tableParameter = z.strictObject({
  doc: z.string().min(1),
  type: z.literal("table"),
  /** Column name → type of each row. */
  columns: z.record(z.string(), z.enum(["integer", "number", "text"])),
  default: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
const parameterSpec = z.union([scalarParameter, tableParameter]);
export type ParameterSpec = z.output<typeof parameterSpec>;

const outputSpec = z.strictObject({
  /** The stage table written to this file. */
  table: z.string().min(1),
  columns: z.array(z.string()).min(1),
  orderBy: z.string().min(1),
  /** The data-folder catalog entry whose provenance becomes derived (or synthetic). */
  catalog: z.string().min(1),
});

export const deriveSpecSchema = z.strictObject({
  inputs: z.record(z.string(), inputSpec),
  parameters: z.record(z.string(), parameterSpec),
  /** Stage files, relative to the spec's folder, run in this order. */
  stages: z.array(z.string().regex(/\.sql$/, "expected a .sql file")).min(1),
  outputs: z.record(z.string().regex(/^[a-z0-9-]+\.csv$/, "expected a file name such as region-flows.csv"), outputSpec),
  /** `extract-sql`: an SQL template and, per target engine, its table names and how to export the result. */
  extract: z
    .strictObject({
      sql: z.string().regex(/\.sql$/, "expected a .sql file"),
      targets: z.record(z.string(), z.strictObject({ tables: z.record(z.string(), z.string().min(1)), export: z.string().min(1) })),
    })
    .optional(),
  /** The source line a derived or synthetic series carries in the catalog. */
  source: z.strictObject({ derived: localized, synthetic: localized }),
});
export type DeriveSpec = z.output<typeof deriveSpecSchema> & { dir: string; file: string };
export type InputSpec = z.output<typeof inputSpec>;

/** Reads and validates a chapter's derive.yaml; stage files must exist. */
export function loadDeriveSpec(file: string): DeriveSpec {
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new DataError([{ file: shown, message: messages.missingFile() }], { cause: err });
  }
  const spec = parseYaml(text, shown, deriveSpecSchema);
  const dir = path.dirname(path.resolve(file));
  const missing = spec.stages.filter((s) => !fs.existsSync(path.join(dir, s)));
  if (missing.length) throw new DataError(missing.map((s) => ({ file: shown, column: "stages", message: messages.deriveMissingStage(s) })));
  return { ...spec, dir, file: shown };
}
