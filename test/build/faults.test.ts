/**
 * Faults mid-build: a browser that crashes while printing is restarted and the document tried
 * once more, then the build fails clearly; a layout that never finishes times out naming the
 * document; a failed write leaves the previous outputs intact; two builds into one output folder
 * are serialised by a lock.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as nodeFs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import type { WriteEffects } from "../../src/output/output-writer.ts";
import { BuildEngine, type BuildOptions } from "../../src/pipeline/build-edition.ts";
import type { ProgressEvent, Reporter } from "../../src/pipeline/progress.ts";
import { chapter, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { DATA_DIR, makeTempDir, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

afterAll(() => removeDataCopies());

/** An output folder holding a previous build's files. */
function previousOutput(): string {
  const out = makeTempDir("greenbook-faults-");
  mkdirSync(path.join(out, "en"), { recursive: true });
  writeFileSync(path.join(out, "en", "chapter.pdf"), "previous PDF");
  writeFileSync(path.join(out, "en", "chapter.html"), "previous HTML");
  return out;
}

function options(out: string, extra: Partial<BuildOptions> = {}): BuildOptions {
  return { chapter, dataDir: DATA_DIR, templatesDir: TEMPLATES_DIR, outDir: out, langs: ["en"], documents: ["chapter"], cacheDir: false, ...extra };
}

/** A reporter that kills the engine's browser whenever a print starts (at most `times` times). */
function killOnPrint(engineRef: { engine?: BuildEngine }, times: number, lines: string[]): Reporter {
  let kills = 0;
  return {
    event: (e: ProgressEvent) => {
      if (e.stage === "print" && e.state === "start" && kills < times) {
        kills++;
        const pid = engineRef.engine?.browserPid;
        if (pid) process.kill(pid, "SIGKILL");
      }
    },
    line: (t) => lines.push(t),
    finish: () => undefined,
  };
}

it("restarts a browser that crashed during a print and finishes the build", async () => {
  const out = makeTempDir("greenbook-faults-");
  const lines: string[] = [];
  const ref: { engine?: BuildEngine } = {};
  ref.engine = new BuildEngine(options(out, { reporter: killOnPrint(ref, 1, lines) }));
  try {
    const result = await ref.engine.build();
    expect(result.files.map((f) => path.basename(f.path)).sort()).toEqual(["chapter.html", "chapter.pdf"]);
    expect(lines.join("\n")).toContain("en/chapter: the browser crashed");
  } finally {
    await ref.engine.close();
  }
}, 180_000);

it("fails clearly when the browser crashes twice, leaving no partial file", async () => {
  const out = previousOutput();
  const before = snapshotTree(out);
  const ref: { engine?: BuildEngine } = {};
  ref.engine = new BuildEngine(options(out, { reporter: killOnPrint(ref, 2, []) }));
  try {
    await expect(ref.engine.build()).rejects.toThrow(/en\/chapter: the browser crashed twice while building this document; nothing was written/);
  } finally {
    await ref.engine.close();
  }
  expect(snapshotTree(out)).toEqual(before);
}, 180_000);

it("times out a layout that does not finish, naming the document", async () => {
  const out = previousOutput();
  const before = snapshotTree(out);
  const engine = new BuildEngine(options(out, { printTimeoutMs: 200 }));
  try {
    await expect(engine.build()).rejects.toThrow("en/chapter: layout did not finish within 0 s");
  } finally {
    await engine.close();
  }
  expect(snapshotTree(out)).toEqual(before);
}, 180_000);

it.each([
  ["a write", "writeFileSync"],
  ["a rename into place", "renameSync"],
] as const)("leaves the previous outputs intact when %s fails", async (_what, op) => {
  const out = previousOutput();
  const before = snapshotTree(out);
  let calls = 0;
  const failing: WriteEffects = {
    ...nodeFs,
    [op]: (...args: unknown[]) => {
      // Fail part-way: the second call, after one file has already gone through.
      if (++calls === 2) throw Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
      return (nodeFs[op] as (...a: unknown[]) => unknown)(...args);
    },
  } as WriteEffects;
  const engine = new BuildEngine(options(out, { fs: failing }));
  try {
    await expect(engine.build()).rejects.toThrow(/cannot write to the output folder .*EROFS.*the previous outputs are untouched/);
  } finally {
    await engine.close();
  }
  expect(snapshotTree(out)).toEqual(before);
}, 180_000);

it("serialises two builds into the same output folder", async () => {
  const out = makeTempDir("greenbook-faults-");
  const lines: string[] = [];
  const reporter: Reporter = { event: () => undefined, line: (t) => lines.push(t), finish: () => undefined };
  const a = new BuildEngine(options(out, { reporter }));
  const b = new BuildEngine(options(out, { reporter }));
  try {
    const [ra, rb] = await Promise.all([a.build(), b.build()]);
    expect(ra.files.length).toBe(2);
    expect(rb.files.length).toBe(2);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  expect(lines.some((l) => l.startsWith("waiting for another build"))).toBe(true);
  expect(Object.keys(snapshotTree(out)).filter((f) => !f.endsWith("/")).sort()).toEqual(["en/chapter.html", "en/chapter.pdf"]);
}, 240_000);
