/**
 * Property-based tests: whatever a data file holds, loading it either succeeds or fails with the
 * project's DataError, every problem naming its file (and line, where the problem has one); the
 * statistics never throw on any number, and rankValues always returns a valid ranking.
 * Runs are bounded (numRuns ≤ 200, small inputs) so the suite stays fast.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { decodeDataFile } from "../../src/data/decode-text.ts";
import { tables } from "../../chapters/brain-drain/series.ts";
import { validateTable, type Columns, type SeriesSpec as TableSpec } from "../../src/data/define-series.ts";
import { parseCsv } from "../../src/data/parse-csv.ts";
import { labelsSeries, publishedSeries } from "../../src/data/standard-series.ts";
import { DataError, type Problem } from "../../src/errors.ts";
import { messages } from "../../src/messages.ts";
import { growthRate, netMigrationRatio, share } from "../../src/stats/basic.ts";
import { rankValues } from "../../src/stats/rank.ts";
import { welchT } from "../../src/stats/welch.ts";
import { localeOf } from "../../src/locale/locale-of.ts";
import { chapter, loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

const FILE = "test.csv";
/** Every data file of the chapter: its own series, and labels.csv and published.csv (every chapter's). */
const specs = [...Object.values(chapter.series), labelsSeries(chapter.languages.map((l) => localeOf(l).labelColumn)), publishedSeries] as unknown as TableSpec<Columns>[];

/** Problems that concern a whole file and so have no line. */
const WHOLE_FILE = (file: string) => new Set([messages.emptyFile(), messages.utf16(file), messages.binary(), messages.missingFile()]);

