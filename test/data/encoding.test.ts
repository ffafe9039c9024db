/** Data files must be UTF-8 (BOM optional, any line ending); anything else is named clearly. */
import { afterAll, describe, expect, it } from "vitest";
import { decodeDataFile } from "../../src/data/decode-text.ts";
import { DataError } from "../../src/errors.ts";
import { messages } from "../../src/messages.ts";
import { loadData as loadDataset } from "../helpers/chapter.ts";
import { copyData, copyDataBytes, removeDataCopies } from "../helpers/data-copy.ts";
import { loadProblems } from "../helpers/load-problems.ts";

afterAll(removeDataCopies);

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** 中國內地 in Big5: 中 A4A4, 國 B0EA, 內 A4BA, 地 A661. */
const BIG5_MAINLAND = Buffer.from([0xa4, 0xa4, 0xb0, 0xea, 0xa4, 0xba, 0xa6, 0x61]);

/** Replaces the first occurrence of `find` (UTF-8) in `bytes` with `replacement` bytes. */
function replaceBytes(bytes: Buffer, find: string, replacement: Buffer): Buffer {
  const at = bytes.indexOf(Buffer.from(find, "utf8"));
  if (at < 0) throw new Error(`"${find}" not found`);
  return Buffer.concat([bytes.subarray(0, at), replacement, bytes.subarray(at + Buffer.byteLength(find, "utf8"))]);
}

describe("accepted", () => {
  it("a UTF-8 byte-order mark (the header's first column still matches)", () => {
    const dir = copyDataBytes({
      "region-flows.csv": (b) => Buffer.concat([BOM, b]),
      "labels.csv": (b) => Buffer.concat([BOM, b]),
      "edition.yaml": (b) => Buffer.concat([BOM, b]),
    });
    const ds = loadDataset(dir);
    expect(ds.tables.regionFlows[0]?.region).toBe("us");
    expect(ds.labels.get("region:us")).toEqual({ en: "United States", "zh-HK": "美國" });
    expect(ds.edition.startPage).toBe(172);
  });

  it("CRLF line endings, in CSV and YAML", () => {
    const dir = copyData({
      "region-flows.csv": (t) => t.replace(/\n/g, "\r\n"),
      "labels.csv": (t) => t.replace(/\n/g, "\r\n"),
      "edition.yaml": (t) => t.replace(/\n/g, "\r\n"),
    });
    const ds = loadDataset(dir);
    expect(ds.tables.regionFlows.at(-1)).toEqual({ line: 11, region: "japan", leave: 548, join: 462, leave_edu: 18, join_edu: 20 });
    expect(ds.labels.get("scheme:qmas")?.["zh-HK"]).toBe("優秀人才入境計劃");
  });

  it("CRLF line endings keep line numbers right", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.replace(/\n/g, "\r\n").replace("10186", "1O186") });
    expect(loadProblems(dir)).toEqual(['<data>/region-flows.csv:2: column "join": expected a whole number ≥ 0, got "1O186"']);
  });

  it("trailing blank lines", () => {
    const dir = copyData({
      "region-flows.csv": (t) => `${t}\n\n\n`,
      "labels.csv": (t) => `${t}\r\n\r\n`,
      "rhq.csv": (t) => `${t}   \n`,
    });
    const ds = loadDataset(dir);
    expect(ds.tables.regionFlows).toHaveLength(10);
    expect(ds.tables.rhq).toHaveLength(25);
  });

  it("no newline at the end of the file", () => {
    const dir = copyData({ "region-flows.csv": (t) => t.trimEnd() });
    expect(loadDataset(dir).tables.regionFlows).toHaveLength(10);
  });
});

