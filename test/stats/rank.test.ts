import { describe, expect, it } from "vitest";
import { rankValues, type TieMethod } from "../../src/stats/rank.ts";

describe("rankValues", () => {
  it.each<[number[], "asc" | "desc", TieMethod, number[]]>([
    // Without ties the method does not matter.
    [[3, 1, 2], "asc", "min", [3, 1, 2]],
    [[3, 1, 2], "desc", "min", [1, 3, 2]],
    [[3, 1, 2], "desc", "dense", [1, 3, 2]],
    // Ties: competition ranking 1, 2, 2, 4 against dense 1, 2, 2, 3.
    [[9, 7, 7, 3], "desc", "min", [1, 2, 2, 4]],
    [[9, 7, 7, 3], "desc", "dense", [1, 2, 2, 3]],
    [[3, 7, 7, 9], "asc", "min", [1, 2, 2, 4]],
    [[3, 7, 7, 9], "asc", "dense", [1, 2, 2, 3]],
    // Order in the input does not matter; ranks come back in input order.
    [[7, 3, 9, 7], "asc", "min", [2, 1, 4, 2]],
    [[7, 3, 9, 7], "asc", "dense", [2, 1, 3, 2]],
    [[7, 3, 9, 7], "desc", "min", [2, 4, 1, 2]],
    // A tie at the top, and several ties.
    [[5, 5, 1], "desc", "min", [1, 1, 3]],
    [[5, 5, 1, 1, 0], "desc", "min", [1, 1, 3, 3, 5]],
    [[5, 5, 1, 1, 0], "desc", "dense", [1, 1, 2, 2, 3]],
    [[4, 4, 4], "asc", "min", [1, 1, 1]],
    [[4, 4, 4], "asc", "dense", [1, 1, 1]],
    // Negative and fractional values.
    [[-1.5, 0.25, -3], "asc", "min", [2, 3, 1]],
    [[], "asc", "min", []],
  ])("rankValues(%j, %s, %s) = %j", (values, direction, ties, expected) => {
    expect(rankValues(values, direction, ties)).toEqual(expected);
  });

  it("defaults to min (competition) ranking", () => {
    expect(rankValues([9, 7, 7, 3], "desc")).toEqual([1, 2, 2, 4]);
  });

  it.each<[number[], "asc" | "desc", TieMethod, number[]]>([
    [[5, Number.NaN, 3], "desc", "min", [1, Number.NaN, 2]],
    [[5, Number.NaN, 3], "asc", "min", [2, Number.NaN, 1]],
    [[Number.NaN, 2, 2, 1], "desc", "min", [Number.NaN, 1, 1, 3]],
    [[Number.NaN, 2, 2, 1], "desc", "dense", [Number.NaN, 1, 1, 2]],
    [[Number.NaN, Number.NaN], "asc", "min", [Number.NaN, Number.NaN]],
  ])("NaN gets rank NaN and takes no rank from others: rankValues(%j, %s, %s)", (values, direction, ties, expected) => {
    // toEqual treats NaN as equal to NaN, so positions of NaN are checked too.
    expect(rankValues(values, direction, ties)).toEqual(expected);
  });

  it("does not modify its input", () => {
    const values = [3, 1, 2];
    rankValues(values, "asc");
    expect(values).toEqual([3, 1, 2]);
  });
});
