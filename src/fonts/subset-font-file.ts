/**
 * One font file cut to the code points a document draws, as WOFF: HarfBuzz's hb-subset
 * (subset-font, in wasm) on the sfnt inside fontsource's .woff twin of the .woff2 file, both
 * conversions done with Node's zlib (WOFF2's Brotli in wasm costs seconds per chapter; WOFF is
 * about 30 % larger and still far under the size targets). Results are cached by the font file's
 * content and the set of code points, so a rebuild that draws the same characters reuses them.
 */
import { readFileSync } from "node:fs";
import subsetFont from "subset-font";
import { FontError } from "../errors.ts";
import { hashOf, sha256 } from "../io/hash.ts";
import { yieldToIo } from "../io/yield-to-io.ts";
import type { StageCache } from "../output/stage-cache.ts";
import type { FontFace } from "./font-faces.ts";
import { sfntToWoff, woffToSfnt } from "./woff.ts";

/** Each .woff twin's bytes and hash, read once per process (node_modules files do not change under a build). */
const sources = new Map<string, { bytes: Buffer; hash: string }>();

function sourceOf(face: FontFace): { bytes: Buffer; hash: string } {
  let s = sources.get(face.file);
  if (!s) {
    const file = face.file.replace(/\.woff2$/, ".woff");
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new FontError(`${file}: cannot read the font (${(err as Error).message}); reinstall ${face.family} (npm ci)`, { cause: err });
    }
    s = { bytes, hash: sha256(bytes) };
    sources.set(face.file, s);
  }
  return s;
}

/**
 * Each source's sfnt (its WOFF tables inflated), kept while fonts are being cut and let go
 * SFNT_IDLE_MS after the last cut. A cold build cuts most faces two to four times within seconds
 * (the print and the screen edition of the chapter and of the handout); a zh-HK document's faces
 * hold some 60 MB as sfnt, which a process printing for minutes should not keep.
 */
const sfnts = new Map<string, Buffer>();
const SFNT_IDLE_MS = 5_000;
let letGo: NodeJS.Timeout | undefined;

function sfntOf(face: FontFace, source: { bytes: Buffer }): Buffer {
  if (letGo) letGo.refresh();
  else letGo = setTimeout(() => (sfnts.clear(), (letGo = undefined)), SFNT_IDLE_MS).unref();
  let sfnt = sfnts.get(face.file);
  if (!sfnt) sfnts.set(face.file, (sfnt = woffToSfnt(source.bytes)));
  return sfnt;
}

/**
 * `face` with only the glyphs of `codePoints` (and what they need: ligatures, marks), as WOFF
 * bytes; `compress: false` stores its tables undeflated (print's fonts, sent to Chromium on this machine).
 */
export async function subsetFontFile(face: FontFace, codePoints: ReadonlySet<number>, cache?: StageCache, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const compress = options.compress !== false;
  const points = [...codePoints].sort((a, b) => a - b);
  const source = sourceOf(face);
  const key = hashOf(compress ? "woff-subset-1" : "woff-subset-stored-1", source.hash, points.join(","));
  const hit = cache?.get("subset", key);
  if (hit) return hit;
  // Each cut takes a few milliseconds, and a document cuts a hundred: a print laid out meanwhile gets its answers in between.
  await yieldToIo();
  let woff: Uint8Array;
  try {
    const sfnt = await subsetFont(sfntOf(face, source), String.fromCodePoint(...points), { targetFormat: "sfnt" });
    woff = sfntToWoff(sfnt, { compress });
  } catch (err) {
    throw new FontError(`${face.file.replace(/\.woff2$/, ".woff")}: cutting the font to ${points.length} characters failed: ${(err as Error).message}`, { cause: err });
  }
  cache?.set("subset", key, woff);
  return woff;
}
