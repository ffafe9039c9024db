import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFilesAtomically } from "../../src/derive/write-files-atomically.ts";
import { tempDir } from "./helpers/extract.ts";

describe("writeFilesAtomically", () => {
  it("replaces every file, leaving no staging folder", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "a.csv"), "old a\n");
    writeFilesAtomically(dir, new Map([["a.csv", "new a\n"], ["b.csv", "new b\n"]]));
    expect(fs.readdirSync(dir).sort()).toEqual(["a.csv", "b.csv"]);
    expect(fs.readFileSync(path.join(dir, "a.csv"), "utf8")).toBe("new a\n");
  });

  it("restores the files it already replaced when a later one cannot be written", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "a.csv"), "old a\n");
    fs.mkdirSync(path.join(dir, "c.csv")); // a folder in the way: renaming a file onto it fails
    fs.writeFileSync(path.join(dir, "c.csv", "keep"), "x");
    expect(() => writeFilesAtomically(dir, new Map([["a.csv", "new a\n"], ["b.csv", "new b\n"], ["c.csv", "new c\n"]]))).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(["a.csv", "c.csv"]);
    expect(fs.readFileSync(path.join(dir, "a.csv"), "utf8")).toBe("old a\n");
  });
});
