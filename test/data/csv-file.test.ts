/** File- and header-level problems of a CSV data file. */
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parse-csv.ts";
import { DataError } from "../../src/errors.ts";
import { copyData, removeDataCopies } from "../helpers/data-copy.ts";
import { loadProblems } from "../helpers/load-problems.ts";

afterAll(removeDataCopies);

const HEADER = "region,leave,join,leave_edu,join_edu";
const withHeader = (header: string) => (t: string) => t.replace(HEADER, header);

describe("the header of a CSV file", () => {
  it("a missing column", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.split("\n").map((l) => l.split(",").slice(0, 4).join(",")).join("\n") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:1: column "join_edu": missing from the header']);
  });

  it("a misspelled column names the column found", () => {
    const dir = copyData({ "region-flows.csv": withHeader("region,leave,jion,leave_edu,join_edu") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:1: column "join": missing from the header (found "jion": misspelled?)']);
  });

  it("a column written with different case and a space is a misspelling too", () => {
    const dir = copyData({ "region-flows.csv": withHeader("region,leave,join,Leave Edu,join_edu") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:1: column "leave_edu": missing from the header (found "Leave Edu": misspelled?)']);
  });

  it("an extra unknown column", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.split("\n").map((l, i) => (l === "" ? l : `${l},${i === 0 ? "notes" : "x"}`)).join("\n") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:1: column "notes": not a column of this file; expected region, leave, join, leave_edu, join_edu']);
  });

  it("a column twice", () => {
    const dir = copyData({ "nonlocal-employment.csv": () => "year,share,share\n2018,16.9,16.9\n2022,17.3,17.3\n" });
    expect(loadProblems(dir)).toEqual(['<data>/nonlocal-employment.csv:1: column "share": appears twice in the header']);
  });

  it("a row with too few cells", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace("india,516,1275,5,6", "india,516,1275,5") });
    expect(loadProblems(dir)).toEqual(["<data>/region-flows.csv:8: expected 5 cells, got 4"]);
  });
});

describe("empty and short files", () => {
  it.each([
    ["empty", ""],
    ["only blank lines", "\n\n\n"],
  ])("an %s file", (_what, content) => {
    const dir = copyData({ "region-flows.csv": () => content });
    expect(loadProblems(dir)).toEqual(["<data>/region-flows.csv: the file is empty; expected a header line and at least one row"]);
  });

  it("a header and no rows", () => {
    const dir = copyData({ "region-flows.csv": () => `${HEADER}\n` });
    expect(loadProblems(dir)).toEqual(["<data>/region-flows.csv:1: the file has a header but no rows"]);
  });

  it("a header and a row of empty cells only", () => {
    const dir = copyData({ "region-flows.csv": () => `${HEADER}\n,,,,\n` });
    expect(loadProblems(dir)).toEqual(["<data>/region-flows.csv:1: the file has a header but no rows"]);
  });

  it("invalid CSV quoting", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace("india,516", 'india,"516') });
    const problems = loadProblems(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^<data>\/region-flows\.csv(:\d+)?: not valid CSV: /);
  });
});

describe("line numbers", () => {
  it("count physical lines, blank lines included", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace("mainland,", "\n\nmainland,").replace("mainland,3421,", "mainland,x,") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:5: column "leave": expected a whole number ≥ 0, got "x"']);
  });

  it("parseCsv reports every header problem at once", () => {
    let err: unknown;
    try {
      parseCsv("regoin,leave,jion,notes\nus,1,2,3\n", "f.csv", ["region", "leave", "join", "leave_edu"]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message.split("\n")).toEqual([
      'f.csv:1: column "region": missing from the header (found "regoin": misspelled?)',
      'f.csv:1: column "join": missing from the header (found "jion": misspelled?)',
      'f.csv:1: column "leave_edu": missing from the header',
      'f.csv:1: column "notes": not a column of this file; expected region, leave, join, leave_edu',
    ]);
  });
});
