import { describe, expect, it } from "vitest";
import { growthRate, net, netMigrationRatio, share, sum, turnover } from "../../src/stats/basic.ts";

describe("growthRate", () => {
  it.each([
    // from, to, expected fraction
    [100, 127, 0.27],
    [100, 73, -0.27],
    [290, 240, -50 / 290],
    [197, 251, 54 / 197],
    [50, 50, 0],
    [10, 0, -1],
    [-10, -5, -0.5],
  ])("growthRate(%d, %d) = %d", (from, to, expected) => {
    expect(growthRate(from, to)).toBeCloseTo(expected, 12);
  });

  it.each([
    [0, 5],
    [0, 0],
    [0, -3],
  ])("growthRate(%d, %d) is NaN (no base to grow from)", (from, to) => {
    expect(growthRate(from, to)).toBeNaN();
  });
});

describe("share", () => {
  it.each([
    [1, 4, 0.25],
    [0, 7, 0],
    [7, 7, 1],
    [3, 2, 1.5],
    [593000, 845697, 593000 / 845697],
  ])("share(%d, %d) = %d", (part, whole, expected) => {
    expect(share(part, whole)).toBeCloseTo(expected, 12);
  });

  it.each([
    [5, 0],
    [0, 0],
  ])("share(%d, %d) is NaN (empty whole)", (part, whole) => {
    expect(share(part, whole)).toBeNaN();
  });
});

describe("net and turnover", () => {
  it.each([
    // join, leave, net, turnover
    [10186, 5654, 4532, 15840],
    [1497, 2173, -676, 3670],
    [0, 0, 0, 0],
    [462, 548, -86, 1010],
    [20, 18, 2, 38],
  ])("join %d, leave %d: net %d, turnover %d", (join, leave, expectedNet, expectedTurnover) => {
    expect(net(join, leave)).toBe(expectedNet);
    expect(turnover(join, leave)).toBe(expectedTurnover);
  });

  it("net is not symmetric: it is join minus leave", () => {
    expect(net(3, 10)).toBe(-7);
    expect(net(10, 3)).toBe(7);
  });
});

describe("netMigrationRatio", () => {
  it.each([
    // joined, left, stayed, expected = (joined − left) / (stayed + left)
    [2300, 3000, 9000, -700 / 12000],
    [6200, 3900, 48000, 2300 / 51900],
    [10, 10, 80, 0],
    [5, 0, 20, 0.25],
    [0, 5, 0, -1],
  ])("netMigrationRatio(%d, %d, %d) = %d", (joined, left, stayed, expected) => {
    expect(netMigrationRatio(joined, left, stayed)).toBeCloseTo(expected, 12);
  });

  it.each([
    [0, 0, 0],
    [10, 0, 0],
  ])("netMigrationRatio(%d, %d, %d) is NaN (no one there before)", (joined, left, stayed) => {
    expect(netMigrationRatio(joined, left, stayed)).toBeNaN();
  });
});

describe("sum", () => {
  it.each([
    [[], 0],
    [[5], 5],
    [[21690, 5206, 21136, 11775, 72659, 185317], 317783],
    [[1.5, -0.5], 1],
  ])("sum(%j) = %d", (values, expected) => {
    expect(sum(values)).toBe(expected);
  });
});
