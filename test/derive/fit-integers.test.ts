import { describe, expect, it } from "vitest";
import { fitIntegers } from "../../src/derive/synth/fit-integers.ts";
import { createRandom } from "../../src/derive/synth/random.ts";

const moments = (xs: number[], w?: number[]) => {
  const v = xs.map((x, i) => x * (w ? w[i]! : 1));
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1));
  return { mean, sd };
};

describe("fitIntegers", () => {
  it.each([
    { n: 500, mean: 33.59, sd: 8.9, lower: 20, upper: 64 },
    { n: 2000, mean: 163.48, sd: 150, lower: 1, upper: 1500 },
  ])("hits mean $mean and SD $sd with whole numbers in [$lower, $upper]", ({ n, mean, sd, lower, upper }) => {
    const random = createRandom(7);
    const result = fitIntegers({ initial: Array.from({ length: n }, () => mean), lower: Array(n).fill(lower), upper: Array(n).fill(upper), targets: [{ mean, sd, meanTolerance: 0.001, sdTolerance: 0.001 }] }, random);
    expect(result.converged).toBe(true);
    expect(result.values.every((x) => Number.isInteger(x) && x >= lower && x <= upper)).toBe(true);
    const m = moments(result.values);
    expect(Math.abs(m.mean - mean)).toBeLessThan(0.001);
    expect(Math.abs(m.sd - sd)).toBeLessThan(0.001);
  });

  it("fits two weighted statistics of the same values at once (connections and connections per year of age)", () => {
    const random = createRandom(3);
    const ages = Array.from({ length: 800 }, () => random.int(22, 60));
    const w = ages.map((a) => 1 / a);
    const targets = [
      { mean: 200, sd: 266, meanTolerance: 0.002, sdTolerance: 0.01 },
      { mean: 6.55, sd: 10.8, meanTolerance: 0.0002, sdTolerance: 0.0005, weights: w },
    ];
    const result = fitIntegers({ initial: ages.map(() => 200), lower: ages.map(() => 0), upper: ages.map(() => 20000), targets }, random);
    expect(result.converged).toBe(true);
    expect(Math.abs(moments(result.values, w).mean - 6.55)).toBeLessThan(0.0002);
  });

  it("reports an unreachable target instead of pretending", () => {
    const result = fitIntegers({ initial: [1, 2, 3], lower: [1, 1, 1], upper: [3, 3, 3], targets: [{ mean: 10, sd: 1, meanTolerance: 0.01, sdTolerance: 0.01 }], maxMoves: 10_000 }, createRandom(1));
    expect(result.converged).toBe(false);
  });
});
