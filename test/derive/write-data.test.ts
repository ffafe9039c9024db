/** What derive writes into a data folder: the chapter's CSVs, the catalog marked derived, the manifest; nothing else. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "../../src/cli/main.ts";
import { copyData, snapshotTree } from "../helpers/data-copy.ts";
import { writeExtract } from "./helpers/extract.ts";
import { extractOf } from "./helpers/people.ts";

const HK = "Hong Kong";
const DERIVED = ["linkedin-totals.csv", "profile.csv", "region-flows.csv", "transitions.csv", "age-flows.csv", "mnc-growth.csv", "city-ranks.csv"];

describe("derive writes the data folder", () => {
  it("replaces the LinkedIn CSVs, marks their catalog entries derived, adds the manifest, and leaves every other file alone", async () => {
    const dir = await writeExtract(extractOf([{ id: 1, pre: HK, post: HK }, { id: 2, pre: "Japan", post: HK }]), { format: "parquet" });
    const data = copyData();
    const before = snapshotTree(data);
    const code = await main(["derive", "--panel", dir, "--data", data, "--threads", "1", "--quiet"], { stdout: () => {}, stderr: (l) => console.error(l) });
    expect(code).toBe(0);
    const after = snapshotTree(data);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    expect(changed).toEqual([...DERIVED, "catalog.yaml", "derive-manifest.json"].sort());
    expect(fs.readFileSync(path.join(data, "linkedin-totals.csv"), "utf8")).toBe("group,count\nstayed,1\njoined,1\nleft,0\n");
    const catalog = parse(fs.readFileSync(path.join(data, "catalog.yaml"), "utf8")) as Record<string, { provenance: string; source: { en: string } }>;
    expect(catalog["region-flows"]!.provenance).toBe("derived");
    expect(catalog["region-flows"]!.source.en).toMatch(/^Derived by greenbook from a Revelio Labs extract/);
    expect(catalog.population!.provenance).toBe("official");
    const manifest = JSON.parse(fs.readFileSync(path.join(data, "derive-manifest.json"), "utf8"));
    expect(manifest.inputs.positions.files[0].file).toBe("positions/part-0.parquet");
    expect(manifest.inputs.positions.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.parameters.pre_date).toBe("2019-12-01");
    expect(manifest.engine.duckdb).toMatch(/^v1\./);
  });
});