describe("rejected", () => {
  it.each([
    ["UTF-16 LE", (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["UTF-16 BE", (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])],
  ])("%s, with the UTF-16 message", (_what, encode) => {
    const dir = copyDataBytes({ "region-flows.csv": (b) => encode(b.toString("utf8")) });
    expect(loadProblems(dir)).toEqual([`<data>/region-flows.csv: ${messages.utf16("<data>/region-flows.csv")}`]);
    expect(loadProblems(dir)[0]).toContain("the file is encoded as UTF-16; save");
  });

  it("Big5 Chinese in labels.csv, with the line of the first bad byte", () => {
    const dir = copyDataBytes({ "labels.csv": (b) => replaceBytes(b, "中國內地", BIG5_MAINLAND) });
    expect(loadProblems(dir)).toEqual(["<data>/labels.csv:3: the file is not valid UTF-8 (Big5 or another legacy encoding?); save it as UTF-8"]);
  });

  it("Big5 after a BOM counts lines from the first line", () => {
    const dir = copyDataBytes({ "labels.csv": (b) => Buffer.concat([BOM, replaceBytes(b, "中國內地", BIG5_MAINLAND)]) });
    expect(loadProblems(dir)).toEqual(["<data>/labels.csv:3: the file is not valid UTF-8 (Big5 or another legacy encoding?); save it as UTF-8"]);
  });

  it("NUL bytes", () => {
    const dir = copyDataBytes({ "rhq.csv": (b) => Buffer.concat([b, Buffer.from([0x00, 0x00])]) });
    expect(loadProblems(dir)).toEqual(["<data>/rhq.csv: the file contains NUL bytes; it is not a text CSV file"]);
  });
});

describe("decodeDataFile: the line of the first invalid UTF-8 byte", () => {
  const lineOf = (bytes: number[]): number | undefined => {
    try {
      decodeDataFile(Uint8Array.from(bytes), "f.csv");
    } catch (e) {
      if (e instanceof DataError) return e.problems[0]?.line;
      throw e;
    }
    return undefined;
  };
  const A = 0x61;
  const NL = 0x0a;

  it.each([
    ["a lone continuation byte (Big5 中 = A4 A4)", [A, NL, 0xa4, 0xa4, NL, A], 2],
    ["a truncated three-byte sequence", [A, NL, A, NL, 0xe4, 0xb8, NL], 3],
    ["a truncated sequence at the end", [A, NL, 0xe4, 0xb8], 2],
    ["an overlong two-byte form (C0 AF)", [0xc0, 0xaf, NL, A], 1],
    ["an overlong three-byte form (E0 80 AF)", [A, NL, 0xe0, 0x80, 0xaf, NL, A, NL], 2],
    ["a UTF-16 surrogate (ED A0 80)", [A, NL, 0xed, 0xa0, 0x80, NL, A, NL, A], 2],
    ["an overlong four-byte form (F0 80 80 AF)", [NL, NL, 0xf0, 0x80, 0x80, 0xaf, NL, NL], 3],
    ["a code point above U+10FFFF (F4 90 80 80)", [NL, 0xf4, 0x90, 0x80, 0x80, NL, NL], 2],
    ["F5 and above never start a sequence", [NL, NL, NL, 0xf5, 0x80], 4],
  ])("%s", (_what, bytes, line) => {
    expect(lineOf(bytes)).toBe(line);
  });

  it.each([
    ["中 (E4 B8 AD)", [0xe4, 0xb8, 0xad]],
    ["U+D7FF (ED 9F BF), just below the surrogates", [0xed, 0x9f, 0xbf]],
    ["U+10FFFF (F4 8F BF BF)", [0xf4, 0x8f, 0xbf, 0xbf]],
    ["😀 (F0 9F 98 80)", [0xf0, 0x9f, 0x98, 0x80]],
  ])("accepts %s", (_what, bytes) => {
    expect(decodeDataFile(Uint8Array.from(bytes), "f.csv")).toBe(Buffer.from(bytes).toString("utf8"));
  });

  it("normalises CR and CRLF to LF and drops the BOM", () => {
    expect(decodeDataFile(Uint8Array.from([0xef, 0xbb, 0xbf, A, 0x0d, NL, A, 0x0d, A]), "f.csv")).toBe("a\na\na");
  });
});
