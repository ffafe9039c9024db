/**
 * Loads a chapter folder: imports its `chapter.ts` (whose default export is `defineChapter(…)`),
 * checks the definition, registers its locales, and says where its data and templates are.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ChapterError } from "../errors.ts";
import { displayPathOf } from "../io/display-path.ts";
import { localeOf, registerLocales } from "../locale/locale-of.ts";
import { messages } from "../messages.ts";
import type { Chapter, ChapterDefinition } from "./define-chapter.ts";
import { numberExhibits } from "./define-exhibit.ts";

/** The chapter greenbook builds when none is named: the brain-drain chapter of the 2024 Green Paper. */
export const DEFAULT_CHAPTER_DIR = "chapters/brain-drain";

/** Imports and checks the chapter in `dir`. */
export async function loadChapter(dir: string = DEFAULT_CHAPTER_DIR): Promise<Chapter> {
  const root = path.resolve(dir);
  const file = path.join(root, "chapter.ts");
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new ChapterError(messages.noChapterFolder(displayPathOf(root)));
  if (!existsSync(file)) throw new ChapterError(messages.noChapterFile(displayPathOf(file)));
  let mod: { default?: ChapterDefinition };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: ChapterDefinition };
  } catch (err) {
    throw new ChapterError(messages.chapterNotLoaded(displayPathOf(file), (err as Error).message), { cause: err });
  }
  if (!mod.default || typeof mod.default !== "object") throw new ChapterError(messages.chapterNoDefault(displayPathOf(file)));
  return resolveChapter(mod.default, root);
}

/** A chapter definition with its folders, checked: unique exhibit ids, known languages, a handout chart that exists. */
export function resolveChapter(def: ChapterDefinition, root: string): Chapter {
  const where = displayPathOf(path.join(root, "chapter.ts"));
  registerLocales(def.locales ?? []);
  for (const lang of def.languages) localeOf(lang);
  const ids = new Set<string>();
  for (const e of [...def.exhibits, ...(def.variants ?? [])]) {
    if (ids.has(e.id)) throw new ChapterError(messages.duplicateExhibit(where, e.id));
    ids.add(e.id);
  }
  numberExhibits(def.exhibits);
  if (def.handout && !ids.has(def.handout.chart)) throw new ChapterError(messages.handoutChartUnknown(where, def.handout.chart));
  return { ...def, dir: root, dataDir: path.join(root, "data"), templatesDir: path.join(root, "templates") } as Chapter;
}
