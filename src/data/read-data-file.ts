/**
 * Reads one data file's bytes, refusing what is not an ordinary file inside the data folder: a
 * symbolic link that leads out of it, a FIFO, socket, device or folder, or a file over the size
 * limit (counted by the bytes that arrive). See readOrdinaryFile.
 */
import { DataError } from "../errors.ts";
import { FileRefusal, readOrdinaryFile } from "../io/read-ordinary-file.ts";
import { MAX_DATA_FILE_BYTES } from "./decode-text.ts";

/** The bytes of `absPath`, which must resolve (after symbolic links) inside `dir`; `displayPath` names it in errors. */
export function readDataFile(dir: string, absPath: string, displayPath: string, limit = MAX_DATA_FILE_BYTES): Buffer {
  try {
    return readOrdinaryFile(absPath, { limit, inside: dir });
  } catch (err) {
    if (err instanceof FileRefusal) throw new DataError([{ file: displayPath, message: err.message }], { cause: err });
    throw err;
  }
}
