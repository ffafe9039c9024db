/**
 * The options every command shares, resolved once: which chapter (`--chapter DIR`, default the
 * brain-drain chapter), its data and templates folders (`--data`, `--templates`, default the
 * chapter's own), and the output folder (`--out`, default output/).
 */
import path from "node:path";
import type { Chapter } from "../chapter/define-chapter.ts";
import { DEFAULT_CHAPTER_DIR, loadChapter } from "../chapter/load-chapter.ts";
import { UsageError } from "../errors.ts";
import { isoDate } from "../data/edition.ts";
import { messages, show } from "../messages.ts";
import type { CommandContext } from "./command.ts";

export interface ResolvedConfig {
  chapter: Chapter;
  dataDir: string;
  templatesDir: string;
  outDir: string;
  /** `--as-of`: the date the data are taken as known on; undefined for the edition's release date. */
  asOf: string | undefined;
}

/** The option declarations of the shared options, for a command's `options`. */
export const SHARED_OPTIONS = {
  chapter: { type: "string" },
  data: { type: "string" },
  templates: { type: "string" },
  out: { type: "string" },
  /** Build the data as known on this date (rows with release dates published later are left out); default the release date. */
  "as-of": { type: "string" },
} as const;

export async function resolveConfig(values: CommandContext["values"]): Promise<ResolvedConfig> {
  const chapter = await loadChapter(String(values.chapter ?? DEFAULT_CHAPTER_DIR));
  return {
    chapter,
    dataDir: values.data === undefined ? chapter.dataDir : path.resolve(String(values.data)),
    templatesDir: values.templates === undefined ? chapter.templatesDir : path.resolve(String(values.templates)),
    outDir: path.resolve(String(values.out ?? "output")),
    asOf: resolveAsOf(values["as-of"]),
  };
}

/** `--lang`: one of the chapter's languages, checked against the known locales. */
export function resolveLang(values: CommandContext["values"], chapter: Chapter): string | undefined {
  const lang = values.lang === undefined ? undefined : String(values.lang);
  if (lang === undefined) return undefined;
  if (!chapter.languages.includes(lang)) throw new UsageError(messages.langOption(chapter.languages, lang));
  return lang;
}

/** `--as-of`: a real calendar date written YYYY-MM-DD. */
function resolveAsOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const parsed = isoDate.safeParse(String(value));
  if (!parsed.success) throw new UsageError(`--as-of: ${parsed.error.issues[0]?.message ?? "expected a date"}, got ${show(String(value))}`);
  return parsed.data;
}
