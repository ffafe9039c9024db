/**
 * The fonts greenbook prints with, all from npm (@fontsource), never from the system: Debian's
 * CJK fonts are CFF and Chromium prints them as Type 3 fonts. Each fontsource family is split
 * into many woff2 files by unicode-range; a page only loads (and a self-contained HTML file only
 * inlines) the pieces whose ranges cover characters it uses.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** A CSS font stack: the families in order, then a generic family (never reached: every glyph is checked). */
export function fontStack(families: readonly string[], generic: "serif" | "sans-serif"): string {
  return [...families.map((f) => `"${f}"`), generic].join(", ");
}

/** The serif and sans stacks of a language's documents. */
export function fontStacks(fonts: { serif: readonly string[]; sans: readonly string[] }): { serif: string; sans: string } {
  return { serif: fontStack(fonts.serif, "serif"), sans: fontStack(fonts.sans, "sans-serif") };
}

const PACKAGES: { pkg: string; weights: number[]; italic: number[] }[] = [
  { pkg: "@fontsource/noto-serif-hk", weights: [400, 700], italic: [] },
  { pkg: "@fontsource/noto-sans-hk", weights: [400, 700], italic: [] },
  { pkg: "@fontsource/source-serif-4", weights: [400, 600, 700], italic: [400] },
  { pkg: "@fontsource/source-sans-3", weights: [400, 600, 700], italic: [400, 700] }, // italic: a statistic’s letter (*t*) in tables and notes
  { pkg: "@fontsource/noto-serif-sc", weights: [400, 700], italic: [] },
  { pkg: "@fontsource/noto-sans-sc", weights: [400, 700], italic: [] },
];

export interface FontFace {
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** Absolute path of the woff2 file. */
  file: string;
  /** File name, unique across all faces: used in asset URLs. */
  name: string;
  /** Code point ranges, inclusive. */
  ranges: [number, number][];
  /** The unicode-range descriptor as written by fontsource. */
  rangeText: string;
}

let cached: FontFace[] | undefined;

/** Every face greenbook uses (read once per process from the fontsource packages' CSS). */
export function loadFontFaces(): FontFace[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const faces: FontFace[] = [];
  for (const { pkg, weights, italic } of PACKAGES) {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    const sheets = [...weights.map((w) => `${w}.css`), ...italic.map((w) => `${w}-italic.css`)];
    for (const sheet of sheets) faces.push(...parseFontsourceCss(readFileSync(path.join(dir, sheet), "utf8"), dir));
  }
  cached = faces;
  return faces;
}

function parseFontsourceCss(css: string, dir: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
    const style = /font-style:\s*italic/.test(block) ? "italic" : "normal";
    const url = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    const rangeText = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim() ?? "U+0-10FFFF";
    if (!family || !url) continue;
    faces.push({ family, weight, style, file: path.join(dir, url), name: path.basename(url), ranges: parseRanges(rangeText), rangeText });
  }
  return faces;
}

function parseRanges(text: string): [number, number][] {
  return text.split(",").map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, "").split("-");
    const a = parseInt(lo ?? "0", 16);
    return [a, hi === undefined ? a : parseInt(hi, 16)] as [number, number];
  });
}

/** The faces of the given families (a language's stacks). */
export function facesOf(families: readonly string[]): FontFace[] {
  const wanted = new Set(families);
  return loadFontFaces().filter((f) => wanted.has(f.family));
}

/** The faces whose unicode ranges cover at least one character of `text`. */
export function facesForText(faces: readonly FontFace[], text: string): FontFace[] {
  const points = new Set<number>();
  for (const ch of text) points.add(ch.codePointAt(0)!);
  const sorted = [...points].sort((a, b) => a - b);
  return faces.filter((f) =>
    f.ranges.some(([lo, hi]) => {
      const l = firstAtLeast(sorted, lo);
      return l < sorted.length && sorted[l]! <= hi;
    }),
  );
}

/** @font-face rules for the given faces; `src(face)` gives each face's URL (asset URL or data: URI; WOFF where it ends in .woff, else WOFF2). */
/** `sizeAdjust` scales a face's glyphs (a percentage, e.g. "94%"); default none. */
export function fontFaceCss(faces: readonly FontFace[], src: (face: FontFace) => string, sizeAdjust: (face: FontFace) => string | undefined = () => undefined): string {
  return faces
    .map((f) => {
      const adjust = sizeAdjust(f);
      const url = src(f);
      return (
        `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:${f.weight};font-display:block;` +
        `src:url(${url}) format("${url.endsWith(".woff") ? "woff" : "woff2"}");unicode-range:${f.rangeText};${adjust ? `size-adjust:${adjust};` : ""}}`
      );
    })
    .join("\n");
}

/**
 * Adds `size-adjust` to the @font-face rules (as written by fontFaceCss or the subset embedder)
 * whose family `sizeAdjust` scales, e.g. the Latin faces of a Chinese document.
 */
export function adjustFontFaces(css: string, sizeAdjust: (face: Pick<FontFace, "family">) => string | undefined): string {
  return css.replace(/@font-face\{font-family:"([^"]+)";([^}]*)\}/g, (rule, family: string, body: string) => {
    const adjust = sizeAdjust({ family });
    return adjust && !body.includes("size-adjust") ? `@font-face{font-family:"${family}";${body}size-adjust:${adjust};}` : rule;
  });
}

/**
 * In Chinese text the Latin faces (Source Serif 4, Source Sans 3) look larger and darker than
 * the Han beside them; set at 94% their letters and digits match the Han's size and colour.
 */
export function latinInHanScale(latinFamilies: readonly string[]): (face: Pick<FontFace, "family">) => string | undefined {
  return (face) => (latinFamilies.includes(face.family) ? "94%" : undefined);
}

/** The index of the first of the sorted `points` that is at least `lo` (points.length if none): a binary search. */
export function firstAtLeast(points: readonly number[], lo: number): number {
  let l = 0;
  let h = points.length;
  while (l < h) {
    const m = (l + h) >> 1;
    if (points[m]! < lo) l = m + 1;
    else h = m;
  }
  return l;
}
