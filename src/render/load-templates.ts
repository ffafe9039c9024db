import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { fileURLToPath } from "node:url";
import type { Chapter } from "../chapter/define-chapter.ts";
import type { ClaimDef } from "../chapter/define-claim.ts";
import { chartTextSchema, parseChartText, readChartText, type ChartText } from "../charts/chart-text.ts";
import { unprintableInSources, type PrintedSource } from "../fonts/check-template-glyphs.ts";
import { displayPathOf } from "../io/display-path.ts";
import { parseYaml } from "../io/load-yaml.ts";
import { readTemplateFile } from "../io/read-template-file.ts";
import { TemplateError } from "../errors.ts";
import { messages } from "../messages.ts";

/** A template file's text and where it came from (for error messages). */
export interface Source {
  name: string;
  file: string;
  text: string;
  /** The line of `file` on which `text` begins, when known (1 for a whole file); error messages then give file lines. */
  line?: number;
}

const localizedPair = z.strictObject({ primary: z.string(), secondary: z.string().optional() });

const exhibitsSchema = z.record(
  z.string(),
  z.strictObject({
    /** Caption in this language (Markdown inline, may use helpers). */
    caption: z.string().min(1),
    /** Column headers in this language, by column id (tables only). */
    columns: z.record(z.string(), z.string()).optional(),
    /** Headers that span a group of columns (a table's spanner heads), by group id. */
    spanners: z.record(z.string(), z.string()).optional(),
    /** Notes printed under the exhibit (Markdown, may use helpers). */
    notes: z.string().optional(),
    /** Footnotes attached to table rows, by row id (Markdown inline). */
    rowNotes: z.record(z.string(), z.string()).optional(),
  }),
);
export type ExhibitText = z.output<typeof exhibitsSchema>;

const stringsSchema = z.record(z.string(), z.string());

/**
 * notes.yaml: what the note on the figures calls each published figure and conclusion, with an
 * optional sentence on why it differs (may use helpers), and a conclusion's wording per outcome
 * (its facts are `facts`, e.g. `{{num facts.rise}}`).
 */
const noteEntry = { label: z.string().trim().min(1), why: z.string().trim().min(1).optional() };
const notesSchema = z.strictObject({
  figures: z.record(z.string(), z.strictObject(noteEntry)).default({}),
  claims: z.record(z.string(), z.strictObject({ ...noteEntry, wording: z.record(z.string(), z.string().trim().min(1)) })).default({}),
});
export type NotesText = z.output<typeof notesSchema> & { file: string };
const claimWordingSchema = z.record(z.string(), z.record(z.string(), z.string()));
export type ClaimWording = z.output<typeof claimWordingSchema>;
void localizedPair;

/** Everything one language's documents are rendered from. */
export interface LanguageTemplates {
  lang: string;
  /** Chapter prose sections, in file-name order. */
  sections: Source[];
  /** Handout prose blocks by name (templates/<lang>/handout/*.md). */
  handout: Map<string, Source>;
  strings: Record<string, string>;
  exhibits: ExhibitText;
  claims: ClaimWording;
  claimsFile: string;
  /** The figures' wording (charts.yaml). */
  chartText: ChartText;
  /** Names for the note on the figures (notes.yaml); undefined when the chapter has none. */
  notes: NotesText | undefined;
}

/** Language-independent templates: layouts, partials and style sheets. */
export interface SharedTemplates {
  layouts: Map<string, Source>;
  partials: Map<string, Source>;
  styles: Map<string, Source>;
}

export interface TemplateSet {
  dir: string;
  shared: SharedTemplates;
  languages: Map<string, LanguageTemplates>;
}

function readSource(file: string, name: string): Source {
  return { name, file: displayPathOf(file), text: readTemplateFile(file).replace(/\r\n?/g, "\n"), line: 1 };
}

function readFolder(dir: string, ext: string): Map<string, Source> {
  const out = new Map<string, Source>();
  if (!existsSync(dir)) return out;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    throw new TemplateError(`${displayPathOf(dir)}: ${messages.notAFolder((err as NodeJS.ErrnoException).code ?? (err as Error).message)}`, { cause: err });
  }
  for (const f of names) {
    if (f.endsWith(ext)) out.set(f.slice(0, -ext.length), readSource(path.join(dir, f), f.slice(0, -ext.length)));
  }
  return out;
}

/** The book format every chapter is set in unless its templates folder has its own layouts, partials and styles. */
export const FORMAT_DIR = fileURLToPath(new URL("../../templates", import.meta.url));