/** Runs `f`; it must return, or throw a DataError whose every problem names `file` (and a line within the text, unless it is about the whole file). */
function expectReturnOrDataError(f: () => unknown, file: string, lineCount: number): "ok" | "rejected" {
  try {
    f();
    return "ok";
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    const problems = (err as DataError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expectWellFormed(p, file, lineCount);
    return "rejected";
  }
}

function expectWellFormed(p: Problem, file: string, lineCount: number): void {
  expect(p.file).toBe(file);
  expect(typeof p.message).toBe("string");
  expect(p.message.length).toBeGreaterThan(0);
  if (WHOLE_FILE(file).has(p.message) || p.message.startsWith("the file is ")) return;
  expect(p.line, `${p.message} has no line`).toBeTypeOf("number");
  expect(Number.isInteger(p.line)).toBe(true);
  expect(p.line!).toBeGreaterThanOrEqual(1);
  expect(p.line!).toBeLessThanOrEqual(lineCount + 1);
}

// ---------------------------------------------------------------- generators

/** Cell text a person or a spreadsheet might write, and some nobody should. */
const cellText = fc.oneof(
  fc.constantFrom("", " ", "0", "1", "-1", "+7", "42", "10186", "1O186", "1,234", "7,448,900", "1.5", ".5", "7.", "1e3", "0x10", "NaN", "Infinity", "-Infinity"),
  fc.constantFrom("117", "16.9%", "2023-06-30", "2023-02-29", "30/06/2023", "mid-2023", "yes", "no", "TRUE", "all", "top3", "us", "Hong Kong", "hong-kong", "20-24"),
  fc.constantFrom("中國內地", "美國", "<script>", "{{x}}", '"', '""', ",", "\n", "\r\n", "\u0000", "\uFEFF", "\t"),
  fc.integer({ min: -1e6, max: 1e7 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

/** A cell as written in the file: bare, quoted (with doubled quotes), or quoted carelessly. */
const writtenCell = fc.tuple(cellText, fc.constantFrom("bare", "quoted", "careless")).map(([text, how]) =>
  how === "bare" ? text : how === "quoted" ? `"${text.replace(/"/g, '""')}"` : `"${text}`,
);

/** CSV text for `columns`: a header (a permutation of a random subset, maybe with extras or misspellings), rows of random cells, random line endings. */
function csvText(columns: string[]) {
  const headerNames = fc.tuple(
    fc.shuffledSubarray(columns, { minLength: 0, maxLength: columns.length }),
    fc.array(fc.oneof(fc.constantFrom("notes", "", "Region", "jion", "leave edu", "count"), fc.string({ maxLength: 6 })), { maxLength: 2 }),
    fc.boolean(),
  ).map(([subset, extra, all]) => (all ? fc.shuffledSubarray(columns, { minLength: columns.length }) : fc.constant([...subset, ...extra])));
  return fc
    .tuple(
      headerNames.chain((h) => h),
      fc.array(fc.array(writtenCell, { minLength: 0, maxLength: columns.length + 2 }), { maxLength: 8 }),
      fc.constantFrom("\n", "\r\n"),
      fc.constantFrom("", "\n", "\n\n", "   \n"),
    )
    .map(([header, rows, eol, tail]) => [header.join(","), ...rows.map((r) => r.join(","))].join(eol) + tail);
}

/** Rows that fit the columns more often: each cell drawn for its position. */
function mostlyValidCsv(columns: string[]) {
  return fc
    .array(fc.array(cellText, { minLength: columns.length, maxLength: columns.length }), { minLength: 1, maxLength: 6 })
    .map((rows) => [columns.join(","), ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\n") + "\n");
}

/** Lines of a text as the loader counts them (CRLF, CR and LF each end one). */
const lines = (text: string) => text.split(/\r\n|\r|\n/).length;

// ---------------------------------------------------------------- the loader

describe("the CSV loader on random input", () => {
  it("random bytes: decodeDataFile returns text or throws a DataError naming the file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expectReturnOrDataError(() => decodeDataFile(bytes, FILE), FILE, lines(Buffer.from(bytes).toString("latin1")));
      }),
      { numRuns: 200 },
    );
  });

  it("random CSV text for every table: parseCsv + validateTable return rows or throw a DataError with file and line", () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs).chain((spec) => fc.tuple(fc.constant(spec.name), fc.oneof(csvText(Object.keys(spec.columns)), mostlyValidCsv(Object.keys(spec.columns))))), ([name, text]) => {
        const spec = specs.find((s) => s.name === name)!;
        const required = Object.keys(spec.columns).filter((c) => !(spec.optional ?? []).includes(c));
        expectReturnOrDataError(() => validateTable(spec, parseCsv(text, FILE, required, spec.optional ?? [])), FILE, lines(text));
      }),
      { numRuns: 200 },
    );
  });

  it("random bytes as a CSV file: decode, parse and validate never throw anything but a DataError", () => {
    const spec = tables.regionFlows as unknown as TableSpec<Columns>;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), csvText(Object.keys(spec.columns)).map((t) => new TextEncoder().encode(t))), (bytes) => {
        expectReturnOrDataError(() => validateTable(spec, parseCsv(decodeDataFile(bytes, FILE), FILE, Object.keys(spec.columns))), FILE, lines(Buffer.from(bytes).toString("latin1")));
      }),
      { numRuns: 200 },
    );
  });

  it("a data folder with one file replaced by random CSV: loadDataset loads or throws a DataError naming that file", () => {
    const names = specs.map((s) => s.name);
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...names).chain((name) => {
          const spec = specs.find((s) => s.name === name)!;
          return fc.tuple(fc.constant(name), fc.oneof(csvText(Object.keys(spec.columns)), mostlyValidCsv(Object.keys(spec.columns))));
        }),
        ([name, text]) => {
          const copy = copyData();
          const file = path.join(copy, `${name}.csv`);
          writeFileSync(file, text);
          try {
            loadDataset(copy);
          } catch (err) {
            expect(err).toBeInstanceOf(DataError);
            rejected++;
            for (const p of (err as DataError).problems) {
              expect(typeof p.file).toBe("string");
              expect(p.file.startsWith(copy)).toBe(true);
              // A problem in the replaced file has its line, unless it concerns the whole file.
              if (p.file === file && !WHOLE_FILE(file).has(p.message)) expect(p.line).toBeTypeOf("number");
            }
          } finally {
            rmSync(copy, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(rejected).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- statistics

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300), fc.integer());

describe("the statistics on any number", () => {
  it("growthRate, share and netMigrationRatio never throw and return a number", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (a, b, c) => {
        for (const v of [growthRate(a, b), share(a, b), netMigrationRatio(a, b, c)]) expect(typeof v).toBe("number");
        if (a === 0) expect(growthRate(a, b)).toBeNaN();
        if (b === 0) expect(share(a, b)).toBeNaN();
      }),
      { numRuns: 200 },
    );
  });

  it("welchT never throws; for real groups, t has the sign of the difference and df lies within its bounds", () => {
    const group = fc.record({ mean: anyNumber, sd: anyNumber, n: anyNumber });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const r = welchT(a, b);
        expect(typeof r.t).toBe("number");
        expect(typeof r.df).toBe("number");
      }),
      { numRuns: 200 },
    );
    const real = fc.record({ mean: fc.double({ min: -1e6, max: 1e6, noNaN: true }), sd: fc.double({ min: 1e-3, max: 1e6, noNaN: true }), n: fc.integer({ min: 2, max: 1e6 }) });
    fc.assert(
      fc.property(real, real, (a, b) => {
        const { t, df } = welchT(a, b);
        expect(Number.isFinite(t)).toBe(true);
        // (A difference too small for a double may round t to zero.)
        if (t !== 0) expect(Math.sign(t)).toBe(Math.sign(a.mean - b.mean));
        // Welch–Satterthwaite: between the smaller group's n − 1 and n_a + n_b − 2.
        expect(df).toBeGreaterThanOrEqual(Math.min(a.n, b.n) - 1 - 1e-6);
        expect(df).toBeLessThanOrEqual(a.n + b.n - 2 + 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it("rankValues always returns a valid ranking: ranks 1..n, ties equal, better values ranked first, NaN unranked", () => {
    const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0)), { maxLength: 20 });
    fc.assert(
      fc.property(values, fc.constantFrom("asc" as const, "desc" as const), fc.constantFrom("min" as const, "dense" as const), (vs, direction, ties) => {
        const ranks = rankValues(vs, direction, ties);
        expect(ranks).toHaveLength(vs.length);
        const ranked = vs.map((v, i) => ({ v, r: ranks[i]! })).filter(({ v }) => !Number.isNaN(v));
        const n = ranked.length;
        const better = (x: number, y: number) => (direction === "desc" ? x > y : x < y);
        for (const [i, v] of vs.entries()) if (Number.isNaN(v)) expect(ranks[i]).toBeNaN();
        for (const { v, r } of ranked) {
          expect(Number.isInteger(r)).toBe(true);
          expect(r).toBeGreaterThanOrEqual(1);
          expect(r).toBeLessThanOrEqual(n);
          const strictlyBetter = ranked.filter((o) => better(o.v, v));
          // "min": one more than the values ranked above; "dense": one more than the distinct values above.
          expect(r).toBe(1 + (ties === "min" ? strictlyBetter.length : new Set(strictlyBetter.map((o) => o.v)).size));
        }
        for (const x of ranked) for (const y of ranked) if (x.v === y.v) expect(x.r).toBe(y.r);
        if (n > 0) expect(Math.min(...ranked.map((x) => x.r))).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
