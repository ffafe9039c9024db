/**
 * Turns a WOFF 1.0 file back into the plain sfnt (TrueType/OpenType) font it wraps, which is what
 * HarfBuzz reads. Each table is stored zlib-compressed (or as is when that did not help); the
 * sfnt is the table directory plus the tables, each padded to 4 bytes. fontsource ships a `.woff`
 * twin of every `.woff2` slice, with the same glyphs and metrics.
 */
import { inflateSync } from "node:zlib";

/** The sfnt inside `woff`; `file` names the font in errors. */
export function convertWoffToSfnt(woff: Uint8Array, file: string): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.length < 44 || src.toString("latin1", 0, 4) !== "wOFF") throw new Error(`${file}: not a WOFF file`);
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((d) => src.readUInt32BE(at + d)) as [number, number, number, number, number];
    if (offset + compLength > src.length) throw new Error(`${file}: table ${i + 1} runs past the end of the file`);
    const stored = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`${file}: table ${i + 1} inflates to ${data.length} bytes, not ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);

  const headerSize = 12 + 16 * numTables;
  const size = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  const pow = 2 ** Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(Math.log2(pow), 8);
  out.writeUInt16BE(numTables * 16 - pow * 16, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
