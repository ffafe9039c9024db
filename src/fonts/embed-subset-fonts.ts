/**
 * The @font-face rules of a self-contained HTML document: every font file it draws from, cut to
 * the characters it draws with it, inlined as data: URIs.
 *
 *   1. which characters in which face: Chromium's computed styles (collect-face-text.ts), cached
 *      by the document with its digits masked, so an edit that changes only numbers reuses it
 *   2. which file draws each character: CSS's face matching (assign-glyphs.ts)
 *   3. each file cut to its characters (subset-font-file.ts), cached by file and character set
 *
 * Each rule's unicode-range is the subset's own characters, so the browser never asks a face
 * for a character it does not have.
 */
import { hashOf } from "../io/hash.ts";
import type { StageCache } from "../output/stage-cache.ts";
import { assignGlyphs } from "./assign-glyphs.ts";
import type { FaceText } from "./collect-face-text.ts";
import { loadFontFaces } from "./font-faces.ts";
import { subsetFontFile } from "./subset-font-file.ts";

export interface EmbedFontsEffects {
  /** Reads which characters `html` draws in which face (collectFaceText in a browser tab). */
  collect: (html: string) => Promise<FaceText[]>;
  /** The engine's stage cache, for face texts and subsets. */
  cache?: StageCache;
}

/** @font-face rules, with subset fonts inlined, for `html` (a document rendered without any). */
export async function embedSubsetFonts(html: string, effects: EmbedFontsEffects): Promise<string> {
  // Digits are always embedded (ALWAYS_DRAWN), so a document that differs only in its numbers draws the same characters.
  const key = hashOf("face-text-1", html.replace(/[0-9]/g, "0"));
  let texts = effects.cache?.getJson<FaceText[]>("facetext", key);
  if (!texts) {
    texts = await effects.collect(html);
    effects.cache?.setJson("facetext", key, texts);
  }
  const faces = loadFontFaces();
  const assigned = assignGlyphs(texts, faces);
  const used = faces.filter((f) => assigned.has(f));
  const files = await Promise.all(used.map((f) => subsetFontFile(f, assigned.get(f)!, effects.cache)));
  return used
    .map(
      (f, i) =>
        `@font-face{font-family:"${f.family}";font-style:${f.style};font-weight:${f.weight};font-display:block;` +
        `src:url(data:font/woff;base64,${Buffer.from(files[i]!).toString("base64")}) format("woff");unicode-range:${unicodeRange(assigned.get(f)!)};}`,
    )
    .join("\n");
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
