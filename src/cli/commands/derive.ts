import path from "node:path";
import { DEFAULT_CHAPTER_DIR } from "../../chapter/load-chapter.ts";
import { deriveTables } from "../../derive/derive-tables.ts";
import { explainParameters, resolveParameters } from "../../derive/resolve-parameters.ts";
import { loadDeriveSpec } from "../../derive/spec.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";

/** Where a chapter's derive.yaml lives (`--chapter`, default the shipped chapter) unless --spec says otherwise. */
export function defaultSpec(values: { chapter?: unknown }): string {
  return path.join(String(values.chapter ?? DEFAULT_CHAPTER_DIR), "derive", "derive.yaml");
}

export const derive: Command = {
  summary:
    "Computes the chapter's LinkedIn tables from a Revelio-style panel extract (Parquet, CSV or CSV.gz) with DuckDB and writes them, the catalog's provenance and derive-manifest.json into the data folder, all or nothing. --explain prints every parameter and its meaning; --dry-run computes without writing.",
  cancellable: true,
  usage: "--panel DIR [--data DIR] [--params FILE] [--spec FILE] [--threads N] [--memory 4GB] [--temp DIR] [--db FILE] [--explain] [--dry-run] [--quiet]",
  options: {
    chapter: { type: "string" },
    panel: { type: "string" },
    data: { type: "string" },
    params: { type: "string" },
    spec: { type: "string" },
    threads: { type: "string" },
    memory: { type: "string" },
    temp: { type: "string" },
    db: { type: "string" },
    explain: { type: "boolean" },
    "dry-run": { type: "boolean" },
    quiet: { type: "boolean" },
  },
  async run({ values, stdout, signal }) {
    const specFile = path.resolve(String(values.spec ?? defaultSpec(values)));
    const paramsFile = values.params === undefined ? undefined : path.resolve(String(values.params));
    if (values.explain) {
      const spec = loadDeriveSpec(specFile);
      for (const line of explainParameters(spec, resolveParameters(spec, paramsFile))) stdout(line);
      return 0;
    }
    if (values.panel === undefined) throw new UsageError("--panel DIR is required (the folder of the extract)");
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError(`--threads must be a whole number from 1, got "${String(values.threads)}"`);
    const memory = values.memory as string | undefined;
    if (memory !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memory)) throw new UsageError(`--memory must be a size such as 4GB, got "${memory}"`);
    const quiet = values.quiet === true;
    const result = await deriveTables({
      specFile,
      paramsFile,
      extractDir: path.resolve(String(values.panel)),
      dataDir: path.resolve(String(values.data ?? path.join(String(values.chapter ?? DEFAULT_CHAPTER_DIR), "data"))),
      threads,
      memoryLimit: memory,
      tempDirectory: values.temp === undefined ? undefined : path.resolve(String(values.temp)),
      databaseFile: values.db === undefined ? undefined : path.resolve(String(values.db)),
      dryRun: values["dry-run"] === true,
      signal,
      onProgress: quiet ? undefined : (l) => stdout(l),
    });
    if (!quiet) {
      const m = result.manifest;
      for (const [table, input] of Object.entries(m.inputs)) stdout(`  ${table}: ${input.rows.toLocaleString("en")} rows from ${input.files.length} file${input.files.length === 1 ? "" : "s"}`);
      stdout(`  load ${m.load.seconds}s; ${m.stages.map((s) => `${s.stage.replace(/^.*\//, "")} ${s.seconds}s`).join(", ")}`);
      stdout(`${values["dry-run"] ? "would write" : "wrote"} ${[...result.outputs.keys()].join(", ")} (${m.provenance})`);
    }
    return 0;
  },
};
