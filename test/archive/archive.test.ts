/**
 * The archive: immutable versions, byte-identical rebuilds, self-describing PDFs with the data
 * attached, PDF/A copies, a safe index under concurrent runs, and `diff` between versions.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyData, DATA_DIR, makeTempDir, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  return { code, text: lines.join("\n") };
}

let out: string;
let changedData: string;
/** A copy of data/ whose edition.yaml gives `version` (the archive takes its version from there). */
const dataVersioned = (version: string, edits: Parameters<typeof copyData>[0] = {}) =>
  copyData({ ...edits, "edition.yaml": (t) => t.replace('version: "2024.1"', `version: "${version}"`) });
const archive = () => path.join(out, "archive");
const manifest = (v: string) => JSON.parse(readFileSync(path.join(archive(), v, "manifest.json"), "utf8"));

beforeAll(async () => {
  out = makeTempDir("greenbook-archive-");
  // The United States' joiners cut so far that it is no longer the largest net source.
  changedData = dataVersioned("2024.3", { "region-flows.csv": (t) => t.replace("us,5654,10186,242,302", "us,5654,5000,242,302") });
  for (const args of [
    ["--version", "2024.1"],
    ["--data", dataVersioned("2024.2")],
    ["--version", "2024.3", "--data", changedData],
    // The same data as known in March 2025: the mid-2023 population as revised in February 2024.
    ["--data", dataVersioned("2024.4"), "--as-of", "2025-03-01"],
  ]) {
    const r = await run(["archive", "--out", out, "--quiet", ...args]);
    expect(r.code, r.text).toBe(0);
  }
}, 600_000);

afterAll(() => removeDataCopies());

