/**
 * One base error for everything greenbook reports to a user, and one subclass per pipeline stage.
 * The CLI prints `message` (and each problem) and exits non-zero; anything that is not a
 * GreenbookError is a bug and is printed with its stack.
 */
import { escapeControls } from "./escape-controls.ts";

/** A problem located in a source file: `file:line: column "name": message`. */
export interface Problem {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** Column (CSV) or field (YAML) name, when the problem has one. */
  column?: string;
  message: string;
}

/** The problem as one line; control characters anywhere in it (file names, header cells) are escaped. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const column = p.column === undefined ? "" : ` column "${p.column}":`;
  return escapeControls(`${where}:${column} ${p.message}`);
}

export class GreenbookError extends Error {
  override name = "GreenbookError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input data (CSV, YAML) failed to load or validate; carries every problem found. */
export class DataError extends GreenbookError {
  override name = "DataError";
  constructor(
    readonly problems: Problem[],
    options?: { cause?: unknown },
  ) {
    super(problems.map(formatProblem).join("\n"), options);
  }
}

/** A template could not be compiled or referred to something that does not exist. */
export class TemplateError extends GreenbookError {
  override name = "TemplateError";
}

/** A claim is false where it must be true, or lacks wording for an outcome. */
export class ClaimError extends GreenbookError {
  override name = "ClaimError";
}

/** Charts could not be rendered. */
export class ChartError extends GreenbookError {
  override name = "ChartError";
}

/** The browser could not be found, launched, or failed to print. */
export class PrintError extends GreenbookError {
  override name = "PrintError";
}

/** The archive refused an operation (existing version, missing version, corrupt manifest). */
export class ArchiveError extends GreenbookError {
  override name = "ArchiveError";
}

/** Wrong command-line usage. */
export class UsageError extends GreenbookError {
  override name = "UsageError";
}

/** A language no locale is defined for, or a locale defined twice. */
export class LocaleError extends GreenbookError {
  override name = "LocaleError";
}

/** A chapter folder that cannot be loaded or whose definition is inconsistent. */
export class ChapterError extends GreenbookError {
  override name = "ChapterError";
}

/** The proofreader found errors on the printed pages (and the edition's settings make them stop the build). */
export class ProofError extends GreenbookError {
  override name = "ProofError";
}

/** A font could not be read or cut to the characters a document uses. */
export class FontError extends GreenbookError {
  override name = "FontError";
}
