/**
 * The @font-face rules of a self-contained HTML document: every font file it draws from, cut to
 * the characters it draws with it, inlined as data: URIs.
 *
 *   1. which characters in which face: the computed style of each text node, read in Chromium
 *      (collect-face-text.ts) and cached by the document's markup without its text
 *      (text-runs.ts), so an edit that changes only text (a number, a word) needs no browser
 *   2. which file draws each character: CSS's face matching (assign-glyphs.ts)
 *   3. each file cut to its characters (subset-font-file.ts), cached by file and character set;
 *      the rules themselves cached by the characters per face, so an edit that draws no new
 *      character reuses them whole
 *
 * Each rule's unicode-range is the subset's own characters, so the browser never asks a face
 * for a character it does not have.
 */
import { hashOf } from "../io/hash.ts";
import { RecentMap } from "../io/recent-memo.ts";
import type { StageCache } from "../output/stage-cache.ts";
import { assignGlyphs } from "./assign-glyphs.ts";
import { faceTexts, type FaceStyles, type FaceText } from "./collect-face-text.ts";
import { loadFontFaces } from "./font-faces.ts";
import { subsetFontFile } from "./subset-font-file.ts";
import { splitTextRuns, type TextRuns } from "./text-runs.ts";

export interface EmbedFontsEffects {
  /** Reads how `html` styles its text (readFaceStyles in a browser tab). */
  collect: (html: string) => Promise<FaceStyles>;
  /** The engine's stage cache, for styles, subsets and rules. */
  cache?: StageCache;
}

/** The styles of a skeleton's text nodes, as cached: the node texts are the next document's own. */
interface SkeletonStyles {
  styles: string[];
  /** The style index of each text run, in order. */
  nodeStyles: number[];
  generated: [number, string][];
}

/** @font-face rules, with subset fonts inlined, for `html` (a document rendered without any). */
export async function embedSubsetFonts(html: string, effects: EmbedFontsEffects): Promise<string> {
  const texts = await readFaceTexts(html, effects);
  const cssKey = hashOf("font-css-1", JSON.stringify(texts));
  const known = recentRules.get(cssKey);
  if (known !== undefined) return known;
  const cached = effects.cache?.get("fontcss", cssKey);
  if (cached) return recentRules.set(cssKey, Buffer.from(cached).toString("utf8"));
  const faces = loadFontFaces();
  const assigned = assignGlyphs(texts, faces);
  const used = faces.filter((f) => assigned.has(f));
  const files = await Promise.all(used.map((f) => subsetFontFile(f, assigned.get(f)!, effects.cache)));
  const css = used
    .map(
      (f, i) =>
        `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:${f.weight};font-display:block;` +
        `src:url(data:font/woff;base64,${Buffer.from(files[i]!).toString("base64")}) format("woff");unicode-range:${unicodeRange(assigned.get(f)!)};}`,
    )
    .join("\n");
  effects.cache?.set("fontcss", cssKey, Buffer.from(css, "utf8"));
  return recentRules.set(cssKey, css);
}

/**
 * The last few rule sets by key, as strings: a rebuild that draws no new character gets the same
 * string back (not a megabyte decoded again), and what is built from it downstream is reused too.
 */
const recentRules = new RecentMap<string>(8);

/** The characters `html` draws per face request: from the cached styles of its skeleton, or read in the browser. */
async function readFaceTexts(html: string, effects: EmbedFontsEffects): Promise<FaceText[]> {
  const split = splitTextRuns(html);
  const key = split && hashOf("face-styles-1", split.skeleton);
  const known = key ? effects.cache?.getJson<SkeletonStyles>("facestyles", key) : undefined;
  if (split && known && known.nodeStyles.length === split.runs.length) {
    return faceTexts({ styles: known.styles, nodes: split.runs.map((text, i) => [known.nodeStyles[i]!, text]), generated: known.generated });
  }
  const read = await effects.collect(html);
  // Later documents reuse these styles only if this document's runs are the text nodes the browser found.
  if (key && sameText(read, split)) effects.cache?.setJson("facestyles", key, { styles: read.styles, nodeStyles: read.nodes.map(([i]) => i), generated: read.generated } satisfies SkeletonStyles);
  return faceTexts(read);
}

function sameText(read: FaceStyles, split: TextRuns): boolean {
  return read.nodes.length === split.runs.length && read.nodes.every(([, text], i) => text === split.runs[i]);
}

/** A CSS unicode-range listing exactly `points`, runs of consecutive code points as spans. */
export function unicodeRange(points: ReadonlySet<number>): string {
  const sorted = [...points].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(",");
}
