import { DataError } from "../errors.ts";
import { messages } from "../messages.ts";

/** Largest data file greenbook reads; larger ones are rejected before they are read. */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Returns the text of a data file that must be UTF-8 (with or without a byte-order mark),
 * with line endings normalised to LF. Any other encoding is rejected, naming the file and,
 * for invalid UTF-8, the line of the first bad byte.
 */
export function decodeDataFile(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new DataError([{ file, message: messages.utf16(file) }]);
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const line = lineOfFirstInvalidUtf8(body);
    throw new DataError([{ file, line, message: messages.notUtf8() }]);
  }
  if (text.includes("\u0000")) {
    throw new DataError([{ file, message: messages.binary() }]);
  }
  return text.replace(/\r\n?/g, "\n");
}

function lineOfFirstInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return line;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms,
    // no UTF-16 surrogates, nothing above U+10FFFF), as the decoder enforces.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return line;
    }
    if (b === 0x0a) line++;
    i += need + 1;
  }
  return line;
}
