/**
 * How a document refers to its fonts: in print, by URL on the asset origin (served from the npm
 * packages by request interception); in self-contained HTML, inlined as data: URIs.
 */
import { readFileSync } from "node:fs";
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

const inlined = new Map<string, string>();

/** A face as a data: URI, for self-contained HTML (each file read once per process). */
export function inlineFont(face: FontFace): string {
  let uri = inlined.get(face.file);
  if (!uri) {
    uri = `data:font/woff2;base64,${readFileSync(face.file).toString("base64")}`;
    inlined.set(face.file, uri);
  }
  return uri;
}
