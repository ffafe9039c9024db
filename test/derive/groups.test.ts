import { describe, expect, it } from "vitest";
import { deriveExtract, writeExtract } from "./helpers/extract.ts";
import { extractOf } from "./helpers/people.ts";

const HK = "Hong Kong";

describe("derive: groups and the sample", () => {
  it("counts stayers, joiners and leavers and drops users never in Hong Kong or without a place", async () => {
    const dir = await writeExtract(
      extractOf([
        { id: 1, pre: HK, post: HK },
        { id: 2, pre: HK, post: HK },
        { id: 3, pre: "Singapore", post: HK },
        { id: 4, pre: HK, post: "United States" },
        { id: 5, pre: "Japan", post: "Singapore" }, // never in Hong Kong
        { id: 6, post: HK }, // no position before COVID
        { id: 7, pre: null, post: "Japan", profileCountry: "empty" }, // no place before COVID
      ]),
    );
    const d = await deriveExtract(dir);
    expect(d.rows("linkedin-totals.csv")).toEqual([
      { group: "stayed", count: "2" },
      { group: "joined", count: "1" },
      { group: "left", count: "1" },
    ]);
  });
});
