/**
 * The record a derivation leaves beside its outputs (derive-manifest.json): which input files
 * (hash, size, rows per table), which parameters, which engine, how long each stage took, and
 * the hash of every file written.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { InputFiles } from "./discover-inputs.ts";
import type { LoadedCounts } from "./load-inputs.ts";
import type { DerivedProvenance } from "./mark-catalog.ts";
import type { Parameters } from "./resolve-parameters.ts";
import type { StageTiming } from "./run-stages.ts";

export interface DeriveManifest {
  provenance: DerivedProvenance;
  extract: string;
  spec: string;
  inputs: Record<string, { rows: number; files: { file: string; bytes: number; sha256: string }[] }>;
  parameters: Parameters;
  engine: { duckdb: string; "@duckdb/node-api": string; node: string };
  load: { seconds: number };
  stages: StageTiming[];
  outputs: Record<string, string>;
}

/** SHA-256 of a file, read in chunks (extract files can be gigabytes). */
export function hashFile(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "r");
  const buffer = Buffer.alloc(1 << 20);
  try {
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

export function nodeApiVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@duckdb/node-api/package.json") as { version: string }).version;
}

export interface ManifestParts {
  provenance: DerivedProvenance;
  extractDir: string;
  specFile: string;
  files: InputFiles;
  counts: LoadedCounts;
  parameters: Parameters;
  duckdb: string;
  loadSeconds: number;
  stages: StageTiming[];
  outputs: ReadonlyMap<string, string>;
}

/** Builds the manifest (hashing every input file). */
export function buildManifest(parts: ManifestParts): DeriveManifest {
  const inputs: DeriveManifest["inputs"] = {};
  for (const [table, files] of Object.entries(parts.files)) {
    inputs[table] = {
      rows: parts.counts[table] ?? 0,
      files: files.map((f) => ({ file: path.relative(parts.extractDir, f.path), bytes: fs.statSync(f.path).size, sha256: hashFile(f.path) })),
    };
  }
  const outputs = Object.fromEntries([...parts.outputs].map(([name, text]) => [name, createHash("sha256").update(text).digest("hex")]));
  return {
    provenance: parts.provenance,
    extract: parts.extractDir,
    spec: parts.specFile,
    inputs,
    parameters: parts.parameters,
    engine: { duckdb: parts.duckdb, "@duckdb/node-api": nodeApiVersion(), node: process.version },
    load: { seconds: parts.loadSeconds },
    stages: parts.stages,
    outputs,
  };
}
