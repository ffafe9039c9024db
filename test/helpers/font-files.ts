/**
 * Whole font files for test prints: each face at its URL on the asset origin, served from the
 * fontsource package as it is. (greenbook's own prints serve subsets: src/fonts/print-fonts.ts.)
 */
import { ASSET_ORIGIN, type AssetMap } from "../../src/browser/asset-server.ts";
import type { FontFace } from "../../src/fonts/font-faces.ts";

/** A face's URL on the asset origin. */
export function fontAssetUrl(face: FontFace): string {
  return `${ASSET_ORIGIN}/fonts/${face.name}`;
}

/** The asset map that serves `faces` at their fontAssetUrl, whole. */
export function fontAssets(faces: readonly FontFace[]): AssetMap {
  return new Map(faces.map((f) => [`/fonts/${f.name}`, { type: "font/woff2", file: f.file }]));
}
