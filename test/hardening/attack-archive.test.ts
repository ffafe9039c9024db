/**
 * Regression tests for the archive failures of the attack report (F2, F11, and the manifest part
 * of F22). Publishing is tested on staged folders made here, without a build; the CLI cases fail
 * before their build starts.
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyInputs } from "../../src/archive/archive-edition.ts";
import { publishVersion, readArchive } from "../../src/archive/archive-index.ts";
import { checkVersionLabel } from "../../src/archive/archive-layout.ts";
import type { Manifest } from "../../src/archive/manifest.ts";
import { main } from "../../src/cli/main.ts";
import { ArchiveError } from "../../src/errors.ts";
import { copyData, makeTempDir, removeDataCopies, snapshotTree } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

async function run(argv: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await main(argv, { stdout: () => undefined, stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stderr };
}

const HASH = "a".repeat(64);

/** A manifest for version `v`, as archiveEdition writes one. */
function manifestFor(v: string, buildTime = "2024-01-22T00:00:00.000Z"): Manifest {
  return {
    version: v,
    editionVersion: v,
    buildTime,
    dataHash: HASH,
    tools: { greenbook: "0.1.0", node: process.version, chromium: "Chrome/156", vega: "6", vegaLite: "6", pagedjs: "0.4.3" },
    git: null,
    inputs: [{ path: "inputs/data/rhq.csv", sha256: HASH, bytes: 1 }],
    outputs: [{ path: "en/chapter.pdf", sha256: HASH, bytes: 1, pages: 12 }],
  };
}

/** A staged version folder (as a build leaves it) in `root`, with its manifest. */
function stage(root: string, v: string): { dir: string; manifest: Manifest } {
  const dir = path.join(root, `.tmp-${v}-test`);
  mkdirSync(path.join(dir, "en"), { recursive: true });
  writeFileSync(path.join(dir, "en", "chapter.pdf"), "%PDF");
  const manifest = manifestFor(v);
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  return { dir, manifest };
}

/** An archive root holding the published versions `versions`. */
async function archiveWith(...versions: string[]): Promise<string> {
  const root = path.join(makeTempDir("greenbook-archive-"), "archive");
  mkdirSync(root);
  for (const v of versions) {
    const s = stage(root, v);
    await publishVersion(root, s.dir, s.manifest);
  }
  return root;
}

const indexed = (root: string) => (JSON.parse(readFileSync(path.join(root, "index.json"), "utf8")) as { versions: { version: string }[] }).versions.map((v) => v.version);

describe("F2 version labels cannot collide with the index, its lock, or paths", () => {
  it.each(["index.lock", "index.json", "index.html", "INDEX.JSON", "index", "index.json.123.tmp"])("refuses %s as reserved", (v) => {
    expect(() => checkVersionLabel(v)).toThrow(new ArchiveError(`--version "${v}" is reserved: the archive's index files are named index.*; choose another label (e.g. 2024.1)`));
  });

  it.each(["../x", ".hidden", "a/b", "a..b", "x".repeat(65), "", "v1\u001b[2J"])("refuses %j as not a label", (v) => {
    expect(() => checkVersionLabel(v)).toThrow(/is not a valid version label/);
  });

  it.each(["2024.1", "v2", "2024.1-rc_2", "x".repeat(64), "indexes"])("accepts %s", (v) => {
    expect(checkVersionLabel(v)).toBe(v);
  });

  it("`archive --version index.lock` fails at once and creates nothing", async () => {
    const out = makeTempDir("greenbook-out-");
    const r = await run(["archive", "--version", "index.lock", "--out", out, "--quiet"]);
    expect(r).toEqual({ code: 1, stderr: [`greenbook archive: --version "index.lock" is reserved: the archive's index files are named index.*; choose another label (e.g. 2024.1)`] });
    expect(readdirSync(out)).toEqual([]);
  });

  it("`diff` validates its labels too", async () => {
    const r = await run(["diff", "../../../etc", "x", "--out", makeTempDir("greenbook-out-")]);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(/--version "\.\.\/\.\.\/\.\.\/etc" is not a valid version label/);
  });
});

