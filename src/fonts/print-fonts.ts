/**
 * Print's fonts cut to the document. Each face a print declares (one of fontsource's
 * unicode-range slices of a family) is served as a subset (WOFF with its tables stored, not
 * deflated: deflating was most of the cost of cutting them) holding those of its characters the
 * document could draw:
 *   - every character of the print HTML, entities decoded: its text, the strings its style
 *     sheets generate (`content`), its scripts' literals;
 *   - both cases of each letter (`text-transform`);
 *   - what CSS and Paged.js generate without the document writing it: digits and counter
 *     symbols (page numbers, footnote calls, list markers), the hyphen drawn at a soft hyphen,
 *     ellipses, quotes, spaces.
 * A character outside that set is never drawn, so the pages look as they did with the whole
 * slices; for the zh-HK chapter Chromium is sent 1.7 MB of stored WOFF (1.1 MB deflated) instead
 * of 4.1 MB of WOFF2 (the English chapter: 0.75 MB instead of 3.1 MB). The subsets are cached by
 * font file and characters (subset-font-file.ts), so a rebuild that draws the same characters reuses them.
 */
import { decodeHTML } from "entities";
import { ASSET_ORIGIN, type AssetMap } from "../browser/asset-server.ts";
import type { StageCache } from "../output/stage-cache.ts";
import { firstAtLeast, type FontFace } from "./font-faces.ts";
import { subsetFontFile } from "./subset-font-file.ts";

/** Characters drawn without being written: spaces, hyphens and dashes, ellipsis, quotes, counter and list-marker symbols. */
const GENERATED =
  "\u00a0\u00ad\u2002\u2003\u2009\u200a\u202f\u2010\u2011\u2012\u2013\u2014\u2015\u2026\u2212" +
  "\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f" +
  "•◦▪▾▸〇一二三四五六七八九十百千萬万、。．";

/** The characters a print of `html` may draw (see the file's comment). */
export function printCharacters(html: string): Set<number> {
  const points = new Set<number>();
  const add = (text: string) => {
    for (const ch of text) points.add(ch.codePointAt(0)!);
  };
  for (let c = 0x20; c < 0x7f; c++) points.add(c);
  add(GENERATED);
  const text = decodeHTML(html);
  add(text);
  // Both cases, whole strings (ß → SS, ﬁ → FI).
  for (const ch of new Set(text)) {
    const upper = ch.toUpperCase();
    const lower = ch.toLowerCase();
    if (upper !== ch) add(upper);
    if (lower !== ch) add(lower);
  }
  return points;
}

/**
 * How a print of `document` (e.g. "zh-HK/chapter") names its faces on the asset origin: their
 * subsets, as WOFF, in a folder of the document's own (two documents cut the same face differently;
 * the preview serves every chapter's assets from one origin).
 */
export function printFontUrl(document: string): (face: FontFace) => string {
  return (face) => `${ASSET_ORIGIN}/fonts/${document}/${face.name.replace(/\.woff2$/, "")}.woff`;
}

/** The asset map that serves each of `faces` at `url(face)`, cut to the characters `html` may draw. */
export async function printFontAssets(faces: readonly FontFace[], html: string, url: (face: FontFace) => string, cache?: StageCache): Promise<AssetMap> {
  const points = [...printCharacters(html)].sort((a, b) => a - b);
  const assets: AssetMap = new Map();
  for (const face of faces) {
    // Each range's points, found by binary search in the sorted points (113 faces × thousands of points).
    const own = new Set<number>();
    for (const [lo, hi] of face.ranges) for (let i = firstAtLeast(points, lo); i < points.length && points[i]! <= hi; i++) own.add(points[i]!);
    // Stored, not deflated: the file goes no further than Chromium on this machine.
    const body = await subsetFontFile(face, own, cache, { compress: false });
    assets.set(decodeURIComponent(new URL(url(face)).pathname), { type: "font/woff", body });
  }
  return assets;
}
