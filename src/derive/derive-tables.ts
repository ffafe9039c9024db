/**
 * `greenbook derive`: from a panel extract to the data folder's CSV files.
 *
 *   extract/ ──discover──▶ files per table ──load+validate──▶ typed tables   (DuckDB)
 *   derive.yaml + params ──resolve──▶ param tables
 *   stages/*.sql ──run in order──▶ output tables ──read──▶ CSV text
 *   CSV + catalog (marked derived|synthetic) + derive-manifest.json ──write all-or-nothing──▶ data/
 *
 * Bad input throws a DataError before anything is written.
 */
import fs from "node:fs";
import path from "node:path";
import { buildManifest, type DeriveManifest } from "./build-manifest.ts";
import { discoverInputs } from "./discover-inputs.ts";
import { loadInputs } from "./load-inputs.ts";
import { markCatalog, type DerivedProvenance } from "./mark-catalog.ts";
import { readOutputs } from "./read-outputs.ts";
import { createParameterTables, resolveParameters } from "./resolve-parameters.ts";
import { runStages } from "./run-stages.ts";
import { writeFilesAtomically } from "./write-files-atomically.ts";
import { openSession, type SessionOptions } from "./session.ts";
import { loadDeriveSpec } from "./spec.ts";

/** A file `greenbook synth` leaves in every extract it writes; its presence makes outputs synthetic. */
export const SYNTH_MARKER = "synth-manifest.json";
export const MANIFEST_FILE = "derive-manifest.json";

export interface DeriveOptions extends SessionOptions {
  /** The chapter's derive.yaml. */
  specFile: string;
  extractDir: string;
  /** The data folder the CSVs, catalog and manifest are written into. */
  dataDir: string;
  /** A YAML file overriding parameter defaults. */
  paramsFile?: string;
  /** Compute but write nothing. */
  dryRun?: boolean;
  onProgress?: (line: string) => void;
}

export interface DeriveResult {
  outputs: ReadonlyMap<string, string>;
  manifest: DeriveManifest;
}

/** Derives every output table from the extract and (unless dryRun) writes them into the data folder. */
export async function deriveTables(options: DeriveOptions): Promise<DeriveResult> {
  const log = options.onProgress ?? (() => {});
  const spec = loadDeriveSpec(options.specFile);
  const parameters = resolveParameters(spec, options.paramsFile);
  const extractDir = path.resolve(options.extractDir);
  const files = discoverInputs(extractDir, spec);
  const provenance: DerivedProvenance = fs.existsSync(path.join(extractDir, SYNTH_MARKER)) ? "synthetic" : "derived";
  const session = await openSession(options);
  try {
    const started = performance.now();
    log("load inputs");
    const counts = await loadInputs(session, spec, files);
    const loadSeconds = Math.round((performance.now() - started) / 10) / 100;
    await createParameterTables(session, spec, parameters);
    const stages = await runStages(session, spec, (s) => log(`stage ${s}`));
    const outputs = await readOutputs(session, spec);
    const manifest = buildManifest({ provenance, extractDir, specFile: spec.file, files, counts, parameters, duckdb: await session.version(), loadSeconds, stages, outputs });
    if (!options.dryRun) writeDataFolder(options.dataDir, spec.source[provenance], Object.values(spec.outputs).map((o) => o.catalog), provenance, outputs, manifest);
    return { outputs, manifest };
  } finally {
    session.close();
  }
}

function writeDataFolder(dataDir: string, source: { en: string; "zh-HK": string }, entries: string[], provenance: DerivedProvenance, outputs: ReadonlyMap<string, string>, manifest: DeriveManifest): void {
  const catalogFile = path.join(dataDir, "catalog.yaml");
  const shown = path.relative(process.cwd(), catalogFile) || catalogFile;
  const files = new Map(outputs);
  if (fs.existsSync(catalogFile)) files.set("catalog.yaml", markCatalog(fs.readFileSync(catalogFile, "utf8"), shown, entries, provenance, source));
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.mkdirSync(dataDir, { recursive: true });
  writeFilesAtomically(dataDir, files);
}
