/**
 * Regression test for F10 of the attack report: the PDF's attached data snapshot (and the
 * archive's inputs/) were re-read from disk at the end of the build, so a data file changed during
 * the build was attached unvalidated while the pages printed the old numbers and the old data hash.
 * Both now come from the bytes that were read once, validated and hashed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { copyInputs } from "../../src/archive/archive-edition.ts";
import { dataAttachments } from "../../src/documents/build-chapter.ts";
import { sha256 } from "../../src/io/hash.ts";
import { loadData, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { copyData, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

it("F10 a data file changed after validation: the attachments and the archived inputs hold what was validated", () => {
  const dir = copyData();
  const file = path.join(dir, "labels.csv");
  const validated = readFileSync(file);
  const dataset = loadData(dir);
  writeFileSync(file, validated.toString("utf8").replace("region:us,United States,", "region:us,TAMPERED AFTER VALIDATION,"));

  const attached = dataAttachments(dataset).find((a) => a.name === "labels.csv")!;
  expect(Buffer.from(attached.bytes).equals(validated)).toBe(true);
  expect(Buffer.from(attached.bytes).toString("utf8")).not.toContain("TAMPERED");
  expect(dataset.files.find((f) => f.name === "labels.csv")!.sha256).toBe(sha256(validated));

  const archive = makeTempDir("greenbook-toctou-");
  copyInputs(dataset.files, TEMPLATES_DIR, archive);
  expect(readFileSync(path.join(archive, "inputs", "data", "labels.csv")).equals(validated)).toBe(true);
});
