/**
 * Measures text the way Chromium lays it out with greenbook's fonts, without a browser: each
 * character takes the first family of the CSS stack that has a face (of the nearest weight, by the
 * CSS matching rules) whose unicode-range covers it and whose cmap has a glyph for it; runs of
 * characters that share a face are shaped together by HarfBuzz (default features, so kerning and
 * ligatures apply, as in Chromium), in the context of the whole string; the width is the sum of the
 * advances. The fonts are the `.woff` twins of the `.woff2` slices the pages load: same glyphs and
 * metrics, and HarfBuzz reads them once inflated.
 */
import { readFileSync } from "node:fs";
import * as hb from "harfbuzzjs";
import type { FontFace } from "./font-faces.ts";
import { woffToSfnt } from "./woff.ts";

/** The font a run of text is set in, as CSS gives it. */
export interface TextFont {
  /** A CSS font-family list, e.g. `"Source Sans 3", "Noto Sans HK", sans-serif`. */
  family: string;
  /** CSS font-weight: a number, "normal" or "bold"; default 400. */
  weight?: number | string;
  /** CSS font-style; default "normal". */
  style?: string;
  /** Size in CSS px. */
  size: number;
}

export interface TextMeasurer {
  /** Width of `text` in CSS px; throws for a character no family in the stack has a glyph for. */
  width(font: TextFont, text: string): number;
}

/** HarfBuzz positions in 16.16 fixed point, as Chromium's shaper sets its fonts' scale. */
const FIXED = 65536;
const GENERIC = new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"]);

interface LoadedFont {
  font: hb.Font;
  has(cp: number): boolean;
}

/** A measurer over `faces` (the faces a page would declare); fonts are read when first needed. */
export function createTextMeasurer(faces: readonly FontFace[]): TextMeasurer {
  const loaded = new Map<string, LoadedFont>();
  const widths = new Map<string, number>();
  const load = (face: FontFace): LoadedFont => {
    let l = loaded.get(face.file);
    if (!l) {
      const woff = face.file.replace(/\.woff2$/, ".woff");
      const font = new hb.Font(new hb.Face(new hb.Blob(woffToSfnt(readFileSync(woff), woff))));
      const glyphs = new Map<number, boolean>();
      l = {
        font,
        has: (cp) => {
          let g = glyphs.get(cp);
          if (g === undefined) glyphs.set(cp, (g = (font.nominalGlyph(cp) ?? 0) !== 0));
          return g;
        },
      };
      loaded.set(face.file, l);
    }
    return l;
  };

  const stacks = new Map<string, FontFace[][]>();
  /** Per family of the stack: its faces of the matched weight and style, the last declared first (CSS order for overlapping ranges). */
  const candidatesOf = (font: TextFont): FontFace[][] => {
    const key = `${font.family}|${font.weight ?? 400}|${font.style ?? "normal"}`;
    let c = stacks.get(key);
    if (!c) {
      c = parseFamilies(font.family)
        .filter((f) => !GENERIC.has(f))
        .map((family) => matchFaces(faces.filter((f) => f.family === family), numericWeight(font.weight), font.style === "italic" || font.style === "oblique" ? "italic" : "normal").reverse());
      stacks.set(key, c);
    }
    return c;
  };

  const faceFor = (families: FontFace[][], cp: number, font: TextFont): FontFace => {
    for (const family of families) {
      for (const face of family) {
        if (face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) && load(face).has(cp)) return face;
      }
    }
    if (families.every((f) => f.length === 0)) throw new Error(`the font-family ${font.family} names none of the fonts greenbook has (text is never set in system fonts)`);
    const ch = String.fromCodePoint(cp);
    throw new Error(`no font of ${font.family} has a glyph for "${ch}" (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`);
  };

  return {
    width(font, text) {
      const key = `${font.family}|${font.weight ?? 400}|${font.style ?? "normal"}|${font.size}|${text}`;
      const known = widths.get(key);
      if (known !== undefined) return known;
      const families = candidatesOf(font);
      const scale = Math.round(font.size * FIXED);
      let total = 0;
      let runFace: FontFace | undefined;
      let runStart = 0;
      const shapeRun = (end: number) => {
        if (!runFace || end === runStart) return;
        const { font: hbFont } = load(runFace);
        hbFont.setScale(scale, scale);
        const buffer = new hb.Buffer();
        buffer.addText(text, runStart, end - runStart);
        buffer.guessSegmentProperties();
        hb.shape(hbFont, buffer);
        for (const p of buffer.getGlyphPositions()) total += p.xAdvance;
      };
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i)!;
        const face = faceFor(families, cp, font);
        if (face !== runFace) {
          shapeRun(i);
          runFace = face;
          runStart = i;
        }
        i += cp > 0xffff ? 2 : 1;
      }
      shapeRun(text.length);
      const width = total / FIXED;
      widths.set(key, width);
      return width;
    },
  };
}

/** The families of a CSS font-family list, unquoted, in order. */
export function parseFamilies(list: string): string[] {
  return [...list.matchAll(/\s*(?:"([^"]*)"|'([^']*)'|([^,]+?))\s*(?:,|$)/g)].map((m) => (m[1] ?? m[2] ?? m[3] ?? "").trim()).filter((f) => f.length > 0);
}

function numericWeight(weight: number | string | undefined): number {
  if (weight === undefined || weight === "normal") return 400;
  if (weight === "bold") return 700;
  const n = Number(weight);
  return Number.isFinite(n) ? n : 400;
}

/**
 * The faces of one family that CSS font matching picks for `weight` and `style` (CSS Fonts 4
 * §5.2): the style if the family has it, then the weight itself, else for 400 try 500 then lighter
 * then heavier, for 500 try 400 then lighter then heavier, above 500 heavier then lighter, below
 * 400 lighter then heavier.
 */
function matchFaces(family: readonly FontFace[], weight: number, style: "normal" | "italic"): FontFace[] {
  const styled = family.some((f) => f.style === style) ? family.filter((f) => f.style === style) : family;
  const weights = [...new Set(styled.map((f) => f.weight))];
  if (weights.length === 0) return [];
  const lighter = weights.filter((w) => w < weight).sort((a, b) => b - a);
  const heavier = weights.filter((w) => w > weight).sort((a, b) => a - b);
  let order: number[];
  if (weight === 400 || weight === 500) {
    const mid = heavier.filter((w) => w <= 500);
    order = [...mid, ...lighter, ...heavier.filter((w) => w > 500)];
  } else order = weight > 500 ? [...heavier, ...lighter] : [...lighter, ...heavier];
  const chosen = weights.includes(weight) ? weight : order[0]!;
  return styled.filter((f) => f.weight === chosen);
}
