/**
 * The options every command shares, resolved once: which chapter (`--chapter DIR`, default the
 * brain-drain chapter), its data and templates folders (`--data`, `--templates`, default the
 * chapter's own), and the output folder (`--out`, default output/).
 */
import path from "node:path";
import type { Chapter } from "../chapter/define-chapter.ts";
import { DEFAULT_CHAPTER_DIR, loadChapter } from "../chapter/load-chapter.ts";
import { UsageError } from "../errors.ts";
import { messages } from "../messages.ts";
import type { CommandContext } from "./command.ts";

export interface ResolvedConfig {
  chapter: Chapter;
  dataDir: string;
  templatesDir: string;
  outDir: string;
}

/** The option declarations of the shared options, for a command's `options`. */
export const SHARED_OPTIONS = {
  chapter: { type: "string" },
  data: { type: "string" },
  templates: { type: "string" },
  out: { type: "string" },
} as const;

export async function resolveConfig(values: CommandContext["values"]): Promise<ResolvedConfig> {
  const chapter = await loadChapter(String(values.chapter ?? DEFAULT_CHAPTER_DIR));
  return {
    chapter,
    dataDir: values.data === undefined ? chapter.dataDir : path.resolve(String(values.data)),
    templatesDir: values.templates === undefined ? chapter.templatesDir : path.resolve(String(values.templates)),
    outDir: path.resolve(String(values.out ?? "output")),
  };
}

/** `--lang`: one of the chapter's languages, checked against the known locales. */
export function resolveLang(values: CommandContext["values"], chapter: Chapter): string | undefined {
  const lang = values.lang === undefined ? undefined : String(values.lang);
  if (lang === undefined) return undefined;
  if (!chapter.languages.includes(lang)) throw new UsageError(messages.langOption(chapter.languages, lang));
  return lang;
}
