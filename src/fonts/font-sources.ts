/**
 * How a document refers to its fonts: in print, by URL on the asset origin (served from the npm
 * packages by request interception). Self-contained HTML inlines subsets instead (embed-subset-fonts.ts).
 */
import { ASSET_ORIGIN, type AssetMap } from "../browser/asset-server.ts";
import type { FontFace } from "./font-faces.ts";

/** A face's URL on the asset origin, for print. */
export function fontAssetUrl(face: FontFace): string {
  return `${ASSET_ORIGIN}/fonts/${face.name}`;
}

/** The asset map that serves `faces` at their fontAssetUrl. */
export function fontAssets(faces: readonly FontFace[]): AssetMap {
  return new Map(faces.map((f) => [`/fonts/${f.name}`, { type: "font/woff2", file: f.file }]));
}
