/**
 * The code points a WOFF2 font file maps to glyphs, read from its cmap table: the font data is one
 * Brotli stream (Node's zlib reads it), and cmap is never transformed. Only what coverage needs:
 * the table directory, then cmap subtables of format 4 (BMP) and 12 (all planes).
 */
import { readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";

const KNOWN_TAGS = ["cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "glyf", "loca", "prep", "CFF ", "VORG", "EBDT", "EBLC", "gasp", "hdmx", "kern", "LTSH", "PCLT", "VDMX", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB"];

/** Sorted, non-overlapping inclusive ranges of the code points `file` has glyphs for. */
export function woff2CodePoints(file: string): [number, number][] {
  const font = readFileSync(file);
  if (font.toString("latin1", 0, 4) !== "wOF2") throw new Error(`${file}: not a WOFF2 file`);
  const numTables = font.readUInt16BE(12);
  let at = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = font.readUInt8(at++);
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    throw new Error(`${file}: bad UIntBase128`);
  };
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let t = 0; t < numTables; t++) {
    const flags = font.readUInt8(at++);
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 63) {
      tag = font.toString("latin1", at, at + 4);
      at += 4;
    }
    const version = flags >> 6;
    const origLength = base128();
    const transformed = tag === "glyf" || tag === "loca" ? version !== 3 : version !== 0;
    const length = transformed ? base128() : origLength;
    if (tag === "cmap") cmap = { offset, length };
    offset += length;
  }
  if (!cmap) return [];
  const data = brotliDecompressSync(font.subarray(at, at + font.readUInt32BE(20)));
  return parseCmap(data.subarray(cmap.offset, cmap.offset + cmap.length));
}

/** Sorted, non-overlapping inclusive ranges of the code points an sfnt (TrueType/OpenType) maps to glyphs. */
export function sfntCodePoints(sfnt: Buffer): [number, number][] {
  const numTables = sfnt.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString("latin1", at, at + 4) !== "cmap") continue;
    const offset = sfnt.readUInt32BE(at + 8);
    return parseCmap(sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12)));
  }
  return [];
}

function parseCmap(cmap: Buffer): [number, number][] {
  const count = cmap.readUInt16BE(2);
  const subtables: { platform: number; encoding: number; format: number; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = cmap.readUInt32BE(4 + i * 8 + 4);
    subtables.push({ platform: cmap.readUInt16BE(4 + i * 8), encoding: cmap.readUInt16BE(4 + i * 8 + 2), format: cmap.readUInt16BE(at), at });
  }
  const full = subtables.find((s) => s.format === 12);
  if (full) {
    const groups = cmap.readUInt32BE(full.at + 12);
    const out: [number, number][] = [];
    for (let g = 0; g < groups; g++) {
      const p = full.at + 16 + g * 12;
      out.push([cmap.readUInt32BE(p), cmap.readUInt32BE(p + 4)]);
    }
    return merge(out);
  }
  const bmp = subtables.find((s) => s.format === 4 && (s.platform === 3 || s.platform === 0));
  return bmp ? merge(format4(cmap, bmp.at)) : [];
}

/** Format 4: segments of code points, keeping only those that map to a glyph other than 0. */
function format4(cmap: Buffer, at: number): [number, number][] {
  const segs = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  const out: [number, number][] = [];
  for (let s = 0; s < segs; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    const delta = cmap.readUInt16BE(deltas + s * 2);
    const ro = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const p = rangeOffsets + s * 2 + ro + (c - start) * 2;
        glyph = p + 1 < cmap.length ? cmap.readUInt16BE(p) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.push([c, c]);
    }
  }
  return out;
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
