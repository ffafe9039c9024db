/**
 * `greenbook watch`: after a data edit and after a template edit it rebuilds what the edit
 * affects; the new HTML is handed over from memory as soon as it is rendered, and the output
 * folder changes only when the whole build succeeds; a broken save reports the error and leaves
 * the last good outputs as they were.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { watchEdition, type WatchReport, type Watcher } from "../../src/pipeline/watch-edition.ts";
import { chapter, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { copyData, makeTempDir, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

let watcher: Watcher;
let data: string;
let templates: string;
let out: string;
const reports: WatchReport[] = [];
/** The HTML handed over from memory by each build, with what the output folder held at that moment. */
const htmls: { files: ReadonlyMap<string, Uint8Array>; outputThen: Record<string, string> }[] = [];
let waiting: ((r: WatchReport) => void) | undefined;
/** The outputs a reader sees: the build's lock file and its hidden staging folder (renamed into place at commit) aside. */
const visible = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([rel]) => !rel.startsWith(".")));
const nextBuild = () => new Promise<WatchReport>((resolve) => (waiting = resolve));

beforeAll(async () => {
  data = copyData();
  templates = makeTempDir("greenbook-templates-");
  cpSync(TEMPLATES_DIR, templates, { recursive: true });
  out = makeTempDir("greenbook-watch-out-");
  watcher = watchEdition({
    chapter,
    dataDir: data,
    templatesDir: templates,
    outDir: out,
    documents: ["chapter"],
    cacheDir: false,
    debounceMs: 50,
    onHtml: (files) => htmls.push({ files, outputThen: visible(snapshotTree(out)) }),
    onBuild: (r) => {
      reports.push(r);
      waiting?.(r);
    },
  });
  const first = await watcher.ready;
  expect(first.ok, first.error).toBe(true);
}, 240_000);

afterAll(async () => {
  await watcher?.close();
  removeDataCopies();
});

it("rebuilds both chapters after a data edit to Table 2, reusing no print", async () => {
  const before = visible(snapshotTree(out));
  const handed = htmls.length;
  const built = nextBuild();
  const file = path.join(data, "region-flows.csv");
  writeFileSync(file, readFileSync(file, "utf8").replace("us,5654,10186,242,302", "us,5654,10286,242,302"));
  const r = await built;
  expect(r.ok, r.error).toBe(true);
  expect(r.rebuilt.sort()).toEqual(["en/chapter.html", "en/chapter.pdf", "zh-HK/chapter.html", "zh-HK/chapter.pdf"]);
  expect(readFileSync(path.join(out, "en", "chapter.html"), "utf8")).toContain("10,286");
  // The new HTML came from memory before the PDFs, while the output folder still held the last build.
  expect(htmls).toHaveLength(handed + 1);
  const { files, outputThen } = htmls.at(-1)!;
  expect([...files.keys()].sort()).toEqual(["en/chapter.html", "zh-HK/chapter.html"]);
  expect(outputThen).toEqual(before);
  for (const [rel, bytes] of files) expect(Buffer.from(bytes).equals(readFileSync(path.join(out, rel))), rel).toBe(true);
}, 120_000);

it("rebuilds only the English chapter after an English template edit", async () => {
  const built = nextBuild();
  const file = path.join(templates, "en", "chapter", "07-effects.md");
  writeFileSync(file, `${readFileSync(file, "utf8")}\nA sentence added while watching.\n`);
  const r = await built;
  expect(r.ok, r.error).toBe(true);
  expect(r.rebuilt.sort()).toEqual(["en/chapter.html", "en/chapter.pdf"]);
  expect(r.reused).toEqual(["zh-HK/chapter"]);
  // English prose carries soft hyphens (U+00AD) for line breaking.
  expect(readFileSync(path.join(out, "en", "chapter.html"), "utf8").replace(/\u00ad/g, "")).toContain("A sentence added while watching.");
}, 120_000);

it("reports a broken save and keeps the last good output", async () => {
  const before = snapshotTree(out);
  const built = nextBuild();
  const file = path.join(data, "region-flows.csv");
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good.replace("us,5654,10286,242,302", "us,5654,1O286,242,302"));
  const r = await built;
  expect(r.ok).toBe(false);
  expect(r.error).toContain('region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O286"');
  expect(snapshotTree(out)).toEqual(before);
  const fixed = nextBuild();
  writeFileSync(file, good);
  expect((await fixed).ok).toBe(true);
}, 120_000);
