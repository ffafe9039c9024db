/**
 * Which characters the embedded fonts can draw. A character is drawable when, in both the serif
 * and the sans stack, a face whose unicode-range includes it (so Chromium would pick that face)
 * also has a glyph for it in its cmap: fontsource's ranges are merged spans and overstate (U+2615 ☕
 * lies in a Noto HK range, but no Noto HK file has it). Anything else would print from a system
 * font (DejaVu) or as a box, so data that holds it is refused.
 */
import { loadFontFaces, type FontFace } from "./font-faces.ts";
import { woff2CodePoints } from "./woff2-cmap.ts";

/** Code points per font file, read once per process (each file is immutable in node_modules). */
const cmaps = new Map<string, [number, number][]>();

/** Each file's unicode-range sorted and merged (fontsource's CJK slices list hundreds of spans, not in order), for withinSorted. */
const unicodeRanges = new Map<string, [number, number][]>();

/**
 * Whether sorted, non-overlapping `ranges` include `cp`: a binary search (a CJK file's cmap has
 * thousands of ranges, and a build asks about every character of every document).
 */
export function withinSorted(ranges: readonly [number, number][], cp: number): boolean {
  let l = 0;
  let h = ranges.length;
  while (l < h) {
    const m = (l + h) >> 1;
    if (ranges[m]![1] < cp) l = m + 1;
    else h = m;
  }
  return l < ranges.length && ranges[l]![0] <= cp;
}

/** Whether `face` would draw `cp`: its unicode-range includes it (Chromium picks it) and its cmap has a glyph. */
export function hasGlyph(face: FontFace, cp: number): boolean {
  let ranges = unicodeRanges.get(face.file);
  if (!ranges) unicodeRanges.set(face.file, (ranges = mergeRanges(face.ranges)));
  if (!withinSorted(ranges, cp)) return false;
  let points = cmaps.get(face.file);
  if (!points) {
    points = woff2CodePoints(face.file);
    cmaps.set(face.file, points);
  }
  return withinSorted(points, cp);
}

/** `ranges` sorted by start, overlapping or touching spans joined. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** A test for one code point: can every one of `stacks` (families, in order) draw it from the embedded fonts? */
export function createGlyphCoverage(stacks: readonly (readonly string[])[], faces: readonly FontFace[] = loadFontFaces()): (cp: number) => boolean {
  const regular = faces.filter((f) => f.weight === 400 && f.style === "normal");
  const known = new Map<number, boolean>();
  return (cp) => {
    let ok = known.get(cp);
    if (ok === undefined) {
      ok = stacks.every((families) => regular.some((f) => families.includes(f.family) && hasGlyph(f, cp)));
      known.set(cp, ok);
    }
    return ok;
  };
}

/** The first character of `text` the embedded fonts cannot draw, and its 1-based position; `skip` leaves characters to other checks. */
export function firstUndrawable(text: string, drawable: (cp: number) => boolean, skip: (c: string) => boolean = () => false): { char: string; position: number } | undefined {
  let position = 0;
  for (const c of text) {
    position++;
    if (!skip(c) && !drawable(c.codePointAt(0)!)) return { char: c, position };
  }
  return undefined;
}
