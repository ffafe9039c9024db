/**
 * Regression tests for the internal errors of the attack report (F22) that are not about data:
 * an absurd SOURCE_DATE_EPOCH and a corrupt stage-cache entry.
 */
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { StageCache } from "../../src/output/stage-cache.ts";
import { main } from "../../src/cli/main.ts";
import { makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

async function run(argv: string[]): Promise<{ code: number; stderr: string[]; stdout: string[] }> {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stderr, stdout };
}

describe("F22 SOURCE_DATE_EPOCH out of range", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it.each([
    ["99999999999999999999", "SOURCE_DATE_EPOCH must be at most 253402300799 (the end of the year 9999), got \"99999999999999999999\""],
    ["253402300800", "SOURCE_DATE_EPOCH must be at most 253402300799 (the end of the year 9999), got \"253402300800\""],
    ["1e9", 'SOURCE_DATE_EPOCH must be a whole number of seconds, got "1e9"'],
    ["12\u001b[2J", 'SOURCE_DATE_EPOCH must be a whole number of seconds, got "12\\u{1b}[2J"'],
  ])("%j is a usage error (exit 2) and creates no --out", async (value, message) => {
    process.env.SOURCE_DATE_EPOCH = value;
    const out = path.join(makeTempDir("greenbook-sde-"), "new");
    const r = await run(["build", "--out", out, "--quiet"]);
    expect(r.stderr).toEqual([`greenbook build: ${message}`]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe("F22 corrupt stage-cache entries are discarded, reported and rebuilt", () => {
  const setUp = () => {
    const dir = makeTempDir("greenbook-cache-");
    const first = new StageCache(dir, "salt");
    first.set("pdf", "k", Buffer.from("%PDF-1.7 a whole printed document %%EOF"));
    first.setJson("pdfmeta", "k", { pages: 12 });
    return dir;
  };
  const entry = (dir: string, kind: string) => path.join(dir, readdirSync(dir).find((n) => n.startsWith(`${kind}-`))!);

  it("reads back what it wrote, across instances", () => {
    const dir = setUp();
    const again = new StageCache(dir, "salt");
    expect(Buffer.from(again.get("pdf", "k")!).toString()).toBe("%PDF-1.7 a whole printed document %%EOF");
    expect(again.getJson("pdfmeta", "k")).toEqual({ pages: 12 });
  });

  it("a truncated PDF entry is a miss, removed and reported", () => {
    const dir = setUp();
    const file = entry(dir, "pdf");
    truncateSync(file, 40);
    const told: string[] = [];
    const cache = new StageCache(dir, "salt", (m) => told.push(m));
    expect(cache.get("pdf", "k")).toBeUndefined();
    expect(told).toEqual([`stage cache: discarded ${file} (its checksum does not match its content); building that stage again`]);
    expect(existsSync(file)).toBe(false);
    cache.set("pdf", "k", Buffer.from("%PDF reprinted"));
    expect(Buffer.from(new StageCache(dir, "salt").get("pdf", "k")!).toString()).toBe("%PDF reprinted");
  });

  it("pdfmeta overwritten with `{not json` is a miss, removed and reported", () => {
    const dir = setUp();
    const file = entry(dir, "pdfmeta");
    writeFileSync(file, "{not json");
    const told: string[] = [];
    expect(new StageCache(dir, "salt", (m) => told.push(m)).getJson("pdfmeta", "k")).toBeUndefined();
    expect(told).toEqual([`stage cache: discarded ${file} (its checksum does not match its content); building that stage again`]);
    expect(existsSync(file)).toBe(false);
  });

  it("an entry with a good checksum that is not JSON is discarded too", () => {
    const dir = makeTempDir("greenbook-cache-");
    new StageCache(dir, "salt").set("pdfmeta", "k", Buffer.from("{not json"));
    const file = entry(dir, "pdfmeta");
    const told: string[] = [];
    expect(new StageCache(dir, "salt", (m) => told.push(m)).getJson("pdfmeta", "k")).toBeUndefined();
    expect(told).toEqual([`stage cache: discarded ${file} (it is not valid JSON); building that stage again`]);
    expect(existsSync(file)).toBe(false);
  });

  it("a single flipped byte is caught", () => {
    const dir = setUp();
    const file = entry(dir, "pdf");
    const bytes = readFileSync(file);
    const at = bytes.length - 3;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    writeFileSync(file, bytes);
    expect(new StageCache(dir, "salt", () => undefined).get("pdf", "k")).toBeUndefined();
  });
});
