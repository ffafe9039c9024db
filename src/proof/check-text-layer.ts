/**
 * The PDF's text layer as a reader's viewer extracts it (poppler's pdftotext), page by page:
 * invisible characters inside words (soft hyphens, zero-width spaces and joiners, word joiners,
 * byte-order marks) make search and copy fail, and U+FFFD marks a glyph with no text at all.
 */
import { spawn } from "node:child_process";
import { PrintError } from "../errors.ts";

/** Characters a reader cannot see that must not sit inside a word of the text layer. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff\ufffd]/u;
const WORD_WITH_INVISIBLE = new RegExp(`[^\\s]*${INVISIBLE.source}[^\\s]*`, "gu");

export interface TextLayerProblem {
  /** 1-based page of the PDF. */
  page: number;
  /** How many invisible characters, by code point ("U+00AD": 112). */
  counts: Record<string, number>;
  /** The first few words holding one, with the characters made visible (U+00AD as ‹SHY›…). */
  words: string[];
}

/**
 * The text of each page of `pdf`, as pdftotext extracts it. Run as a child process without
 * blocking: the other documents of a build keep printing meanwhile.
 */
export async function extractPageTexts(pdf: Uint8Array): Promise<string[]> {
  const text = await new Promise<string>((resolve, reject) => {
    const fail = (err: Error) => {
      const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
      reject(new PrintError(missing ? "the proofreader reads the PDF's text with pdftotext, which is not installed (Debian: apt-get install poppler-utils)" : `pdftotext could not read the printed PDF: ${err.message}`, { cause: err }));
    };
    const child = spawn("pdftotext", ["-enc", "UTF-8", "-", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => errors.push(c));
    child.on("error", fail);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else fail(new Error(`pdftotext ${signal ? `was stopped by ${signal}` : `exited with ${code}`}: ${Buffer.concat(errors).toString("utf8").trim()}`));
    });
    // pdftotext may stop reading early (a broken PDF): its exit status says why, not the write.
    child.stdin.on("error", () => undefined);
    child.stdin.end(pdf);
  });
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** Pages whose text holds invisible characters inside words. */
export function textLayerProblems(pageTexts: readonly string[]): TextLayerProblem[] {
  const problems: TextLayerProblem[] = [];
  pageTexts.forEach((text, i) => {
    const words = text.match(WORD_WITH_INVISIBLE) ?? [];
    if (words.length === 0) return;
    const counts: Record<string, number> = {};
    for (const w of words) for (const c of w) if (INVISIBLE.test(c)) counts[codePoint(c)] = (counts[codePoint(c)] ?? 0) + 1;
    problems.push({ page: i + 1, counts, words: [...new Set(words)].slice(0, 3).map(showInvisible) });
  });
  return problems;
}

const NAMES: Record<string, string> = { "\u00ad": "SHY", "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM", "\ufffd": "U+FFFD" };

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function showInvisible(word: string): string {
  return [...word].map((c) => (INVISIBLE.test(c) ? `‹${NAMES[c] ?? codePoint(c)}›` : c)).join("");
}