/** Reads a chapter's templates (default its own folder) for the given languages. */
export function loadTemplates(chapter: Chapter, langs: readonly string[], dir: string = chapter.templatesDir): TemplateSet {
  const root = path.resolve(dir);
  if (!existsSync(root)) throw new TemplateError(`template folder ${displayPathOf(root)} does not exist`);
  const format = existsSync(path.join(root, "layouts")) ? root : FORMAT_DIR;
  const shared: SharedTemplates = {
    layouts: readFolder(path.join(format, "layouts"), ".hbs"),
    partials: readFolder(path.join(format, "partials"), ".hbs"),
    styles: readFolder(path.join(format, "styles"), ".css"),
  };
  const schema = chartTextSchema(chapter);
  const languages = new Map<string, LanguageTemplates>();
  const wordingProblems: string[] = [];
  const printed: PrintedSource[] = formatSources(shared, langs);
  for (const lang of langs) {
    const base = path.join(root, lang);
    const yamlFile = (name: string) => {
      const file = path.join(base, name);
      if (!existsSync(file)) throw new TemplateError(`${displayPathOf(file)}: the file is missing`);
      return { text: readTemplateFile(file), file: displayPathOf(file) };
    };
    const strings = yamlFile("strings.yaml");
    const exhibits = yamlFile("exhibits.yaml");
    const claims = yamlFile("claims.yaml");
    const charts = readChartText(root, lang);
    const claimWording = parseYaml(claims.text, claims.file, claimWordingSchema);
    const notesSrc = existsSync(path.join(base, "notes.yaml")) ? yamlFile("notes.yaml") : undefined;
    const notes = notesSrc ? { ...parseYaml(notesSrc.text, notesSrc.file, notesSchema), file: notesSrc.file } : undefined;
    wordingProblems.push(...checkClaimWording(claimWording, claims.file, chapter.claims));
    const sections = [...readFolder(path.join(base, "chapter"), ".md").values()];
    const handout = readFolder(path.join(base, "handout"), ".md");
    languages.set(lang, {
      lang,
      sections,
      handout,
      strings: parseYaml(strings.text, strings.file, stringsSchema),
      exhibits: parseYaml(exhibits.text, exhibits.file, exhibitsSchema),
      claims: claimWording,
      claimsFile: claims.file,
      chartText: parseChartText(charts, schema),
      notes,
    });
    // Checked against this language's fonts. Captions, headers and exhibit labels also print as
    // another language's secondary captions, in that page's fonts, which are not checked here: the
    // renderer embeds only the page language's faces, so a zh-Hans caption on an en page (Noto HK)
    // lacks simplified-only characters such as 图; fixing that belongs in the renderer.
    printed.push(
      ...[...sections, ...handout.values()].map((s): PrintedSource => ({ file: s.file, text: s.text, syntax: "markdown", languages: [lang] })),
      ...[charts, strings, exhibits, claims, ...(notesSrc ? [notesSrc] : [])].map((y): PrintedSource => ({ ...y, syntax: "yaml", languages: [lang] })),
    );
  }
  if (wordingProblems.length) throw new TemplateError(wordingProblems.join("\n"));
  const undrawable = unprintableInSources(printed);
  if (undrawable.length) throw new TemplateError(undrawable.join("\n"));
  return { dir: root, shared, languages };
}

/** The book format's files, as every language's pages print them. */
function formatSources(shared: SharedTemplates, langs: readonly string[]): PrintedSource[] {
  return [
    ...[...shared.layouts.values(), ...shared.partials.values()].map((s): PrintedSource => ({ file: s.file, text: s.text, syntax: "handlebars", languages: langs })),
    ...[...shared.styles.values()].map((s): PrintedSource => ({ file: s.file, text: s.text, syntax: "css", languages: langs })),
  ];
}

/**
 * Every claim worded in claims.yaml (and each variant `id#variant`) must be a claim of the registry
 * and have wording for every outcome it can have (only the required one, for a required claim), so
 * that a data update that changes an outcome never finds a sentence missing.
 */
export function checkClaimWording(wording: ClaimWording, file: string, claims: readonly ClaimDef<never>[]): string[] {
  const problems: string[] = [];
  for (const [key, byOutcome] of Object.entries(wording)) {
    const def = claims.find((c) => c.id === key.split("#")[0]);
    if (!def) {
      problems.push(messages.claimWordingUnknownClaim(file, key));
      continue;
    }
    for (const outcome of Object.keys(byOutcome)) {
      if (!def.outcomes.includes(outcome)) problems.push(messages.claimWordingUnknownOutcome(file, key, outcome, def.outcomes));
    }
    for (const outcome of def.required === undefined ? def.outcomes : [def.required]) {
      if (!(outcome in byOutcome)) problems.push(messages.claimWordingMissing(file, key, outcome));
    }
  }
  return problems;
}
