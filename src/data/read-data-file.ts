/**
 * Reads one data file's bytes, refusing what is not an ordinary file inside the data folder: a
 * symbolic link that leads out of it, a FIFO, socket, device or folder. Opened without blocking
 * (a FIFO with no writer would wait forever) and read up to the size limit by the bytes that
 * actually arrive, not by what stat reports (a FIFO or a /proc file says 0).
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import path from "node:path";
import { DataError } from "../errors.ts";
import { messages } from "../messages.ts";
import { MAX_DATA_FILE_BYTES } from "./decode-text.ts";

/** The bytes of `absPath`, which must resolve (after symbolic links) inside `dir`; `displayPath` names it in errors. */
export function readDataFile(dir: string, absPath: string, displayPath: string, limit = MAX_DATA_FILE_BYTES): Buffer {
  const fail = (message: string): never => {
    throw new DataError([{ file: displayPath, message }]);
  };
  let real: string;
  try {
    real = realpathSync(absPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === "ENOENT" || code === "ENOTDIR" ? messages.missingFile() : messages.unreadable((err as Error).message));
  }
  const root = realpathSync(dir);
  if (!real.startsWith(root + path.sep)) fail(messages.linkOutside(real));
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    return fail(messages.unreadable((err as Error).message));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail(messages.notRegularFile(kindOf(st)));
    if (st.size > limit) fail(messages.tooLarge(st.size, limit));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) fail(messages.tooLargeRead(limit));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof DataError) throw err;
    return fail(messages.unreadable((err as Error).message));
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}
