/** A required claim that the data make false fails `check` and `build`, naming the claim and the numbers. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { assertRequiredClaims } from "../../src/claims/evaluate-claims.ts";
import { ClaimError } from "../../src/errors.ts";
import { computeStats, evaluateClaims, loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, DATA_DIR, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(() => removeDataCopies());

// Hong Kong's foreign residents below Beijing's: hk-most-international-chinese-city is false.
const broken = () => copyData({ "hk-foreign-residents.csv": (t) => t.replace("2021,all,593000", "2021,all,60000") });

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  return { code, text: lines.join("\n") };
}

it("holds on the shipped data", () => {
  expect(() => assertRequiredClaims(evaluateClaims(computeStats(loadDataset(DATA_DIR))))).not.toThrow();
});

it("fails check, naming the claim and the numbers that broke it", async () => {
  const { code, text } = await run(["check", "--data", broken()]);
  expect(code).toBe(1);
  expect(text).toContain("✗ REQUIRED hk-most-international-chinese-city = false (must be true)");
  expect(() => assertRequiredClaims(evaluateClaims(computeStats(loadDataset(broken()))))).toThrow(ClaimError);
  try {
    assertRequiredClaims(evaluateClaims(computeStats(loadDataset(broken()))));
  } catch (err) {
    expect((err as Error).message).toBe(
      'required claim "hk-most-international-chinese-city" (Hong Kong has more foreign residents than Beijing and Shanghai) is false, expected true: hk = 60000, beijing = 62812, shanghai = 163954',
    );
  }
});

it("fails build before anything is written", async () => {
  const out = path.join(makeTempDir("greenbook-out-"), "output");
  const { code, text } = await run(["build", "--data", broken(), "--out", out]);
  expect(code).toBe(1);
  expect(text).toContain('required claim "hk-most-international-chinese-city"');
  expect(text).toContain("hk = 60000, beijing = 62812, shanghai = 163954");
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
});
