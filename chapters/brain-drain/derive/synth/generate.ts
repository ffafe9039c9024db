/**
 * `greenbook synth` for this chapter: a seeded Revelio-shaped extract whose derived tables
 * reproduce the published totals and Tables 2-3 exactly, Table 1 at printed precision, and
 * the illustrative Figure 3 exactly, and Table 4's ranks with its users at a reduced scale
 * (synth.yaml cities.scale; synth-manifest.json lists each city's users). The CLI loads this
 * file dynamically from the chapter folder.
 *
 *   data/ (published tables) + synth.yaml ──readTargets──▶ targets
 *   targets + seed ──buildPeople──▶ persons ──buildPanelRows──▶ rows ──writeParquet──▶ extract/
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SYNTH_MARKER } from "../../../../src/derive/derive-tables.ts";
import { openSession } from "../../../../src/derive/session.ts";
import { onProcessExit } from "../../../../src/io/exit-cleanup.ts";
import { writeParquet } from "../../../../src/derive/synth/write-parquet.ts";
import { buildPeople } from "./build-people.ts";
import { buildPanelRows, EDUCATION_COLUMNS, POSITION_COLUMNS, schoolRanksCsv, USER_COLUMNS } from "./panel-rows.ts";
import { readTargets } from "./read-targets.ts";

export interface GenerateOptions {
  seed: number;
  outDir: string;
  /** The data folder holding the published tables to calibrate to. */
  targetsDir: string;
  /** Aborting it stops the generator; outDir is then left as it was. */
  signal?: AbortSignal;
}

export interface GenerateReport {
  files: string[];
  rows: Record<string, number>;
}

/**
 * Writes the extract into outDir (created; existing extract files are replaced). Everything is
 * written into a staging folder inside outDir first and moved into place at the end, the marker
 * first: an interrupted run leaves outDir as it was, and never a part-extract without its marker
 * (which derive would take for real data).
 */
export async function generatePanel(options: GenerateOptions): Promise<GenerateReport> {
  const targets = readTargets(options.targetsDir);
  const people = buildPeople(targets, options.seed);
  const firms = targets.tables.mncGrowth.reduce((s, b) => s + b.companies, 0);
  const rows = buildPanelRows(targets, people, firms);
  options.signal?.throwIfAborted();
  fs.mkdirSync(options.outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(options.outDir, ".synth-staging-"));
  const removeStaging = () => fs.rmSync(staging, { recursive: true, force: true });
  const unregister = onProcessExit(removeStaging);
  const names: string[] = [];
  const counts: Record<string, number> = {};
  try {
    const session = await openSession({ threads: 1, preserveOrder: true, signal: options.signal });
    try {
      for (const [folder, columns, data] of [
        ["individual_position", POSITION_COLUMNS, rows.positions],
        ["individual_user", USER_COLUMNS, rows.users],
        ["individual_user_education", EDUCATION_COLUMNS, rows.education],
      ] as const) {
        fs.mkdirSync(path.join(staging, folder));
        counts[folder] = await writeParquet(session, path.join(staging, folder, `${folder}_0000_part_00.parquet`), columns, data);
        names.push(folder);
      }
      fs.writeFileSync(path.join(staging, "school-ranks.csv"), schoolRanksCsv(1500));
      names.push("school-ranks.csv");
      const version = await session.version();
      const targetHash = createHash("sha256");
      for (const name of ["linkedin-totals.csv", "region-flows.csv", "transitions.csv", "profile.csv", "age-flows.csv", "mnc-growth.csv", "city-ranks.csv"]) targetHash.update(fs.readFileSync(path.join(options.targetsDir, name)));
      const table4 = { scale: targets.choices.cities.scale, users: rows.usersPerCity };
      const manifest = { synthetic: true, seed: options.seed, targets: targetHash.digest("hex"), choices: targets.choices, table4, rows: counts, duckdb: version };
      fs.writeFileSync(path.join(staging, SYNTH_MARKER), `${JSON.stringify(manifest, null, 2)}\n`);
    } finally {
      session.close();
    }
    options.signal?.throwIfAborted();
    for (const name of [SYNTH_MARKER, ...names]) {
      const target = path.join(options.outDir, name);
      fs.rmSync(target, { recursive: true, force: true });
      fs.renameSync(path.join(staging, name), target);
    }
  } finally {
    removeStaging();
    unregister();
  }
  const files = names.map((name) => (name.endsWith(".csv") ? path.join(options.outDir, name) : path.join(options.outDir, name, `${name}_0000_part_00.parquet`)));
  return { files: [...files, path.join(options.outDir, SYNTH_MARKER)], rows: counts };
}
