/**
 * Reads one input file's bytes, refusing what is not an ordinary file: a FIFO, socket, device or
 * folder (and, when `inside` is given, a symbolic link that leads out of that folder). Opened
 * without blocking (a FIFO with no writer would wait forever, deaf even to SIGTERM) and read up to
 * the limit by the bytes that actually arrive, not by what stat reports (a FIFO or a /proc file
 * says 0). Refusals are FileRefusal errors whose message says why, for the caller to place.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import path from "node:path";
import { messages } from "../messages.ts";

/** Why a file was not read, in words for the user (without the file's name). */
export class FileRefusal extends Error {
  override name = "FileRefusal";
}

export interface ReadOrdinaryFileOptions {
  /** Largest size accepted, in bytes. */
  limit: number;
  /** What the file is, in messages: `what` the limit is for (default "a data file") and the `content` to put in a regular file (default "the data"). */
  what?: string;
  content?: string;
  /** A folder the file must resolve inside (after symbolic links), when given. */
  inside?: string;
}

/** The bytes of `file`, an ordinary file of at most `limit` bytes; throws FileRefusal otherwise. */
export function readOrdinaryFile(file: string, options: ReadOrdinaryFileOptions): Buffer {
  const { limit, what } = options;
  const fail = (message: string): never => {
    throw new FileRefusal(message);
  };
  let real: string;
  try {
    real = realpathSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === "ENOENT" || code === "ENOTDIR" ? messages.missingFile() : messages.unreadable((err as Error).message));
  }
  if (options.inside !== undefined && !real.startsWith(realpathSync(options.inside) + path.sep)) fail(messages.linkOutside(real));
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    return fail(messages.unreadable((err as Error).message));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail(messages.notRegularFile(kindOf(st), options.content));
    if (st.size > limit) fail(messages.tooLarge(st.size, limit, what));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The first read is sized to the file (one more byte shows it grew); later ones are small, since usually they only meet the end.
      const chunk = Buffer.allocUnsafe(Math.min(chunks.length === 0 ? st.size + 1 : 1 << 16, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) fail(messages.tooLargeRead(limit, what));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof FileRefusal) throw err;
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
