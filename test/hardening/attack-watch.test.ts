/**
 * Regression test for F15 of the attack report: in watch mode a build that failed at the print
 * stage, after its HTML had been rendered and handed to the preview, had already replaced
 * each `chapter.html` and left a `.staging-*` folder with a PDF, while it reported that the last good
 * outputs were unchanged. Now the HTML goes to the preview from memory and the output folder
 * changes only when the whole build succeeds.
 */
import { readdirSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { watchEdition } from "../../src/pipeline/watch-edition.ts";
import { makePreviousOutput } from "../helpers/bad-inputs.ts";
import { chapter } from "../helpers/chapter.ts";
import { copyData, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

it("F15 watch: a build failing after its HTML stage leaves the outputs as they were, with no staging folder", async () => {
  const out = makePreviousOutput();
  const before = snapshotTree(out);
  const handed: string[][] = [];
  const watcher = watchEdition({
    chapter,
    dataDir: copyData(),
    outDir: out,
    documents: ["chapter"],
    cacheDir: false,
    // No layout finishes in 1 ms: every print fails, after the chapters' HTML was rendered.
    printTimeoutMs: 1,
    onHtml: (files) => handed.push([...files.keys()].sort()),
  });
  try {
    const report = await watcher.ready;
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/chapter: .*layout did not finish within 0 s/);
    // The failure came after the HTML stage: the preview was given the new HTML, from memory.
    expect(handed).toEqual([["en/chapter.html", "zh-HK/chapter.html"]]);
  } finally {
    await watcher.close();
  }
  expect(snapshotTree(out)).toEqual(before);
  expect(readdirSync(out).filter((n) => n.startsWith(".staging-"))).toEqual([]);
}, 180_000);
