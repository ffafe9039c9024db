/**
 * The proofreader on the shipped chapter: a report for all four printed documents, page numbers
 * within each PDF (folios from the edition's start page); its settings validated with file:line;
 * and the gate: with proof.failOnErrors on, an error stops the build and nothing is written.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildEdition } from "../../src/pipeline/build-edition.ts";
import { DataError, ProofError } from "../../src/errors.ts";
import { chapter, loadData } from "../helpers/chapter.ts";
import { copyData, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(() => removeDataCopies());

describe("proofreading the shipped chapter", () => {
  it("reports on all four documents, every finding on a page of its PDF", async () => {
    const out = makeTempDir("greenbook-proof-");
    const result = await buildEdition({ chapter, outDir: out, write: false });
    expect(readdirSync(out)).toEqual([]);
    expect(result.proof.documents.map((d) => d.document)).toEqual(["en/chapter", "en/handout", "zh-HK/chapter", "zh-HK/handout"]);
    // The shipped edition has the gate on, and its pages pass it: no layout error in either edition.
    expect(result.proof.failOnErrors).toBe(true);
    expect(result.proof.documents.flatMap((d) => d.findings.filter((f) => f.severity === "error").map((f) => `${d.document} p${f.page} ${f.rule}: ${f.excerpt}`))).toEqual([]);
    for (const d of result.proof.documents) {
      const pdf = result.files.find((f) => f.format === "pdf" && `${f.lang}/${f.document}` === d.document)!;
      expect(d.pages).toBe(pdf.pages);
      for (const f of d.findings) {
        expect(f.page).toBeGreaterThanOrEqual(1);
        expect(f.page).toBeLessThanOrEqual(d.pages);
        // Chapters carry the book's folios; the one-page handouts have none.
        expect(f.folio).toBe(d.document.endsWith("/chapter") ? result.dataset.edition.startPage + f.page - 1 : undefined);
        expect(f.message).not.toBe("");
      }
    }
  }, 900_000);

  it("refuses settings it cannot use, at their line in edition.yaml", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  failOnErrors: true\n", "  failOnErrors: true\n  pageFill: 0.8\n").replace("    split-box:\n", "    widow: { minLines: 0 }\n    split-box:\n") });
    let error: unknown;
    try {
      loadData(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataError);
    const problems = (error as DataError).problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.column}: ${p.message}`);
    expect(problems.some((p) => /^edition\.yaml:\d+ proof\.pageFill: /.test(p))).toBe(true);
    expect(problems.some((p) => /^edition\.yaml:\d+ proof\.rules\.widow\.minLines: .*at least 1 line/.test(p))).toBe(true);
  });

  it("with proof.failOnErrors on, an error stops the build: ProofError naming the page, nothing written", async () => {
    // Every page but the last is less than 100% full: page-fill fires as an error whatever the typesetting.
    const dir = copyData({ "edition.yaml": (t) => t.replace("  failOnErrors: true\n  rules:\n", "  failOnErrors: true\n  rules:\n    page-fill: { minFill: 1, severity: error, whenNextCannotFit: error }\n") });
    const out = makeTempDir("greenbook-proof-out-");
    const build = buildEdition({ chapter, dataDir: dir, outDir: out, langs: ["en"], documents: ["chapter"] });
    await expect(build).rejects.toBeInstanceOf(ProofError);
    await expect(build).rejects.toThrow(/nothing was written\n.*\n {2}en\/chapter \(\d+ pages\): [1-9]\d* errors?[\s\S]*\n {4}p\. 172 \(PDF 1\)\n {6}error page-fill: page \d+% full/);
    expect(readdirSync(out)).toEqual([]);
  }, 900_000);
});
