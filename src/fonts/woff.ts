/**
 * WOFF 1.0 ↔ sfnt (TrueType/OpenType), with Node's own zlib: a WOFF file is the sfnt's tables,
 * each deflated on its own when that makes it smaller, behind a 44-byte header and a table
 * directory (W3C WOFF 1.0 §3–5). hb-subset reads and writes sfnt; the self-contained HTML embeds WOFF.
 */
import { deflateSync, inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

/** The sfnt inside a WOFF file; `file`, when given, names the font in errors. */
export function woffToSfnt(woff: Uint8Array, file = "font"): Buffer {
  const w = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (w.length < 44 || w.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error(`${file}: not a WOFF file`);
  const flavor = w.readUInt32BE(4);
  const numTables = w.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [w.readUInt32BE(at), w.readUInt32BE(at + 4), w.readUInt32BE(at + 8), w.readUInt32BE(at + 12), w.readUInt32BE(at + 16)];
    if (offset + compLength > w.length) throw new Error(`${file}: table ${i + 1} runs past the end of the file`);
    const raw = w.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error(`${file}: table ${i + 1} inflates to ${data.length} bytes, not ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  return writeSfnt(flavor, tables);
}

function writeSfnt(flavor: number, tables: { tag: number; checksum: number; data: Buffer }[]): Buffer {
  const n = tables.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + n * 16);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(n, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(n * 16 - searchRange, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    head.writeUInt32BE(t.tag, at);
    head.writeUInt32BE(t.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(t.data.length, at + 12);
    const padded = pad4(t.data);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/**
 * A WOFF file of an sfnt; every table deflated at zlib's best level where that is smaller, or,
 * with `compress: false`, every table stored as it is (for fonts that never leave the machine:
 * deflating is most of the cost of cutting them). Deterministic.
 */
export function sfntToWoff(sfnt: Uint8Array, options: { compress?: boolean } = {}): Buffer {
  const compress = options.compress !== false;
  const s = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const flavor = s.readUInt32BE(0);
  const numTables = s.readUInt16BE(4);
  const entries = Array.from({ length: numTables }, (_, i) => {
    const at = 12 + i * 16;
    const offset = s.readUInt32BE(at + 8);
    const length = s.readUInt32BE(at + 12);
    const data = s.subarray(offset, offset + length);
    const deflated = compress ? deflateSync(data, { level: 9 }) : data;
    return { tag: s.readUInt32BE(at), checksum: s.readUInt32BE(at + 4), origLength: length, stored: deflated.length < length ? deflated : data };
  }).sort((a, b) => a.tag - b.tag);
  const header = Buffer.alloc(44 + numTables * 20);
  let offset = header.length;
  const body: Buffer[] = [];
  entries.forEach((e, i) => {
    const at = 44 + i * 20;
    header.writeUInt32BE(e.tag, at);
    header.writeUInt32BE(offset, at + 4);
    header.writeUInt32BE(e.stored.length, at + 8);
    header.writeUInt32BE(e.origLength, at + 12);
    header.writeUInt32BE(e.checksum, at + 16);
    const padded = pad4(e.stored);
    body.push(padded);
    offset += padded.length;
  });
  const totalSfntSize = 12 + numTables * 16 + entries.reduce((n, e) => n + pad4(Buffer.alloc(e.origLength)).length, 0);
  header.writeUInt32BE(WOFF_SIGNATURE, 0);
  header.writeUInt32BE(flavor, 4);
  header.writeUInt32BE(offset, 8); // length of the whole file
  header.writeUInt16BE(numTables, 12);
  header.writeUInt32BE(totalSfntSize, 16);
  return Buffer.concat([header, ...body]);
}

function pad4(b: Buffer): Buffer {
  const extra = (4 - (b.length % 4)) % 4;
  return extra ? Buffer.concat([b, Buffer.alloc(extra)]) : b;
}
