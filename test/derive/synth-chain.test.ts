/**
 * synth --seed 1 → derive → the chapter's statistics: the derived LinkedIn tables equal the
 * published ones (Table 1 at printed precision), the reproduction report is unchanged, and the
 * outputs do not depend on row order, file splits or the thread count. The same seed gives the
 * same bytes.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { openSession, sqlString } from "../../src/derive/session.ts";
import { reproduce } from "../../src/reproduce/reproduction-report.ts";
import { chapter, computeStats, loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, DATA_DIR, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";
import { deriveExtract, tempDir } from "./helpers/extract.ts";

const quiet = { stdout: () => {}, stderr: (l: string) => console.error(l) };
let extract: string;
let data: string;

beforeAll(async () => {
  extract = tempDir("synth-");
  expect(await main(["synth", "--seed", "1", "--out", extract, "--targets", DATA_DIR], quiet)).toBe(0);
  data = copyData();
  expect(await main(["derive", "--panel", extract, "--data", data, "--threads", "2", "--quiet"], quiet)).toBe(0);
}, 180_000);
afterAll(() => removeDataCopies());

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

describe("synth --seed 1 → derive", () => {
  it("reproduces the totals, Tables 2 and 3 and Figures 1 and 3 cell for cell", () => {
    for (const file of ["linkedin-totals.csv", "region-flows.csv", "transitions.csv", "age-flows.csv", "mnc-growth.csv"]) expect(read(data, file), file).toBe(read(DATA_DIR, file));
  });

  it("reproduces Table 1's means and t statistics at printed precision", () => {
    const published = loadDataset(DATA_DIR).tables.profile;
    const derived = loadDataset(data);
    const stats = computeStats(derived);
    for (const p of published) {
      const d = stats.profile.rows.find((r) => r.id === p.row)!;
      const round = (v: number) => v.toFixed(p.decimals);
      expect([round(d.joiner), round(d.leaver)], p.row).toEqual([round(p.joiner), round(p.leaver)]);
      if (p.t !== undefined) expect([d.tSource, d.t!.toFixed(2)], p.row).toEqual(["welch", p.t.toFixed(2)]);
    }
  });

  it("leaves the reproduction report as it is for the published data, and marks the LinkedIn series synthetic", () => {
    const derived = loadDataset(data);
    const original = loadDataset(DATA_DIR);
    const summary = (d: typeof derived) => reproduce(computeStats(d), d.published, chapter.reproducible).map((r) => `${r.id} ${r.matches} ${r.rounded}`);
    expect(summary(derived)).toEqual(summary(original));
    for (const name of ["linkedin-totals", "profile", "region-flows", "transitions", "age-flows", "mnc-growth", "city-ranks"]) expect(derived.catalog[name]!.provenance, name).toBe("synthetic");
    for (const name of ["population", "rhq"]) expect(derived.catalog[name]!.provenance).toBe(original.catalog[name]!.provenance);
    expect(read(data, "published.csv")).toBe(read(DATA_DIR, "published.csv"));
    const manifest = JSON.parse(read(data, "derive-manifest.json"));
    expect(manifest.provenance).toBe("synthetic");
    expect(manifest.inputs.positions.rows).toBeGreaterThan(400_000);
    expect(manifest.stages.map((s: { stage: string }) => s.stage)).toContain("stages/06-profile.sql");
  });

  it("gives byte-identical extract files for the same seed", async () => {
    const again = tempDir("synth-");
    expect(await main(["synth", "--seed", "1", "--out", again, "--targets", DATA_DIR], quiet)).toBe(0);
    expect(snapshotTree(again)).toEqual(snapshotTree(extract));
  });

  it("gives byte-identical outputs when rows are permuted, files split and the thread count changed", async () => {
    const shuffled = tempDir("shuffled-");
    const session = await openSession({ threads: 2 });
    try {
      for (const table of ["individual_position", "individual_user", "individual_user_education"]) {
        fs.mkdirSync(path.join(shuffled, table));
        const source = sqlString(path.join(extract, table, `${table}_0000_part_00.parquet`));
        for (let part = 0; part < 3; part++) {
          const out = sqlString(path.join(shuffled, table, `part-${part}.parquet`));
          await session.run(`COPY (SELECT * FROM read_parquet(${source}) WHERE hash(user_id) % 3 = ${part} ORDER BY hash(user_id * 7919 + ${part})) TO ${out} (FORMAT parquet)`);
        }
      }
    } finally {
      session.close();
    }
    fs.copyFileSync(path.join(extract, "school-ranks.csv"), path.join(shuffled, "school-ranks.csv"));
    const split = await deriveExtract(shuffled, undefined, 1);
    for (const [file, text] of split.outputs) expect(text, file).toBe(read(data, file));
  });
}, 180_000);
