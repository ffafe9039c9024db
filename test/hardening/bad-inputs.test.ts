/**
 * The corpus of broken inputs (test/fixtures/bad-inputs/<case>/) through the CLI: each case's exact
 * stderr lines, exit 1, and an output folder holding a previous build left byte for byte as it was.
 * In-process `check` and `build` for every case (a data or claim-wording problem fails the build
 * before it starts a browser), and `node bin/greenbook.js build` for the cases marked `subprocess`.
 */
import { spawn } from "node:child_process";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { expandPlaceholders, generatedSize, listCases, makePreviousOutput, prepareCase, PREVIOUS_OUTPUT, type BadInputCase } from "../helpers/bad-inputs.ts";
import { loadData as loadDataset } from "../helpers/chapter.ts";
import { DATA_DIR, removeDataCopies, REPO_ROOT, snapshotTree } from "../helpers/data-copy.ts";

// Removing every copy (one holds a 3 GiB sparse file) can take a while on a busy machine.
afterAll(removeDataCopies, 60_000);

const cases = listCases();
const failing = cases.filter((c) => !c.options.succeeds);
const good = cases.filter((c) => c.options.succeeds);

/** Runs the CLI in-process and captures what it prints, one entry per line. */
async function run(argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(...l.split("\n")), stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stdout, stderr };
}

/** `node bin/greenbook.js …` from the repository root. */
function spawnGreenbook(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/greenbook.js", ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" }, timeout: 120000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Names, sizes and modification times under `dir` (links as links), without reading a byte (a case may hold a 3 GiB file). */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    // lstat: a case's symbolic link may dangle or point outside the folder.
    const s = lstatSync(path.join(dir, name));
    out[name] = s.isDirectory() ? "dir" : `${s.size} ${s.mtimeMs}`;
  }
  return out;
}

/** What a command run on the case must print on stderr, placeholders filled in. */
function expectedStderr(c: BadInputCase, cmd: string, dirs: { data: string; templates: string }): string[] {
  const size = c.options.generate ? generatedSize(c.options.generate.bytes) : undefined;
  return expandPlaceholders(c.stderr, { ...dirs, cmd, size });
}

/** The previous build's files are all there, with their content, and nothing else is. */
function expectPreviousOutput(out: string, before: Record<string, string>): void {
  expect(snapshotTree(out)).toEqual(before);
  for (const [rel, content] of Object.entries(PREVIOUS_OUTPUT)) expect(readFileSync(path.join(out, rel), "utf8")).toBe(content);
}

/** `lines` appear in `output` in this order (other lines may come between them). */
function expectInOrder(output: string[], lines: string[]): void {
  let from = 0;
  for (const line of lines) {
    const at = output.indexOf(line, from);
    expect(at, `expected in the output (in order): ${line}\n--- output ---\n${output.join("\n")}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe("the corpus", () => {
  it("has at least 100 failing cases (issue 17: at least 100 bad-input and fault cases), each expecting at least one line, and the good-input cases", () => {
    expect(failing.length).toBeGreaterThanOrEqual(100);
    for (const c of failing) expect(c.stderr.length + c.stdout.length, c.name).toBeGreaterThan(0);
    expect(good.map((c) => c.name)).toEqual(["good-bom", "good-crlf", "good-trailing-blank-lines"]);
    for (const c of good) expect(c.stderr, c.name).toEqual([]);
  });

  it("runs at least a handful of cases as a subprocess", () => {
    expect(failing.filter((c) => c.options.subprocess).length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(failing)("bad input $name", (c) => {
  const commands = c.options.commands ?? ["check", "build"];

  it.each(commands)(`greenbook %s: exit 1, the exact messages, and nothing written`, async (cmd) => {
    const dirs = prepareCase(c);
    const out = makePreviousOutput();
    // Big, FIFO or linked files are compared by listing: reading them would take memory, block, or follow the link.
    const big = c.options.generate !== undefined || c.options.special !== undefined;
    const dataBefore = big ? listing(dirs.data) : snapshotTree(dirs.data);
    const outBefore = snapshotTree(out);
    // The shipped templates/ may be edited while the suite runs; only a copy is the case's own.
    const templatesBefore = dirs.copiedTemplates ? snapshotTree(dirs.templates) : undefined;
    const rssBefore = process.memoryUsage().rss;

    const args = cmd === "build" ? ["build", "--data", dirs.data, "--templates", dirs.templates, "--out", out, "--quiet"] : ["check", "--data", dirs.data, "--templates", dirs.templates];
    const r = await run(args);

    expect(r.stderr).toEqual(expectedStderr(c, cmd, dirs));
    expect(r.code).toBe(1);
    if (cmd === "check") expectInOrder(r.stdout, expandPlaceholders(c.stdout, { ...dirs, cmd }));
    else expect(r.stdout).toEqual([]);
    expectPreviousOutput(out, outBefore);
    expect(big ? listing(dirs.data) : snapshotTree(dirs.data)).toEqual(dataBefore);
    if (templatesBefore) expect(snapshotTree(dirs.templates)).toEqual(templatesBefore);
    // A file over the limit is refused by its size, before it is read: reading the 3 GiB one would
    // fail differently (Node reads at most 2 GiB at once) or take its size in memory.
    if (big) expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });
});

describe("bad inputs as `node bin/greenbook.js build`", () => {
  // Concurrent: each is a process start (a few seconds) that ends at the first check.
  it.concurrent.each(failing.filter((c) => c.options.subprocess))("$name: exit 1, the exact messages on stderr, the previous output as it was", async (c) => {
    const dirs = prepareCase(c);
    const out = makePreviousOutput();
    const before = snapshotTree(out);
    const r = await spawnGreenbook(["build", "--data", dirs.data, "--templates", dirs.templates, "--out", out]);
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual(expectedStderr(c, "build", dirs));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expectPreviousOutput(out, before);
  });
});

describe.each(good)("good input $name", (c) => {
  it("greenbook check: exit 0, nothing on stderr, and the same tables and labels as the shipped data", async () => {
    const dirs = prepareCase(c);
    const before = snapshotTree(dirs.data);
    const r = await run(["check", "--data", dirs.data]);
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(snapshotTree(dirs.data)).toEqual(before);
    const shipped = loadDataset(DATA_DIR);
    const copy = loadDataset(dirs.data);
    expect(copy.tables).toEqual(shipped.tables);
    expect(copy.published).toEqual(shipped.published);
    expect(copy.labels).toEqual(shipped.labels);
    expect(copy.edition).toEqual(shipped.edition);
  });
});