describe("archive", () => {
  it("stores every document, the inputs used and a manifest", () => {
    const m = manifest("2024.1");
    expect(m.version).toBe("2024.1");
    expect(m.editionVersion).toBe("2024.1");
    expect(m.buildTime).toBe("2024-01-22T00:00:00.000Z");
    expect(m.tools.chromium).toMatch(/Chrom/);
    expect(m.tools.vega).toMatch(/^\d+\.\d+/);
    expect(m.tools.vegaLite).toMatch(/^\d+\.\d+/);
    expect(m.tools.node).toBe(process.version);
    const outputs = m.outputs.map((o: { path: string }) => o.path);
    for (const lang of ["zh-HK", "en"]) for (const doc of ["chapter", "handout"]) for (const ext of ["pdf", "html"]) expect(outputs).toContain(`${lang}/${doc}.${ext}`);
    const inputs = m.inputs.map((o: { path: string }) => o.path);
    expect(inputs).toContain("inputs/data/region-flows.csv");
    expect(inputs).toContain("inputs/data/edition.yaml");
    expect(inputs.some((p: string) => p.startsWith("inputs/templates/"))).toBe(true);
    for (const f of [...m.outputs, ...m.inputs]) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(path.join(archive(), "2024.1", "inputs", "data", "region-flows.csv"), "utf8")).toBe(readFileSync(path.join(DATA_DIR, "region-flows.csv"), "utf8"));
    expect(readdirSync(archive()).filter((n) => n.startsWith(".tmp"))).toEqual([]);
  });

  it("refuses to archive the same version twice and leaves it untouched", async () => {
    const before = snapshotTree(path.join(archive(), "2024.1"));
    const r = await run(["archive", "--out", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.text).toContain("version 2024.1 is already archived");
    expect(snapshotTree(path.join(archive(), "2024.1"))).toEqual(before);
  });

  it("rebuilds its archived inputs to byte-identical PDFs", async () => {
    const pdfs = (v: string) => Object.fromEntries(manifest(v).outputs.filter((o: { path: string }) => /(chapter|handout)\.pdf$/.test(o.path)).map((o: { path: string; sha256: string }) => [o.path, o.sha256]));
    expect(Object.keys(pdfs("2024.1")).length).toBe(4);
    const inputs = path.join(archive(), "2024.1", "inputs");
    const rebuilt = makeTempDir("greenbook-rebuild-");
    const r = await run(["build", "--data", path.join(inputs, "data"), "--templates", path.join(inputs, "templates"), "--out", rebuilt, "--quiet"]);
    expect(r.code, r.text).toBe(0);
    for (const [rel, sha] of Object.entries(pdfs("2024.1"))) expect(createHash("sha256").update(readFileSync(path.join(rebuilt, rel))).digest("hex"), rel).toBe(sha);
  }, 300_000);

  it("stamps every page and PDF with the archive's version (F2)", () => {
    const pdf = path.join(archive(), "2024.2", "en", "chapter.pdf");
    expect(manifest("2024.2")).toMatchObject({ version: "2024.2", editionVersion: "2024.2" });
    expect(execFileSync("pdfinfo", ["-custom", pdf], { encoding: "utf8" })).toMatch(/GreenbookVersion:\s*2024\.2/);
    expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })).toContain(`v2024.2 · data ${manifest("2024.2").dataHash.slice(0, 7)}`);
  });

  it("lists the versions in index.json and index.html", () => {
    const index = JSON.parse(readFileSync(path.join(archive(), "index.json"), "utf8"));
    expect(index.versions.map((v: { version: string }) => v.version)).toEqual(expect.arrayContaining(["2024.1", "2024.2", "2024.3"]));
    const html = readFileSync(path.join(archive(), "index.html"), "utf8");
    expect(html).toContain('href="2024.1/en/chapter.pdf"');
    expect(html).toContain("2024-01-22");
  });

  it("makes self-describing PDFs: metadata, version stamp, attached data", () => {
    const pdf = path.join(archive(), "2024.1", "en", "chapter.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Brain Drain, Brain Gain, and the Future of Hong Kong: Evidence from LinkedIn Profiles/);
    expect(info).toMatch(/Author:\s+Alan Kwan; Heiwai Tang; 王柏林/);
    expect(info).toMatch(/Subject:\s+Hong Kong Economic Policy Green Paper 2024/);
    expect(info).toMatch(/Keywords:\s+Hong Kong/);
    expect(info).toMatch(/CreationDate:\s+Mon Jan 22 00:00:00 2024 UTC/);
    const custom = execFileSync("pdfinfo", ["-custom", pdf], { encoding: "utf8" });
    expect(custom).toMatch(/GreenbookVersion:\s*2024\.1/);
    expect(custom).toMatch(new RegExp(`GreenbookDataHash:\\s*${manifest("2024.1").dataHash}`));
    const xmp = execFileSync("pdfinfo", ["-meta", pdf], { encoding: "utf8" });
    expect(xmp).toContain("<greenbook:version>2024.1</greenbook:version>");
    expect(xmp).toContain("<rdf:li>en</rdf:li>");
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain(`v2024.1 · data ${manifest("2024.1").dataHash.slice(0, 7)}`);
    const attached = execFileSync("pdfdetach", ["-list", pdf], { encoding: "utf8" });
    for (const f of ["region-flows.csv", "edition.yaml", "catalog.yaml", "population.csv"]) expect(attached).toContain(f);
  });

  it("adds PDF/A-2b copies only when they keep fonts embedded and text extractable", async () => {
    const r = await run(["archive", "--out", out, "--data", dataVersioned("2024.1-pdfa"), "--pdfa", "--quiet"]);
    if (r.code !== 0) {
      // Debian's Ghostscript 10.00 garbles the Unicode mapping of CJK fonts: the check refuses the copy.
      expect(r.text).toContain("the PDF/A copy lost text");
      expect(r.text).toContain("nothing was archived");
      expect(existsSync(path.join(archive(), "2024.1-pdfa"))).toBe(false);
      expect(readdirSync(archive()).filter((n) => n.startsWith(".tmp"))).toEqual([]);
      return;
    }
    const pdfa = path.join(archive(), "2024.1-pdfa", "zh-HK", "chapter.pdfa.pdf");
    const xmp = execFileSync("pdfinfo", ["-meta", pdfa], { encoding: "utf8" });
    expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    const fonts = execFileSync("pdffonts", [pdfa], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    for (const line of fonts) expect(line).not.toMatch(/Type 3/);
    expect(execFileSync("pdftotext", [pdfa, "-"], { encoding: "utf8" }).replace(/\s+/g, "")).toContain("人才得失與香港前景");
  }, 300_000);
});