describe("F2 the archived version equals the version on the pages", () => {
  it("refuses a --version other than edition.yaml's, before building", async () => {
    const out = makeTempDir("greenbook-out-");
    const t = performance.now();
    const r = await run(["archive", "--version", "v1", "--out", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      'greenbook archive: --version "v1" differs from the version "2024.1" in chapters/brain-drain/data/edition.yaml, which every page and PDF would carry; set version: "v1" in chapters/brain-drain/data/edition.yaml, or archive as 2024.1',
    ]);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("F2 publishing is all or nothing", () => {
  it("takes over a stale archive/index.lock (empty, left by a crash) and publishes with the index", async () => {
    const root = await archiveWith();
    writeFileSync(path.join(root, "index.lock"), "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, "index.lock"), old, old);
    const s = stage(root, "v1");
    await publishVersion(root, s.dir, s.manifest, 5000);
    expect(indexed(root)).toEqual(["v1"]);
    expect(readdirSync(root).sort()).toEqual(["index.html", "index.json", "v1"]);
  });

  it("does not publish when a live run holds the lock past the timeout", async () => {
    const root = await archiveWith("v1");
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
      const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
      writeFileSync(path.join(root, "index.lock"), JSON.stringify({ pid: child.pid, host: os.hostname(), since: "2026-12-01T15:00:00.000Z", start }));
      const s = stage(root, "v2");
      await expect(publishVersion(root, s.dir, s.manifest, 300)).rejects.toThrow(`another archive run (pid ${child.pid} on ${os.hostname()} since 2026-12-01T15:00:00.000Z) is writing to ${root}`);
      expect(existsSync(path.join(root, "v2"))).toBe(false);
      expect(existsSync(s.dir)).toBe(true);
      expect(indexed(root)).toEqual(["v1"]);
    } finally {
      child.kill();
    }
  });

  it("moves the version back out when the index cannot be written (index.json is a folder)", async () => {
    const root = await archiveWith("v1");
    const before = snapshotTree(path.join(root, "v1"));
    rmSync(path.join(root, "index.json"));
    mkdirSync(path.join(root, "index.json"));
    const s = stage(root, "v2");
    await expect(publishVersion(root, s.dir, s.manifest)).rejects.toThrow(new RegExp(`^cannot write the index of ${root}: .*EISDIR.*; nothing was archived$`));
    expect(existsSync(path.join(root, "v2"))).toBe(false);
    expect(existsSync(path.join(s.dir, "manifest.json"))).toBe(true);
    expect(readdirSync(root).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(snapshotTree(path.join(root, "v1"))).toEqual(before);
  });

  it("puts index.json back when index.html cannot be replaced after it (index.html is a folder)", async () => {
    const root = await archiveWith("v1");
    const index = readFileSync(path.join(root, "index.json"));
    rmSync(path.join(root, "index.html"));
    mkdirSync(path.join(root, "index.html"));
    const s = stage(root, "v2");
    await expect(publishVersion(root, s.dir, s.manifest)).rejects.toThrow(new RegExp(`^cannot write the index of ${root}: .*EISDIR.*; nothing was archived$`));
    expect(existsSync(path.join(root, "v2"))).toBe(false);
    expect(readFileSync(path.join(root, "index.json"))).toEqual(index);
    expect(indexed(root)).toEqual(["v1"]);
    expect(readdirSync(root).filter((n) => n.endsWith(".tmp") || n.endsWith(".restore"))).toEqual([]);
  });

  it("refuses a version published meanwhile, leaving the one there untouched", async () => {
    const root = await archiveWith("v1");
    const before = snapshotTree(path.join(root, "v1"));
    const s = stage(root, "v1");
    await expect(publishVersion(root, s.dir, s.manifest)).rejects.toThrow(/^version v1 is already archived in /);
    expect(snapshotTree(path.join(root, "v1"))).toEqual(before);
    expect(indexed(root)).toEqual(["v1"]);
  });
});

describe("F22 a corrupt manifest.json is reported by path", () => {
  const corruptions: [string, (m: Manifest) => string, RegExp][] = [
    ["truncated", (m) => JSON.stringify(m).slice(0, 40), /not a valid archive manifest \(.*JSON.*\)/],
    ["a wrong type", (m) => JSON.stringify({ ...m, outputs: "none" }), /not a valid archive manifest \(outputs: .*\)/],
    ["another folder's version", (m) => JSON.stringify({ ...m, version: "v9" }), /not a valid archive manifest \(it names version "v9", but its folder is v1\)/],
  ];

  it.each(corruptions)("%s: publishing another version stops before anything is published", async (_what, corrupt, message) => {
    const root = await archiveWith("v1");
    const file = path.join(root, "v1", "manifest.json");
    writeFileSync(file, corrupt(JSON.parse(readFileSync(file, "utf8")) as Manifest));
    const s = stage(root, "v2");
    await expect(publishVersion(root, s.dir, s.manifest)).rejects.toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${message.source}`));
    expect(existsSync(path.join(root, "v2"))).toBe(false);
    expect(indexed(root)).toEqual(["v1"]);
    expect(() => readArchive(root)).toThrow(ArchiveError);
  });

  it("`diff` names the corrupt manifest (exit 1, no internal error)", async () => {
    const root = await archiveWith("v1", "v2");
    writeFileSync(path.join(root, "v1", "manifest.json"), "{not json");
    const r = await run(["diff", "v1", "v2", "--out", path.dirname(root)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^greenbook diff: ${root}/v1/manifest.json: not a valid archive manifest \\(`));
  });

  it("`archive` refuses before building when a manifest is corrupt", async () => {
    const root = await archiveWith("v1");
    writeFileSync(path.join(root, "v1", "manifest.json"), "");
    const r = await run(["archive", "--out", path.dirname(root), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^greenbook archive: ${root}/v1/manifest.json: not a valid archive manifest`));
    expect(readdirSync(root).sort()).toEqual(["index.html", "index.json", "v1"]);
  });
});

describe("F22 archive --out that is a file", () => {
  it("is a clear error before building, not an internal ENOTDIR", async () => {
    const file = path.join(makeTempDir("greenbook-out-"), "hostname");
    writeFileSync(file, "x");
    const r = await run(["archive", "--out", file, "--quiet"]);
    expect(r).toEqual({ code: 1, stderr: [`greenbook archive: --out ${file} is not a folder greenbook can write to (it, or a folder above it, is a file)`] });
    expect(readFileSync(file, "utf8")).toBe("x");
  });
});

describe("F18 option values are escaped in messages", () => {
  it("a --version holding a terminal escape is shown escaped", async () => {
    const r = await run(["archive", "--version", "v1\u001b]0;PWNED\u0007", "--out", makeTempDir("greenbook-out-"), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual(['greenbook archive: --version "v1\\u{1b}]0;PWNED\\u{7}" is not a valid version label: use letters, digits, dots, dashes and underscores, at most 64, starting with a letter or digit (e.g. 2024.1)']);
  });

  it("a usage error quoting a raw option value is escaped too", async () => {
    const r = await run(["build", "--lang", "en\u001b[2J", "--out", makeTempDir("greenbook-out-")]);
    expect(r).toEqual({ code: 2, stderr: ['greenbook build: --lang must be one of zh-HK, en, got "en\\u{1b}[2J"'] });
  });
});

describe("F11 symlinked inputs are archived as bytes", () => {
  it("copies the file a data symlink points to, not the link", () => {
    const data = copyData();
    const elsewhere = path.join(makeTempDir("greenbook-elsewhere-"), "rhq.csv");
    writeFileSync(elsewhere, readFileSync(path.join(data, "rhq.csv")));
    const link = path.join(data, "rhq.csv");
    rmSync(link);
    symlinkSync(elsewhere, link);
    const templates = path.join(makeTempDir("greenbook-templates-"), "t");
    mkdirSync(templates);
    symlinkSync(elsewhere, path.join(templates, "linked.md"));
    const dir = makeTempDir("greenbook-archive-");
    copyInputs([{ name: "rhq.csv", bytes: readFileSync(link) }], templates, dir);
    for (const copy of [path.join(dir, "inputs", "data", "rhq.csv"), path.join(dir, "inputs", "templates", "linked.md")]) {
      expect(lstatSync(copy).isFile()).toBe(true);
      expect(() => readlinkSync(copy)).toThrow();
    }
    const archived = readFileSync(path.join(dir, "inputs", "data", "rhq.csv"), "utf8");
    writeFileSync(elsewhere, "changed after archiving\n");
    expect(readFileSync(path.join(dir, "inputs", "data", "rhq.csv"), "utf8")).toBe(archived);
    expect(archived).toMatch(/^year,parent,count/);
  });
});
