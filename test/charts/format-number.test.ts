import { describe, expect, it } from "vitest";
import { formatCount, formatLargeCount, formatList, formatPercent, formatPercentUnits, MINUS } from "../../src/charts/format-number.ts";

describe("formatPercent", () => {
  it.each([
    [-0.0583, "zh-HK", { digits: 1 }, `${MINUS}5.8%`],
    [-0.0583, "en", { digits: 1 }, `${MINUS}5.8%`],
    [0.274, "en", { plus: true }, "+27%"],
    [-0.172, "zh-HK", { plus: true }, `${MINUS}17%`],
    [0.06, "en", { digits: 1 }, "6.0%"],
    [0.06, "en", { digits: 1, fixed: false }, "6%"],
    [-0.0004, "en", {}, "0%"],
    [-0.0004, "en", { plus: true }, "0%"],
    [0, "zh-HK", { plus: true }, "0%"],
  ] as const)("%s in %s %o is %s", (value, lang, options, expected) => {
    expect(formatPercent(value, lang, options)).toBe(expected);
  });

  it("never prints a hyphen-minus", () => {
    for (const lang of ["zh-HK", "en"] as const) for (const v of [-1, -0.5, -0.001]) expect(formatPercent(v, lang, { digits: 1 })).not.toContain("-");
  });
});

describe("formatPercentUnits", () => {
  it.each([
    [-50, "en", `${MINUS}50%`],
    [100, "zh-HK", "100%"],
    [12.5, "en", "12.5%"],
  ] as const)("%s in %s is %s", (value, lang, expected) => expect(formatPercentUnits(value, lang)).toBe(expected));
});

describe("formatLargeCount", () => {
  it.each([
    [7_520_800, "zh-HK", "prose", undefined, "752萬"],
    [7_520_800, "en", "prose", undefined, "7.52 million"],
    [7_520_800, "en", "short", 1, "7.5m"],
    [7_300_000, "en", "short", 2, "7.30m"],
    [7_346_100, "zh-HK", "short", 1, "734.6萬"],
    [12_345_678, "zh-HK", "short", 0, "1,235萬"],
  ] as const)("%s in %s (%s, %s digits) is %s", (value, lang, style, digits, expected) => {
    expect(formatLargeCount(value, lang, style, digits)).toBe(expected);
  });
});

describe("formatCount and formatList", () => {
  it("groups thousands", () => {
    expect(formatCount(1458, "en")).toBe("1,458");
    expect(formatCount(1458, "zh-HK")).toBe("1,458");
    expect(formatCount(-26836, "en")).toBe(`${MINUS}26,836`);
  });
  it("joins lists per language", () => {
    expect(formatList(["a", "b", "c"], "en")).toBe("a, b and c");
    expect(formatList(["甲", "乙", "丙"], "zh-HK")).toBe("甲、乙和丙");
    expect(formatList(["2019"], "en")).toBe("2019");
  });
});