describe("diff", () => {
  it("names the changed row, the statistics it moved and the claim that flipped", async () => {
    const r = await run(["diff", "2024.1", "2024.3", "--out", out]);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain("~ region-flows.csv [us]: join 10186 → 5000");
    expect(r.text).toContain("regions.rows[us].join: 10186 → 5000");
    expect(r.text).toContain("regions.rows[us].net: 4532 → -654");
    expect(r.text).toContain("us-largest-net-source: true → false");
    expect(r.text).toMatch(/en before: .*United States/);
    const json = JSON.parse((await run(["diff", "2024.1", "2024.3", "--out", out, "--json"])).text);
    expect(json.rows).toEqual([{ file: "region-flows.csv", key: "us", kind: "changed", cells: { join: ["10186", "5000"] } }]);
    expect(json.claims.map((c: { id: string }) => c.id)).toContain("us-largest-net-source");
    expect(json.pages.length).toBe(4);
  });

  it("reports nothing between identical inputs", async () => {
    const json = JSON.parse((await run(["diff", "2024.1", "2024.2", "--out", out, "--json"])).text);
    expect(json.rows).toEqual([]);
    expect(json.stats).toEqual([]);
    expect(json.claims).toEqual([]);
  });

  it("shows what a later vintage of the same data changes: the revised population and the flipped claim", async () => {
    expect(manifest("2024.1").asOf).toBe("2024-01-22");
    expect(manifest("2024.4").asOf).toBe("2025-03-01");
    const text = (v: string) => execFileSync("pdftotext", [path.join(archive(), v, "en", "chapter.pdf"), "-"], { encoding: "utf8" }).replace(/\u00ad/g, "").replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2").replace(/\s+/g, " ");
    expect(text("2024.1")).toContain("climbed back to 7.50 million (a provisional estimate), regaining almost all of the loss");
    expect(text("2024.4")).toContain("climbed back to 7.54 million by mid-2023, about the same as before the pandemic");
    expect(text("2024.4")).toMatch(/latest population estimate\. First published: 7\.50 million\. This edition: 7\.54 million\. Reason: revised official data/);
    const r = await run(["diff", "2024.1", "2024.4", "--out", out]);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain("data as of: 2024-01-22 → 2025-03-01");
    expect(r.text).toMatch(/population\.latest\.value: 7498100 → 7536100/);
    expect(r.text).toContain("population-recovered: almost → same");
    const json = JSON.parse((await run(["diff", "2024.1", "2024.4", "--out", out, "--json"])).text);
    expect(json.rows).toEqual([]);
  });

  it("fails clearly for a version that does not exist", async () => {
    const r = await run(["diff", "2024.1", "nope", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.text).toContain('no archived version "nope"');
  });
});

describe("concurrent archive runs", () => {
  it("two versions at once both land and both are in the index", async () => {
    const dir = makeTempDir("greenbook-archive-race-");
    const [a, b] = await Promise.all([
      run(["archive", "--out", dir, "--data", dataVersioned("a"), "--quiet"]),
      run(["archive", "--out", dir, "--data", dataVersioned("b"), "--quiet"]),
    ]);
    expect(a.code, a.text).toBe(0);
    expect(b.code, b.text).toBe(0);
    const index = JSON.parse(readFileSync(path.join(dir, "archive", "index.json"), "utf8"));
    expect(index.versions.map((v: { version: string }) => v.version).sort()).toEqual(["a", "b"]);
    expect(readdirSync(path.join(dir, "archive")).sort()).toEqual(["a", "b", "index.html", "index.json"]);
  }, 300_000);

  it("the same version at once: one lands, the other is refused", async () => {
    const dir = makeTempDir("greenbook-archive-race-");
    const results = await Promise.all([run(["archive", "--out", dir, "--quiet"]), run(["archive", "--out", dir, "--quiet"])]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(results.find((r) => r.code === 1)!.text).toContain("version 2024.1 is already archived");
    expect(readdirSync(path.join(dir, "archive")).sort()).toEqual(["2024.1", "index.html", "index.json"]);
  }, 300_000);
});
