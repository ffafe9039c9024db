/**
 * Reads a template file's text (UTF-8): an ordinary file of at most MAX_TEMPLATE_BYTES, read by the
 * bytes that arrive, so a FIFO, a device or a folder named like a template is a TemplateError
 * naming it instead of a hang or an internal error.
 */
import { TemplateError } from "../errors.ts";
import { displayPathOf } from "./display-path.ts";
import { FileRefusal, readOrdinaryFile } from "./read-ordinary-file.ts";

/** Largest template file read (5 MiB, as for a data file): far beyond any chapter's prose. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** The text of the template file `file`; throws a TemplateError `path: why` when it cannot be read. */
export function readTemplateFile(file: string): string {
  try {
    return readOrdinaryFile(file, { limit: MAX_TEMPLATE_BYTES, what: "a template", content: "the template" }).toString("utf8");
  } catch (err) {
    if (err instanceof FileRefusal) throw new TemplateError(`${displayPathOf(file)}: ${err.message}`, { cause: err });
    throw err;
  }
}
