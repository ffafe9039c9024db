import { describe, expect, it } from "vitest";
import { count, decimal, integer, isoDate, oneOf, optional, percent, slug, text, yesNo } from "../../src/data/cells.ts";

/** The value a cell schema gives for `raw`, or the "expected …" message it fails with. */
function parse(schema: { safeParse: (v: string) => { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }, raw: string): unknown {
  const r = schema.safeParse(raw);
  return r.success ? r.data : `error: ${r.error!.issues.map((i) => i.message).join("; ")}`;
}

describe("count()", () => {
  it.each([
    ["0", 0],
    ["10186", 10186],
    [" 42 ", 42],
    ["+7", 7],
  ])("accepts %j as %d", (raw, value) => {
    expect(parse(count(), raw)).toBe(value);
  });

  it.each(["1O186", "-1", "1.5", "1 234", "NaN", "Infinity", "1e3", "", "9007199254740993"])("rejects %j", (raw) => {
    expect(parse(count(), raw)).toBe("error: a whole number ≥ 0");
  });

  it("rejects thousands separators, saying so", () => {
    expect(parse(count(), "1,234")).toBe("error: a whole number ≥ 0, written without thousands separators");
  });

  it("names its minimum", () => {
    expect(parse(count(2), "1")).toBe("error: a whole number ≥ 2");
    expect(parse(count(2), "2")).toBe(2);
  });
});

describe("decimal(), percent(), integer()", () => {
  it.each([
    [decimal(), "163.48", 163.48],
    [decimal(), "-4.29", -4.29],
    [decimal(), ".5", 0.5],
    [decimal(), "7.", 7],
    [decimal(0), "0", 0],
    [percent(), "0", 0],
    [percent(), "100", 100],
    [percent(), "94.6", 94.6],
    [integer(1900, 2100), "2022", 2022],
  ] as const)("%#: accepts %j", (schema, raw, value) => {
    expect(parse(schema, raw)).toBe(value);
  });

  it.each([
    [decimal(), "NaN", "a number"],
    [decimal(), "Infinity", "a number"],
    [decimal(), "-Infinity", "a number"],
    [decimal(), "1,234", "a number, written without thousands separators"],
    [percent(), "1,000.5", "a percentage from 0 to 100 (without %), written without thousands separators"],
    [decimal(), "1e5", "a number"],
    [decimal(), "0x10", "a number"],
    [decimal(), "", "a number"],
    [decimal(0), "-0.1", "a number ≥ 0"],
    [decimal(-100), "-101", "a number ≥ -100"],
    [percent(), "117", "a percentage from 0 to 100 (without %)"],
    [percent(), "-1", "a percentage from 0 to 100 (without %)"],
    [percent(), "16.9%", "a percentage from 0 to 100 (without %)"],
    [integer(1900, 2100), "1899", "a whole number from 1900 to 2100"],
    [integer(1900, 2100), "2022.0", "a whole number from 1900 to 2100"],
  ] as const)("%#: rejects %j, expecting %s", (schema, raw, expected) => {
    expect(parse(schema, raw)).toBe(`error: ${expected}`);
  });
});

describe("other cells", () => {
  it.each([
    [oneOf(["all", "top3"] as const), "top3", "top3"],
    [oneOf(["all", "top3"] as const), "All", "error: one of all, top3"],
    [slug(), "hong-kong", "hong-kong"],
    [slug(), "Hong Kong", "error: an identifier of lower-case letters, digits and dashes"],
    [slug(), "hong--kong", "error: an identifier of lower-case letters, digits and dashes"],
    [isoDate(), "2024-02-29", "2024-02-29"],
    [isoDate(), "2023-02-29", "error: a date written YYYY-MM-DD"],
    [isoDate(), "2023-6-30", "error: a date written YYYY-MM-DD"],
    [yesNo(), "yes", true],
    [yesNo(), "no", false],
    [yesNo(), "Y", "error: yes or no"],
    [text(3), "中國內", "中國內"],
    [text(3), "中國內地", "error: text of 1 to 3 characters"],
    [text(3), "  ", "error: text of 1 to 3 characters"],
  ] as const)("%#: %j", (schema, raw, expected) => {
    expect(parse(schema, raw)).toBe(expected);
  });

  it.each([
    ["", undefined],
    ["  ", undefined],
    ["94.6", 94.6],
    ["117", "error: a percentage from 0 to 100 (without %) or an empty cell"],
  ])("optional(percent()) of %j", (raw, expected) => {
    expect(parse(optional(percent()), raw)).toBe(expected);
  });
});
