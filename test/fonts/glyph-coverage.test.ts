/**
 * withinSorted, the binary search behind hasGlyph: the same answer as a scan of the ranges for
 * every code point around every range's ends, on a CJK file's real cmap and on random ranges.
 */
import { describe, expect, it } from "vitest";
import { hasGlyph, mergeRanges, withinSorted } from "../../src/fonts/glyph-coverage.ts";
import { loadFontFaces } from "../../src/fonts/font-faces.ts";
import { woff2CodePoints } from "../../src/fonts/woff2-cmap.ts";

const scan = (ranges: readonly [number, number][], cp: number) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

function probes(ranges: readonly [number, number][]): number[] {
  return [-1, 0, 1, 0x10ffff, ...ranges.flatMap(([lo, hi]) => [lo - 1, lo, lo + 1, hi - 1, hi, hi + 1])];
}

describe("withinSorted", () => {
  it("agrees with a scan on a Noto Serif HK file's cmap", () => {
    const face = loadFontFaces().find((f) => f.family === "Noto Serif HK" && f.weight === 400 && f.ranges.some(([lo]) => lo >= 0x4e00))!;
    const cmap = woff2CodePoints(face.file);
    expect(cmap.length).toBeGreaterThan(50);
    for (const cp of probes(cmap)) expect(withinSorted(cmap, cp), `U+${cp.toString(16)}`).toBe(scan(cmap, cp));
    const drawn = cmap[0]![0];
    expect(hasGlyph(face, drawn)).toBe(scan(face.ranges, drawn));
  });

  it("agrees with a scan on random sorted, disjoint ranges, the empty list included", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 200; t++) {
      const ranges: [number, number][] = [];
      let at = random(5);
      for (let i = random(12); i > 0; i--) {
        const lo = at + random(4);
        const hi = lo + random(3);
        ranges.push([lo, hi]);
        at = hi + 2;
      }
      for (const cp of probes(ranges)) expect(withinSorted(ranges, cp)).toBe(scan(ranges, cp));
    }
  });
});

describe("hasGlyph", () => {
  it("is true exactly where a file's unicode-range and its cmap both include the code point (every Noto Serif HK 400 file)", () => {
    const faces = loadFontFaces().filter((f) => f.family === "Noto Serif HK" && f.weight === 400);
    expect(faces.length).toBeGreaterThan(50);
    let drawn = 0;
    for (const face of faces) {
      const cmap = woff2CodePoints(face.file);
      for (const cp of probes(face.ranges)) {
        const expected = scan(face.ranges, cp) && scan(cmap, cp);
        expect(hasGlyph(face, cp), `${face.name} U+${cp.toString(16)}`).toBe(expected);
        if (expected) drawn++;
      }
    }
    expect(drawn).toBeGreaterThan(1000);
  });

  it("reads unicode-ranges in any order (mergeRanges sorts and joins them)", () => {
    expect(mergeRanges([[30, 40], [1, 5], [6, 8], [3, 4], [20, 25]])).toEqual([[1, 8], [20, 25], [30, 40]]);
    expect(mergeRanges([])).toEqual([]);
  });
});
