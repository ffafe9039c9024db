import { describe, expect, it } from "vitest";
import { welchT, type GroupSummary } from "../../src/stats/welch.ts";

const g = (mean: number, sd: number, n: number): GroupSummary => ({ mean, sd, n });

describe("welchT", () => {
  // Hand-computed: va = sd_a²/n_a, vb = sd_b²/n_b, t = (mean_a − mean_b)/√(va + vb),
  // df = (va + vb)² / (va²/(n_a − 1) + vb²/(n_b − 1)).
  it.each([
    // a, b, t, df
    // va = 0.8, vb = 0.9: t = 2/√1.7, df = 2.89 / (0.64/4 + 0.81/9) = 2.89 / 0.25
    [g(10, 2, 5), g(8, 3, 10), 2 / Math.sqrt(1.7), 11.56],
    // va = vb = 0.5: t = 2/1, df = 1 / (0.25 + 0.25)
    [g(5, 1, 2), g(3, 1, 2), 2, 2],
    // va = vb = 1: t = −1/√2, df = 4 / (1/8 + 1/15) = 480/23
    [g(0, 3, 9), g(1, 4, 16), -1 / Math.SQRT2, 480 / 23],
    // one SD is 0: va = 0, vb = 1: t = 1, df = 1 / (1/3) = n_b − 1
    [g(1, 0, 10), g(0, 2, 4), 1, 3],
    // equal means
    [g(7, 1, 30), g(7, 5, 40), 0, (1 / 30 + 25 / 40) ** 2 / ((1 / 30) ** 2 / 29 + (25 / 40) ** 2 / 39)],
  ])("welchT(%j, %j) gives t = %d, df = %d", (a, b, t, df) => {
    const r = welchT(a, b);
    expect(r.t).toBeCloseTo(t, 10);
    expect(r.df).toBeCloseTo(df, 10);
  });

  it("matches a textbook example computed from raw samples (t ≈ −2.46, df ≈ 25.0)", () => {
    // Welch's t-test example 1 (Wikipedia): two samples of 15 with unequal variances.
    const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const summary = (xs: number[]): GroupSummary => {
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
      return { mean, sd, n: xs.length };
    };
    const r = welchT(summary(a), summary(b));
    expect(r.t.toFixed(2)).toBe("-2.46");
    expect(r.df.toFixed(1)).toBe("25.0");
    expect(r.t).toBeCloseTo(-2.45536, 4);
    expect(r.df).toBeCloseTo(24.98853, 4);
  });

  it("is antisymmetric in t and symmetric in df", () => {
    const a = g(163.48, 120, 2000);
    const b = g(191.84, 130, 1800);
    const ab = welchT(a, b);
    const ba = welchT(b, a);
    expect(ab.t).toBeCloseTo(-6.963019, 5);
    expect(ba.t).toBeCloseTo(-ab.t, 12);
    expect(ba.df).toBeCloseTo(ab.df, 9);
  });

  it("df lies between min(n) − 1 and n_a + n_b − 2", () => {
    const r = welchT(g(1, 2, 12), g(0, 9, 25));
    expect(r.df).toBeGreaterThanOrEqual(11);
    expect(r.df).toBeLessThanOrEqual(35);
  });

  it.each([
    ["group a has one member", g(1, 1, 1), g(0, 1, 10)],
    ["group b has one member", g(1, 1, 10), g(0, 1, 1)],
    ["group a is empty", g(1, 1, 0), g(0, 1, 10)],
    ["both SDs are 0", g(1, 0, 10), g(0, 0, 10)],
    ["both SDs are 0 and the means are equal", g(1, 0, 10), g(1, 0, 10)],
  ])("t and df are NaN when %s", (_why, a, b) => {
    const r = welchT(a, b);
    expect(r.t).toBeNaN();
    expect(r.df).toBeNaN();
  });
});
