import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { copyData, makeTempDir, removeDataCopies, REPO_ROOT, snapshotTree } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

/** Runs the CLI in-process and captures what it prints. */
async function run(argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

/** Runs the real command, `node bin/greenbook.js …`, from the repository root. */
function spawnGreenbook(args: string[]) {
  const r = spawnSync(process.execPath, ["bin/greenbook.js", ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60000 });
  if (r.error) throw r.error;
  return r;
}

const badJoin = (t: string) => t.replace("us,5654,10186,", "us,5654,1O186,");

describe("greenbook check (in-process)", () => {
  it("on the shipped data: exit 0, provenance counts and the illustrative series", async () => {
    const { code, stdout, stderr } = await run(["check"]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(stdout).toContain("provenance: 8 published, 3 official, 2 illustrative");
    expect(stdout).toContain("illustrative series: age-flows, mnc-growth");
    // population.csv: the 21 estimates published by the release date (of 26 rows, revisions included).
    expect(stdout).toContain("13 series, 134 rows, 55 labels");
    expect(stdout).toContain("LinkedIn users: 255911 stayed, 31835 joined, 26836 left (net +4999)");
    expect(stdout[0]).toMatch(/^data: .*\/data \(snapshot [0-9a-f]{12}\)$/);
    expect(stdout.find((l) => l.trimStart().startsWith("age-flows"))).toMatch(/^ {2}age-flows +18 rows {2}illustrative as of 2023-10-31$/);
    // The printed pages, proofread: every document, grouped by document (the gate is off in the shipped edition.yaml).
    expect(stdout.find((l) => l.startsWith("proof: "))).toMatch(/^proof: 4 documents, \d+ errors?, \d+ warnings?/);
    for (const doc of ["en/chapter", "en/handout", "zh-HK/chapter", "zh-HK/handout"]) expect(stdout.some((l) => l.startsWith(`  ${doc} (`) && / \(\d+ pages?\): \d+ errors?, \d+ warnings?$/.test(l))).toBe(true);
  }, 600_000);

  it("warns of an author with no English name, and stops warning once edition.yaml gives one", async () => {
    const flagged = await run(["check"]);
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toContain("warnings: 1");
    expect(flagged.stdout.find((l) => l.includes("byline: author 3 (王柏林) has no name in en"))).toMatch(/the en edition prints "王柏林" in zh-HK, marked as zh-HK/);

    const romanised = copyData({ "edition.yaml": (t) => t.replace("{ en: null, zh-HK: 王柏林 }", "{ en: null, zh-HK: 王柏林, romanised: Placeholder Romanisation }") });
    const fixed = await run(["check", "--data", romanised, "--no-proof"]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain("warnings: none");
    expect(fixed.stdout.some((l) => l.includes("byline:"))).toBe(false);
    expect(fixed.stdout.at(-1)).toBe("proof: not run (--no-proof)");

    const json = JSON.parse((await run(["check", "--json"])).stdout.join("\n")) as { warnings: string[]; proof: { failOnErrors: boolean; documents: { document: string; findings: { rule: string; page: number }[] }[] } };
    expect(json.warnings).toHaveLength(1);
    expect(json.proof.failOnErrors).toBe(true);
    expect(json.proof.documents.map((d) => d.document)).toEqual(["en/chapter", "en/handout", "zh-HK/chapter", "zh-HK/handout"]);
  });

  it("--json gives the same counts to scripts", async () => {
    const { code, stdout } = await run(["check", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout.join("\n")) as { provenance: Record<string, number>; illustrative: string[]; series: { name: string; rows: number }[] };
    expect(json.provenance).toEqual({ published: 8, official: 3, illustrative: 2 });
    expect(json.illustrative).toEqual(["age-flows", "mnc-growth"]);
    expect(json.series.find((s) => s.name === "region-flows")?.rows).toBe(10);
  });

  it("--data with a bad count: exit 1 and the file:line: column message on stderr", async () => {
    const dir = copyData({ "region-flows.csv": badJoin });
    const { code, stdout, stderr } = await run(["check", "--data", dir]);
    expect(code).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual(["greenbook check: 1 problem in the data:", `${dir}/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"`]);
  });

  it("lists every problem, across files, and counts them", async () => {
    const dir = copyData({ "region-flows.csv": badJoin, "rhq.csv": (t) => t.replace("2018,us,290", "2018,us,-290") });
    const { code, stderr } = await run(["check", "--data", dir]);
    expect(code).toBe(1);
    expect(stderr).toEqual([
      "greenbook check: 2 problems in the data:",
      `${dir}/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"`,
      `${dir}/rhq.csv:2: column "count": expected a whole number ≥ 0, got "-290"`,
    ]);
  });

  it("an unknown option is a usage error (exit 2)", async () => {
    const { code, stderr } = await run(["check", "--colour"]);
    expect(code).toBe(2);
    expect(stderr.join("\n")).toMatch(/^greenbook check: .*--colour/);
  });

  it("an unknown command is a usage error (exit 2)", async () => {
    const { code, stderr } = await run(["chek"]);
    expect(code).toBe(2);
    expect(stderr[0]).toMatch(/^greenbook: unknown command "chek"/);
  });

  it("--help prints the usage and exits 0", async () => {
    const { code, stdout } = await run(["check", "--help"]);
    expect(code).toBe(0);
    expect(stdout[0]).toMatch(/^usage: greenbook check \[--chapter DIR\] \[--data DIR\]/);
  });
});

describe("greenbook check (subprocess: node bin/greenbook.js)", () => {
  it("on bad data: non-zero exit, the message, and nothing written to the data folder", () => {
    const dir = copyData({ "region-flows.csv": badJoin });
    const before = snapshotTree(dir);
    const r = spawnGreenbook(["check", "--data", dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("greenbook check: 1 problem in the data:\n");
    expect(r.stderr).toContain(`${dir}/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("on good data given by a relative path: exit 0 and nothing written", () => {
    const dir = copyData();
    const before = snapshotTree(dir);
    // Stops before printing: the subprocess has a short time limit; proofreading is tested in-process.
    const r = spawnGreenbook(["check", "--data", path.relative(REPO_ROOT, dir), "--no-proof"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("provenance: 8 published, 3 official, 2 illustrative\n");
    expect(r.stdout).toContain(`data: ${dir} (snapshot `);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("has no --out option: it is refused (exit 2) and the out folder stays empty", () => {
    const dir = copyData({ "region-flows.csv": badJoin });
    const out = makeTempDir("greenbook-out-");
    const beforeData = snapshotTree(dir);
    const r = spawnGreenbook(["check", "--data", dir, "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^greenbook check: .*'--out'/);
    expect(snapshotTree(out)).toEqual({});
    expect(snapshotTree(dir)).toEqual(beforeData);
  });
});
