import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { displayPathOf } from "../../src/data/load-dataset.ts";
import { DataError } from "../../src/errors.ts";
import { messages } from "../../src/messages.ts";
import { chapter, loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, copyDataBytes, DATA_DIR, removeDataCopies } from "../helpers/data-copy.ts";
import { loadProblems } from "../helpers/load-problems.ts";

afterAll(removeDataCopies);

describe("loadDataset on the shipped data", () => {
  it("loads every table, the edition, the catalog, the labels and the published figures", () => {
    const ds = loadDataset(DATA_DIR);
    expect(ds.dir).toBe(DATA_DIR);
    // The chapter's own series; labels.csv and published.csv are every chapter's, kept apart.
    expect(Object.keys(ds.tables).sort()).toEqual(Object.keys(chapter.series).sort());
    expect(ds.published[0]).toEqual({ line: 2, id: "linkedin-stayed", printed: "255,911", value: 255911, decimals: 0, section: "LinkedIn evidence", unit: "count" });
    expect(ds.tables.regionFlows).toHaveLength(10);
    expect(ds.tables.regionFlows[0]).toEqual({ line: 2, region: "us", leave: 5654, join: 10186, leave_edu: 242, join_edu: 302 });
    expect(ds.edition.startPage).toBe(172);
    expect(ds.edition.languages).toEqual(["zh-HK", "en"]);
    expect(ds.catalog["age-flows"]?.provenance).toBe("illustrative");
    expect(ds.labels.get("region:mainland")).toEqual({ en: "Mainland China", "zh-HK": "中國內地" });
    // Every CSV plus edition.yaml and catalog.yaml, sorted by name, each hashed.
    expect(ds.files.map((f) => f.name)).toEqual([...Object.values(chapter.series).map((t) => `${t.name}.csv`), "labels.csv", "published.csv", "catalog.yaml", "edition.yaml"].sort());
    expect(ds.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(ds.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the snapshot by content: a copy hashes the same, an edited copy differently", () => {
    const original = loadDataset(DATA_DIR).sha256;
    expect(loadDataset(copyData()).sha256).toBe(original);
    const edited = copyData({ "nonlocal-employment.csv": (t) => t.replace("2022,17.3", "2022,17.4") });
    expect(loadDataset(edited).sha256).not.toBe(original);
  });

  it("shows paths relative to the working directory when inside it, else absolute", () => {
    expect(displayPathOf(path.join(process.cwd(), "chapters", "brain-drain", "data", "rhq.csv"))).toBe("chapters/brain-drain/data/rhq.csv");
    expect(displayPathOf("/somewhere/else/rhq.csv")).toBe("/somewhere/else/rhq.csv");
    expect(loadDataset(DATA_DIR).files.find((f) => f.name === "rhq.csv")?.displayPath).toBe(displayPathOf(path.join(DATA_DIR, "rhq.csv")));
  });
});

describe("loadDataset reports problems with file, line and column", () => {
  it("a count reading 1O186", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace("us,5654,10186,", "us,5654,1O186,") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"']);
    // The full message, path included, exactly as the CLI prints it.
    expect(() => loadDataset(dir)).toThrow(`${dir}/region-flows.csv:2: column "join": ${messages.gotValue("a whole number ≥ 0", "1O186")}`);
  });

  it("a relative data path outside the working directory is shown as an absolute path", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace("10186", "1O186") });
    const rel = path.relative(process.cwd(), dir);
    let err: unknown;
    try {
      loadDataset(rel);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    // Temp folders are outside the working directory, so the path shown is absolute.
    expect((err as DataError).problems[0]?.file).toBe(path.join(dir, "region-flows.csv"));
  });

  it("lists every problem in one file", () => {
    const dir = copyData({
      "region-flows.csv": (t) => t.replace("us,5654,10186,", "us,5654,1O186,").replace("mainland,3421,", "mainland,-3421,").replace("uk,3010,3126,151,129", "uk,3010,3126,151,x"),
    });
    expect(loadProblems(dir)).toEqual([
      '<data>/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"',
      '<data>/region-flows.csv:3: column "leave": expected a whole number ≥ 0, got "-3421"',
      '<data>/region-flows.csv:4: column "join_edu": expected a whole number ≥ 0, got "x"',
    ]);
  });

  it("lists every bad cell of one row", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace("japan,548,462,18,20", "Japan,548.0,462,,20") });
    expect(loadProblems(dir)).toEqual([
      '<data>/region-flows.csv:11: column "region": expected an identifier of lower-case letters, digits and dashes, got "Japan"',
      '<data>/region-flows.csv:11: column "leave": expected a whole number ≥ 0, got "548.0"',
      '<data>/region-flows.csv:11: column "leave_edu": expected a whole number ≥ 0, got ""',
    ]);
  });

  it("lists problems across several files, YAML included", () => {
    const dir = copyData({
      "region-flows.csv": (t) => t.replace("10186", "1O186"),
      "rhq.csv": (t) => t.replace("2018,us,290", "2018,us,29.5"),
      "nonlocal-employment.csv": (t) => t.replace("2018,16.9", "2018,117"),
      "edition.yaml": (t) => t.replace("startPage: 172", "startPage: 0"),
    });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:8: column "startPage": expected a page number of at least 1, got "0"',
      '<data>/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"',
      '<data>/nonlocal-employment.csv:2: column "share": expected a percentage from 0 to 100 (without %), got "117"',
      '<data>/rhq.csv:2: column "count": expected a whole number ≥ 0, got "29.5"',
    ]);
  });

  it("a negative count", () => {
    const dir = copyData({ "linkedin-totals.csv": (t) => t.replace("left,26836", "left,-26836") });
    expect(loadProblems(dir)).toEqual(['<data>/linkedin-totals.csv:4: column "count": expected a whole number ≥ 0, got "-26836"']);
  });

  it.each([
    ["NaN", "a number", "NaN"],
    ["Infinity", "a number", "Infinity"],
    ['"1,234"', "a number, written without thousands separators", "1,234"],
    ["-Infinity", "a number", "-Infinity"],
  ])("a number written %s", (written, expected, shown) => {
    const dir = copyData({ "profile.csv": (t) => t.replace("age,other,33.59,", `age,other,${written},`) });
    expect(loadProblems(dir)).toEqual([`<data>/profile.csv:6: column "joiner": expected ${expected}, got "${shown}"`]);
  });

  it("an unquoted 1,234 splits the row into one cell too many", () => {
    const dir = copyData({ "profile.csv": (t) => t.replace("salary,other,59545,", "salary,other,1,234,") });
    expect(loadProblems(dir)).toEqual(['<data>/profile.csv:7: expected 10 cells, got 11: "1,234" looks like a number with thousands separators; write it without commas (1234)']);
  });

  it("a percentage over 100", () => {
    const dir = copyData({ "nonlocal-employment.csv": (t) => t.replace("2022,17.3", "2022,117") });
    expect(loadProblems(dir)).toEqual(['<data>/nonlocal-employment.csv:3: column "share": expected a percentage from 0 to 100 (without %), got "117"']);
  });

  it("a Mainland share over 100 in an optional cell", () => {
    const dir = copyData({ "immigration.csv": (t) => t.replace(",94.6", ",194.6") });
    expect(loadProblems(dir)).toEqual(['<data>/immigration.csv:4: column "mainland_share": expected a percentage from 0 to 100 (without %) or an empty cell, got "194.6"']);
  });

  it("a duplicate key names the earlier line", () => {
    const dir = copyData({ "region-flows.csv": (t) => `${t}us,1,2,0,0\n` });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:12: column "region": duplicate key "us" (first on line 2)']);
  });

  it("a duplicate composite key names every key column", () => {
    const dir = copyData({ "rhq.csv": (t) => t.replace("2019,uk,141", "2019,us,141") });
    expect(loadProblems(dir)).toEqual(['<data>/rhq.csv:8: column "year, parent": duplicate key "2019 / us" (first on line 6)']);
  });

  it("age groups that no longer add up to the LinkedIn totals", () => {
    const dir = copyData({ "age-flows.csv": (t) => t.replace("all,20-24,2300,3000,9000", "all,20-24,2400,3000,9001") });
    expect(loadProblems(dir)).toEqual([
      `<data>/age-flows.csv: column "joined": the "all" age groups' joined add up to 31935, but <data>/linkedin-totals.csv:3 gives 31835`,
      `<data>/age-flows.csv: column "stayed": the "all" age groups' stayed add up to 255912, but <data>/linkedin-totals.csv:2 gives 255911`,
    ]);
  });

  it("a subset larger than its whole (top-salary cohort, highly educated)", () => {
    const dir = copyData({
      "age-flows.csv": (t) => t.replace("top3,20-24,200,320,1500", "top3,20-24,200,3200,1500"),
      "region-flows.csv": (t) => t.replace("india,516,1275,5,6", "india,516,1275,517,6"),
    });
    expect(loadProblems(dir)).toEqual([
      '<data>/age-flows.csv:11: column "left": left 3200 exceeds the 3000 of all users aged 20-24 (line 2)',
      '<data>/region-flows.csv:8: column "leave_edu": leave_edu 517 exceeds the 516 of all leavers (column leave)',
    ]);
  });

  it("a region without a label", () => {
    const dir = copyData({ "labels.csv": (t) => t.replace("region:india,India,印度\n", "") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:8: column "region": no label "region:india" in <data>/labels.csv']);
  });

  it("a row the chapter requires (series.ts requiredRows), by file, column and value", () => {
    const dir = copyData({ "immigration.csv": (t) => t.replace(/^ttps,[^\n]*\n/m, "") });
    expect(loadProblems(dir)).toEqual(['<data>/immigration.csv: column "scheme": required row "ttps" is missing']);
  });

  it("fewer rows than the chapter requires of a kind", () => {
    const dir = copyData({ "immigration.csv": (t) => t.replace(/^qmas,2023-[^\n]*\n/m, "") });
    expect(loadProblems(dir)).toEqual(['<data>/immigration.csv: column "scheme": expected at least 2 rows "qmas", found 1']);
  });

  it("a missing data file", () => {
    const dir = copyDataBytes({ "rhq.csv": () => null });
    expect(loadProblems(dir)).toEqual(["<data>/rhq.csv: the file is missing"]);
  });

  it("a missing data folder lists every file as missing", () => {
    const problems = loadProblems(path.join(copyData(), "no-such-folder"));
    // edition.yaml, catalog.yaml, every series of the chapter and labels.csv; published.csv is
    // optional (only a chapter published before has one).
    const required = ["edition.yaml", "catalog.yaml", ...Object.values(chapter.series).map((s) => `${s.name}.csv`), "labels.csv"];
    expect(problems).toEqual(required.map((f) => `<data>/${f}: the file is missing`));
  });
});
