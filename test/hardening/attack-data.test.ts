/**
 * Regression tests for the data-validation failures of the attack report
 * (../shared/reviews/attack.md): each describe is named after its failure and reproduces it.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { escapeControls } from "../../src/escape-controls.ts";
import { MAX_PROBLEMS_PER_FILE } from "../../src/data/define-series.ts";
import { readDataFile } from "../../src/data/read-data-file.ts";
import { copyData, removeDataCopies } from "../helpers/data-copy.ts";
import { loadProblems } from "../helpers/load-problems.ts";

afterAll(removeDataCopies);

/** Runs the CLI in-process and captures what it prints, one entry per line. */
async function run(argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(...l.split("\n")), stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stdout, stderr };
}

/** labels.csv with the `key` row's English and Chinese labels replaced (CSV-quoted). */
const relabel = (key: string, en: string, zh: string) => (t: string) =>
  t.replace(new RegExp(`^${key},[^\\n]*$`, "m"), `${key},"${en.replace(/"/g, '""')}","${zh.replace(/"/g, '""')}"`);

/** Any character a terminal or a page would act on. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe("F3 label text is single-line plain text", () => {
  it.each([
    ["a quoted newline (Markdown code-block injection)", "Singapore\n\n    INJECTED CODE BLOCK", "新加坡", "en", "a line break (U+000A) at character 10", "Singapore\\u{a}\\u{a}    INJECTED CODE BLOCK"],
    ["a right-to-left override", "United States\u202e", "美國", "en", "a bidi control (U+202E) at character 14", "United States\\u{202e}"],
    ["a right-to-left isolate in the Chinese label", "United States", "美國\u2067", "zh_hk", "a bidi control (U+2067) at character 3", "美國\\u{2067}"],
    ["a left-to-right mark", "United\u200eStates", "美國", "en", "a bidi control (U+200E) at character 7", "United\\u{200e}States"],
    ["an Arabic letter mark", "United States", "美\u061c國", "zh_hk", "a bidi control (U+061C) at character 2", "美\\u{61c}國"],
    ["a tab", "United\tStates", "美國", "en", "a tab (U+0009) at character 7", "United\\u{9}States"],
    ["a C1 control", "United\u0085States", "美國", "en", "a control character (U+0085) at character 7", "United\\u{85}States"],
    ["a zero-width space", "United\u200bStates", "美國", "en", "an invisible format character (U+200B) at character 7", "United\\u{200b}States"],
    ["a line separator", "United\u2028States", "美國", "en", "a line break (U+2028) at character 7", "United\\u{2028}States"],
  ])("refuses %s with file:line, column and the character", (_what, en, zh, column, found, shown) => {
    const dir = copyData({ "labels.csv": relabel(en.startsWith("Singapore") ? "region:singapore" : "region:us", en, zh) });
    const line = en.startsWith("Singapore") ? 5 : 2;
    expect(loadProblems(dir)).toEqual([`<data>/labels.csv:${line}: column "${column}": expected plain text on one line (found ${found}), got "${shown}"`]);
  });

  it("refuses a bidi control in edition.yaml text, naming the field and line", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  en: Evidence from LinkedIn Profiles", '  en: "Evidence from \\u202eLinkedIn"') });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:23: column "chapter.subtitle.en": expected plain text on one line (found a bidi control (U+202E) at character 15), got "Evidence from \\u{202e}LinkedIn"',
    ]);
  });

  it("refuses a line break in a catalog title", () => {
    const dir = copyData({ "catalog.yaml": (t) => t.replace("  unit: persons\n  asOf: 2023-10-31", '  unit: "persons\\nSECOND LINE"\n  asOf: 2023-10-31') });
    expect(loadProblems(dir)).toEqual([
      '<data>/catalog.yaml:8: column "linkedin-totals.unit": expected plain text on one line (found a line break (U+000A) at character 8), got "persons\\u{a}SECOND LINE"',
    ]);
  });
});

describe("F5 margins wider than the page", () => {
  it("refuses margins that leave no text area, naming both directions", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace(/margin: \{[^}]*\}/, "margin: { top: 200mm, bottom: 200mm, inside: 150mm, outside: 150mm }") });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:11: column "page.margin.inside": expected margins that leave a text area of at least 60 mm; inside + outside leave -90 mm of the 210 mm A4 page, got "150mm"',
      '<data>/edition.yaml:11: column "page.margin.top": expected margins that leave a text area of at least 90 mm; top + bottom leave -103 mm of the 297 mm A4 page, got "200mm"',
    ]);
  });

  it("refuses margins in other units that leave a sliver (A5, 3in + 2.5in)", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("size: A4", "size: A5").replace(/margin: \{[^}]*\}/, "margin: { top: 2cm, bottom: 2cm, inside: 3in, outside: 2.5in }") });
    expect(loadProblems(dir)).toEqual([
      '<data>/edition.yaml:11: column "page.margin.inside": expected margins that leave a text area of at least 60 mm; inside + outside leave 8.3 mm of the 148 mm A5 page, got "3in"',
    ]);
  });
});

describe("F6 numbers must be finite", () => {
  it("refuses a 401-digit decimal (Infinity to JavaScript)", () => {
    const big = `1${"0".repeat(400)}`;
    const dir = copyData({ "profile.csv": (t) => t.replace("the-rank-masters,the-rank,163.48", `the-rank-masters,the-rank,${big}`) });
    expect(loadProblems(dir)).toEqual([`<data>/profile.csv:2: column "joiner": expected a number, got "${big.slice(0, 57)}…"`]);
  });

  it("refuses a 400-digit whole number in a count column", () => {
    const dir = copyData({ "rhq.csv": (t) => t.replace(/^2018,us,\d+$/m, `2018,us,${"9".repeat(400)}`) });
    expect(loadProblems(dir)).toEqual([`<data>/rhq.csv:2: column "count": expected a whole number ≥ 0, got "${"9".repeat(57)}…"`]);
  });
});

describe("F7 impossible calendar dates", () => {
  it("refuses releaseDate 2023-02-30 in edition.yaml", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace(/^releaseDate: .*$/m, "releaseDate: 2023-02-30") });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:4: column "releaseDate": expected a real calendar date, got "2023-02-30"']);
  });

  it("refuses asOf 2023-04-31 in catalog.yaml", () => {
    const dir = copyData({ "catalog.yaml": (t) => t.replace("asOf: 2023-10-31", "asOf: 2023-04-31") });
    const problems = loadProblems(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^<data>\/catalog\.yaml:9: column "[a-z-]+\.asOf": expected a real calendar date, got "2023-04-31"$/);
  });

  it("refuses 2023-02-29 (not a leap year) in scope.population.pandemicStart", () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("pandemicStart: 2020-01-01", "pandemicStart: 2023-02-29") });
    expect(loadProblems(dir)).toEqual(['<data>/edition.yaml:46: column "scope.population.pandemicStart": expected a real calendar date, got "2023-02-29"']);
  });
});

describe("F8 FIFOs and other non-regular data files", () => {
  it("refuses a FIFO with no writer at once instead of hanging", () => {
    const dir = copyData();
    rmSync(path.join(dir, "rhq.csv"));
    execFileSync("mkfifo", [path.join(dir, "rhq.csv")]);
    expect(loadProblems(dir)).toEqual(["<data>/rhq.csv: expected an ordinary file, got a named pipe (FIFO); put the data in a regular file"]);
  });

  it("refuses a FIFO that a writer is feeding 50 MiB, without reading it", async () => {
    const dir = copyData();
    const fifo = path.join(dir, "rhq.csv");
    rmSync(fifo);
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `(printf 'year,parent,count\\n'; yes 2018,us,290 | head -c 50M) > '${fifo}'`], { stdio: "ignore" });
    try {
      const t = performance.now();
      expect(loadProblems(dir)).toEqual(["<data>/rhq.csv: expected an ordinary file, got a named pipe (FIFO); put the data in a regular file"]);
      expect(performance.now() - t).toBeLessThan(5000);
    } finally {
      writer.kill();
    }
  });

  it("refuses a folder named like a data file", () => {
    const dir = copyData();
    rmSync(path.join(dir, "rhq.csv"));
    mkdirSync(path.join(dir, "rhq.csv"));
    expect(loadProblems(dir)).toEqual(["<data>/rhq.csv: expected an ordinary file, got a folder; put the data in a regular file"]);
  });
});

describe("F19 symbolic links leaving the data folder", () => {
  it("refuses rhq.csv -> /etc/passwd without echoing the target's content", () => {
    const dir = copyData();
    rmSync(path.join(dir, "rhq.csv"));
    symlinkSync("/etc/passwd", path.join(dir, "rhq.csv"));
    const problems = loadProblems(dir);
    expect(problems).toEqual(['<data>/rhq.csv: the file is a symbolic link to "/etc/passwd", outside the data folder; copy the file into the data folder instead']);
    expect(problems.join("\n")).not.toContain("root:");
  });

  it("refuses a link to /proc/self/status (size 0, unbounded)", () => {
    const dir = copyData();
    rmSync(path.join(dir, "rhq.csv"));
    symlinkSync("/proc/self/status", path.join(dir, "rhq.csv"));
    expect(loadProblems(dir)[0]).toMatch(/^<data>\/rhq\.csv: the file is a symbolic link to "\/proc\/\d+\/status", outside the data folder/);
  });

  it("still reads a link to a file inside the data folder", () => {
    const dir = copyData();
    const sub = path.join(dir, "versions");
    mkdirSync(sub);
    execFileSync("mv", [path.join(dir, "rhq.csv"), path.join(sub, "rhq.csv")]);
    symlinkSync("versions/rhq.csv", path.join(dir, "rhq.csv"));
    expect(() => loadProblems(dir)).toThrow(/expected .* to fail to load, but it loaded/);
  });
});

describe("F18 messages never echo control characters", () => {
  it("escapes ESC/OSC sequences and newlines of a cell, so no forged file:line line appears", async () => {
    const dir = copyData();
    writeFileSync(path.join(dir, "rhq.csv"), 'year,parent,count\n2018,us,"29\u001b[2J\u001b]0;PWNED\u0007\nfake/data.csv:1: all good"\n');
    const r = await run(["check", "--data", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      "greenbook check: 1 problem in the data:",
      `${dir}/rhq.csv:2: column "count": expected a whole number ≥ 0, got "29\\u{1b}[2J\\u{1b}]0;PWNED\\u{7}\\u{a}fake/data.csv:1: all good"`,
    ]);
    for (const line of r.stderr) expect(line).not.toMatch(RAW_CONTROL);
  });

  it("escapes control characters in a header name", async () => {
    const dir = copyData({ "rhq.csv": (t) => t.replace("year,parent,count", "year,parent,count,\u001b[31mred") });
    const r = await run(["check", "--data", dir]);
    expect(r.stderr[1]).toBe(`${dir}/rhq.csv:1: column "\\u{1b}[31mred": not a column of this file; expected year, parent, count`);
    for (const line of r.stderr) expect(line).not.toMatch(RAW_CONTROL);
  });

  it("escapeControls writes each control as \\u{hex} and leaves other text alone", () => {
    expect(escapeControls("a\u001bb\u202ec\n中\u{2000b}")).toBe("a\\u{1b}b\\u{202e}c\\u{a}中\u{2000b}");
  });
});

describe("F22 a 5 MiB CSV of duplicate rows", () => {
  it("lists the first problems and counts the rest, without overflowing the stack", () => {
    const dir = copyData();
    const rows = 430_000;
    writeFileSync(path.join(dir, "rhq.csv"), `year,parent,count\n${"2018,us,290\n".repeat(rows)}`);
    const problems = loadProblems(dir);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems[0]).toBe('<data>/rhq.csv:3: column "year, parent": duplicate key "2018 / us" (first on line 2)');
    expect(problems.at(-1)).toBe(`<data>/rhq.csv: ${rows - 1 - MAX_PROBLEMS_PER_FILE} more problems in this file not listed; fix the ones above and check again`);
  });
});

describe("F8 size limit by the bytes actually read", () => {
  it("stops reading a file whose stat size is 0 (/proc) once it passes the limit", () => {
    // /proc/self/status is a regular file of stat size 0 and about 1.5 KiB of text.
    expect(() => readDataFile("/proc/self", "/proc/self/status", "status", 100)).toThrow(
      expect.objectContaining({ problems: [{ file: "status", message: "the file is over the 100-byte limit for a data file (read that much and stopped)" }] }),
    );
  });
});
